package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

import static io.laborpulse.registry.Fixtures.ADD_DEFAULTED;
import static io.laborpulse.registry.Fixtures.ADD_OPTIONAL;
import static io.laborpulse.registry.Fixtures.ADD_REQUIRED;
import static io.laborpulse.registry.Fixtures.REMOVE_FIELD;
import static io.laborpulse.registry.Fixtures.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each Confluent level against the three kinds of change, decided by Avro's reader/writer rules. */
class CompatibilityLevelTest {

    @ParameterizedTest(name = "{0}: add optional {1}, add required {2}, remove field {3}")
    @CsvSource({
        "NONE,                true, true,  true",
        "BACKWARD,            true, false, true",
        "BACKWARD_TRANSITIVE, true, false, true",
        "FORWARD,             true, true,  false",
        "FORWARD_TRANSITIVE,  true, true,  false",
        "FULL,                true, false, false",
        "FULL_TRANSITIVE,     true, false, false",
    })
    void shouldDecideEachKindOfChangeAsConfluentDoes(CompatibilityLevel level, boolean addOptional,
            boolean addRequired, boolean removeField) {
        assertThat(level.allows(ADD_OPTIONAL, List.of(V1))).isEqualTo(addOptional);
        assertThat(level.allows(ADD_REQUIRED, List.of(V1))).isEqualTo(addRequired);
        assertThat(level.allows(REMOVE_FIELD, List.of(V1))).isEqualTo(removeField);
    }

    @Test
    void shouldCompareOnlyWithTheLatestVersionUnderAPlainLevel() {
        assertThat(CompatibilityLevel.BACKWARD.allows(ADD_REQUIRED, List.of(V1, ADD_DEFAULTED))).isTrue();
    }

    @Test
    void shouldCompareWithEveryVersionUnderATransitiveLevel() {
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.allows(ADD_REQUIRED, List.of(V1, ADD_DEFAULTED))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void shouldAllowAnySchemaAsTheFirstVersion(CompatibilityLevel level) {
        assertThat(level.allows(REMOVE_FIELD, List.of())).isTrue();
    }

    @Test
    void shouldParseALevelCaseInsensitively() {
        assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void shouldRefuseAnUnknownLevelWith42203() {
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL);
                })
                .hasMessage("Invalid compatibility level 'SIDEWAYS'. Valid values are: [NONE, BACKWARD, "
                        + "BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE]");
    }
}
