package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

import static io.laborpulse.registry.Fixtures.ADD_DEFAULTED;
import static io.laborpulse.registry.Fixtures.ADD_OPTIONAL;
import static io.laborpulse.registry.Fixtures.ADD_REQUIRED;
import static io.laborpulse.registry.Fixtures.OTHER;
import static io.laborpulse.registry.Fixtures.PERSIAN_SUBJECT;
import static io.laborpulse.registry.Fixtures.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The registry's rules without HTTP: ids, versions, idempotence, levels and recovery from the store. */
class SchemaRegistryTest {

    private static final String SUBJECT = "labor.events.v1-value";

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private final SchemaRegistry registry = new SchemaRegistry(store);

    @Test
    void shouldGiveNewSchemasIncreasingIdsFromOne() {
        assertThat(registry.register(SUBJECT, V1.toString())).isEqualTo(1);
        assertThat(registry.register(SUBJECT, ADD_OPTIONAL.toString())).isEqualTo(2);
        assertThat(registry.register("other-value", OTHER.toString())).isEqualTo(3);
    }

    @Test
    void shouldKeepTheCanonicalFormOfARegisteredSchema() {
        String spaced = "{ \"type\" : \"record\", \"namespace\" : \"test\", \"name\" : \"Event\",\n"
                + "  \"fields\" : [ {\"name\":\"id\",\"type\":\"string\"}, {\"name\":\"place\",\"type\":\"string\"} ] }";

        int id = registry.register(SUBJECT, spaced);

        assertThat(registry.schemaById(id)).isEqualTo(V1.toString());
    }

    @Test
    void shouldReturnTheEarlierIdWithoutANewVersionWhenAnOldVersionIsRegisteredAgain() {
        registry.setLevel(null, CompatibilityLevel.NONE);
        registry.register(SUBJECT, V1.toString());
        registry.register(SUBJECT, ADD_REQUIRED.toString());

        assertThat(registry.register(SUBJECT, V1.toString())).isEqualTo(1);
        assertThat(registry.versionsOf(SUBJECT)).extracting(SchemaRegistry.Version::version).containsExactly(1, 2);
    }

    @Test
    void shouldGiveAnIdenticalSchemaUnderAnotherSubjectItsExistingId() {
        registry.register(SUBJECT, V1.toString());

        assertThat(registry.register(PERSIAN_SUBJECT, V1.toString())).isEqualTo(1);
        assertThat(registry.usesOf(1)).containsExactly(
                new SchemaRegistry.Version(SUBJECT, 1, 1, V1.toString()),
                new SchemaRegistry.Version(PERSIAN_SUBJECT, 1, 1, V1.toString()));
    }

    @Test
    void shouldRefuseABackwardIncompatibleVersionByDefault() {
        registry.register(SUBJECT, V1.toString());

        assertThatThrownBy(() -> registry.register(SUBJECT, ADD_REQUIRED.toString()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
                .hasMessage("Schema being registered is incompatible with an earlier schema for subject '"
                        + SUBJECT + "' under compatibility level BACKWARD");
    }

    @Test
    void shouldObeyTheSubjectLevelOverTheGlobalOne() {
        registry.register(SUBJECT, V1.toString());
        registry.setLevel(null, CompatibilityLevel.FULL);
        registry.setLevel(SUBJECT, CompatibilityLevel.NONE);

        assertThat(registry.register(SUBJECT, ADD_REQUIRED.toString())).isEqualTo(2);
        assertThat(registry.effectiveLevel("another-value")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void shouldCheckEveryVersionWhenRegisteringUnderATransitiveLevel() {
        registry.setLevel(SUBJECT, CompatibilityLevel.BACKWARD_TRANSITIVE);
        registry.register(SUBJECT, V1.toString());
        registry.register(SUBJECT, ADD_DEFAULTED.toString());

        assertThatThrownBy(() -> registry.register(SUBJECT, ADD_REQUIRED.toString()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    }

    @Test
    void shouldCheckOnlyTheNamedVersionWhenAskedAboutCompatibility() {
        registry.setLevel(SUBJECT, CompatibilityLevel.BACKWARD_TRANSITIVE);
        registry.register(SUBJECT, V1.toString());
        registry.register(SUBJECT, ADD_DEFAULTED.toString());

        assertThat(registry.isCompatible(SUBJECT, "2", ADD_REQUIRED.toString())).isTrue();
        assertThat(registry.isCompatible(SUBJECT, "latest", ADD_REQUIRED.toString())).isFalse();
    }

    @Test
    void shouldRefuseAnInvalidSchemaWith42201() {
        assertThatThrownBy(() -> registry.register(SUBJECT, "{\"type\":\"record\",\"name\":\"NoFields\"}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INVALID_SCHEMA);
                })
                .hasMessageStartingWith("Invalid schema: ");
    }

    @Test
    void shouldRebuildItsStateFromTheStoreAndContinueAfterTheHighestId() {
        store.append(new RegistryEntry.SchemaVersion(SUBJECT, 1, 7, V1.toString()));
        store.append(new RegistryEntry.Config(SUBJECT, CompatibilityLevel.NONE));

        SchemaRegistry restarted = new SchemaRegistry(store);

        assertThat(restarted.version(SUBJECT, "latest")).isEqualTo(new SchemaRegistry.Version(SUBJECT, 1, 7, V1.toString()));
        assertThat(restarted.subjectLevel(SUBJECT)).hasValue(CompatibilityLevel.NONE);
        assertThat(restarted.register(SUBJECT, ADD_REQUIRED.toString())).isEqualTo(8);
    }

    @Test
    void shouldLetTheLaterEntryForTheSameVersionWinOnReplay() {
        store.append(new RegistryEntry.SchemaVersion(SUBJECT, 1, 1, V1.toString()));
        store.append(new RegistryEntry.SchemaVersion(SUBJECT, 1, 1, V1.toString()));

        assertThat(new SchemaRegistry(store).versionsOf(SUBJECT)).hasSize(1);
    }

    @Test
    void shouldReadTheStoreAgainAfterAWriteWhoseAcknowledgementWasLost() {
        AckLosingStore flaky = new AckLosingStore();
        SchemaRegistry onFlakyStore = new SchemaRegistry(flaky);
        flaky.loseNextAck.set(true);
        assertThatThrownBy(() -> onFlakyStore.register(SUBJECT, V1.toString()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.STORE_ERROR));

        int next = onFlakyStore.register(SUBJECT, ADD_OPTIONAL.toString());

        assertThat(next).isEqualTo(2);
        assertThat(onFlakyStore.versionsOf(SUBJECT)).extracting(SchemaRegistry.Version::id).containsExactly(1, 2);
    }

    /** Stores every entry, but can report the next write as failed, as a timed-out send would. */
    private static final class AckLosingStore implements SchemaStore {
        private final InMemorySchemaStore entries = new InMemorySchemaStore();
        private final AtomicBoolean loseNextAck = new AtomicBoolean();

        @Override
        public List<RegistryEntry> load() {
            return entries.load();
        }

        @Override
        public void append(RegistryEntry entry) {
            entries.append(entry);
            if (loseNextAck.getAndSet(false)) {
                throw new IllegalStateException("No acknowledgement within 35 s");
            }
        }
    }
}
