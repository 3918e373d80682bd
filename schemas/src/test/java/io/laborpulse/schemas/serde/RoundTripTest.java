package io.laborpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laborpulse.schemas.avro.ActivitySpike;
import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Precision;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.avro.Severity;
import io.laborpulse.schemas.avro.SpikeStatus;
import io.laborpulse.schemas.avro.TimeSource;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    private static final Instant T = Instant.parse("2025-12-03T08:00:00Z");

    static Stream<SpecificRecord> records() {
        return Stream.of(
                LaborEvent.newBuilder().setId("004#0").setEventType(EventType.WELFARE_SERVICE)
                        .setSecondaryTypes(List.of(EventType.EMPLOYMENT_SERVICE)).setRegion("CN-GS").setRegionName("Gansu")
                        .setCountry("CN").setPlace("陇西县").setPrecision(Precision.CITY).setParticipants(700L)
                        .setEventTime(T).setTimeSource(TimeSource.EVENT_DATE).setConfidence(0.9)
                        .setEvidence("省总工会赴帮扶村开展爱心义诊").setSourceIds(List.of("004")).build(),
                ReportedEvent.newBuilder().setId("r1").setSource("tracker").setEventType("اعتصاب").setCountry("IR")
                        .setPlace("اصفهان").setEventDate(LocalDate.of(2025, 9, 10)).setParticipants(300L).setReportedAt(T).build(),
                RegionActivity.newBuilder().setRegion("IR-10").setWindowStart(T).setWindowEnd(T.plusSeconds(3600))
                        .setTotal(2).setByType(Map.of("PROTEST", 2L)).setParticipants(300).setSources(List.of("ilna"))
                        .setDistinctSources(1).build(),
                ActivitySpike.newBuilder().setRegion("IR-10").setEventType(EventType.STRIKE).setWindowStart(T)
                        .setWindowEnd(T.plusSeconds(3600)).setObserved(9).setExpected(1.2).setScore(5.5)
                        .setSeverity(Severity.CRITICAL).setStatus(SpikeStatus.FIRING).setEvidenceEventIds(List.of("a#0"))
                        .setDetectedAt(T).build());
    }

    @ParameterizedTest
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void shouldReadBackWhatItWrote(T record) {
        ConfluentAvroSerde<T> serde = ConfluentAvroSerde.forValues(new InMemorySchemaRegistryClient(), (Class<T>) record.getClass());

        T back = serde.deserializer().deserialize("topic", serde.serializer().serialize("topic", record));

        assertThat(back).isEqualTo(record);
    }

    @Test
    void shouldPassNullThroughAsNull() {
        ConfluentAvroSerde<LaborEvent> serde = ConfluentAvroSerde.forValues(new InMemorySchemaRegistryClient(), LaborEvent.class);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubjectWhenConfiguredForKeys() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        ConfluentAvroSerde<RegionActivity> serde = new ConfluentAvroSerde<>(registry, RegionActivity.class);
        serde.configure(Map.of(), true);

        serde.serializer().serialize("labor.activity.v1", (RegionActivity) records().toList().get(2));

        assertThat(registry.subjects()).containsExactly("labor.activity.v1-key");
    }

    @Test
    void shouldOnlyLookUpWhenAutoRegisterIsOff() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        ConfluentAvroSerde<RegionActivity> serde = new ConfluentAvroSerde<>(registry, RegionActivity.class);
        serde.configure(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        RegionActivity activity = (RegionActivity) records().toList().get(2);

        assertThatThrownBy(() -> serde.serializer().serialize("labor.activity.v1", activity))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not registered");

        registry.register("labor.activity.v1-value", RegionActivity.getClassSchema());
        assertThat(WireFormat.schemaIdOf(serde.serializer().serialize("labor.activity.v1", activity))).isEqualTo(1);
    }

    @Test
    void shouldInsistOnARegistryUrlWhenBuiltByKafka() {
        ConfluentAvroSerializer<LaborEvent> serializer = new ConfluentAvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(), false)).hasMessageContaining(SerdeConfig.SCHEMA_REGISTRY_URL);
    }
}
