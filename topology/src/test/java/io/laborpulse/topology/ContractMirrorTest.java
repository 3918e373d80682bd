package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The extraction library's taxonomy, precision, actors and sectors are the source; the Avro enums on the wire
 * must carry the same symbols in the same order, or {@link ArticleEnricher} would fail at run time.
 */
class ContractMirrorTest {

    @Test
    void shouldCarryEveryEventTypeOnTheWire() {
        assertThat(names(io.laborpulse.schemas.avro.EventType.values()))
                .containsExactly(names(io.laborpulse.extract.EventType.values()));
    }

    @Test
    void shouldCarryEveryPrecisionOnTheWire() {
        assertThat(names(io.laborpulse.schemas.avro.Precision.values()))
                .containsExactly(names(io.laborpulse.extract.Precision.values()));
    }

    @Test
    void shouldCarryEveryActorOnTheWire() {
        assertThat(names(io.laborpulse.schemas.avro.Actor.values()))
                .containsExactly(names(io.laborpulse.extract.Actor.values()));
    }

    @Test
    void shouldCarryEverySectorOnTheWire() {
        assertThat(names(io.laborpulse.schemas.avro.Sector.values()))
                .containsExactly(names(io.laborpulse.extract.Sector.values()));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
