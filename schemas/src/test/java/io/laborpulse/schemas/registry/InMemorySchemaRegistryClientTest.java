package io.laborpulse.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The in-memory registry answers as Confluent's does. */
class InMemorySchemaRegistryClientTest {

    private static final Schema V1 = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").endRecord();
    private static final Schema V2_OPTIONAL_FIELD = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").optionalString("region").endRecord();
    private static final Schema V2_REQUIRED_FIELD = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").requiredString("region").endRecord();
    private static final Schema OTHER = SchemaBuilder.record("Other").namespace("test").fields()
            .requiredLong("n").endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldNumberIdsGloballyFromOne() {
        assertThat(registry.register("a-value", V1)).isEqualTo(1);
        assertThat(registry.register("b-value", OTHER)).isEqualTo(2);
    }

    @Test
    void shouldReuseTheIdOfTheSameSchemaUnderAnotherSubject() {
        int id = registry.register("a-value", V1);

        assertThat(registry.register("b-value", new Schema.Parser().parse(V1.toString()))).isEqualTo(id);
        assertThat(registry.getLatest("b-value").version()).isEqualTo(1);
    }

    @Test
    void shouldReturnTheSameIdAndAddNoVersionWhenRegisteringAgain() {
        int id = registry.register("a-value", V1);

        assertThat(registry.register("a-value", V1)).isEqualTo(id);
        assertThat(registry.versions("a-value")).containsExactly(1);
    }

    @Test
    void shouldCountVersionsPerSubjectFromOne() {
        registry.register("other-value", OTHER);
        registry.register("a-value", V1);
        registry.register("a-value", V2_OPTIONAL_FIELD);

        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.getVersion("a-value", 2)).isEqualTo(new RegisteredSchema("a-value", 2, 3, V2_OPTIONAL_FIELD));
        assertThat(registry.getLatest("a-value").schema()).isEqualTo(V2_OPTIONAL_FIELD);
    }

    @Test
    void shouldRejectASchemaThatCannotReadTheLatestVersionWith409() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.register("a-value", V2_REQUIRED_FIELD))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INCOMPATIBLE_SCHEMA);
                })
                .hasMessageContaining("a-value").hasMessageContaining("region");
        assertThat(registry.versions("a-value")).containsExactly(1);
    }

    @Test
    void shouldJudgeCompatibilityAgainstTheLatestVersion() {
        registry.register("a-value", V1);

        assertThat(registry.isCompatible("a-value", V2_OPTIONAL_FIELD)).isTrue();
        assertThat(registry.isCompatible("a-value", V2_REQUIRED_FIELD)).isFalse();
    }

    @Test
    void shouldCallAnySchemaCompatibleWithASubjectThatDoesNotExistYet() {
        assertThat(registry.isCompatible("new-value", V2_REQUIRED_FIELD)).isTrue();
    }

    @Test
    void shouldLookUpOnlyWhatTheSubjectHolds() {
        registry.register("a-value", V1);
        registry.register("b-value", OTHER);

        assertThat(registry.lookup("a-value", V1)).hasValue(new RegisteredSchema("a-value", 1, 1, V1));
        assertThat(registry.lookup("a-value", OTHER)).isEmpty();
        assertThat(registry.lookup("c-value", V1)).isEmpty();
    }

    @Test
    void shouldReportAnUnknownIdWith40403() {
        assertThatThrownBy(() -> registry.getSchemaById(1)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.SCHEMA_NOT_FOUND));
    }

    @Test
    void shouldReportAnUnknownSubjectWith40401() {
        assertThatThrownBy(() -> registry.getLatest("nope-value")).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.SUBJECT_NOT_FOUND));
    }

    @Test
    void shouldReportAMissingVersionWith40402() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.getVersion("a-value", 2)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.VERSION_NOT_FOUND));
    }

    @Test
    void shouldReportAVersionBelowOneWith42202() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.getVersion("a-value", 0)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INVALID_VERSION));
    }

    @Test
    void shouldListSubjectsSorted() {
        registry.register("b-value", OTHER);
        registry.register("a-value", V1);

        assertThat(registry.subjects()).containsExactly("a-value", "b-value");
    }
}
