package io.laborpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laborpulse.schemas.Contracts;
import io.laborpulse.schemas.avro.ActivitySpike;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Precision;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.avro.Severity;
import io.laborpulse.schemas.avro.SpikeStatus;
import io.laborpulse.schemas.avro.TimeSource;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract survives the trip through the serde; old and new writers are read by resolution. */
class RoundTripTest {

    private static final Instant T = Instant.parse("2025-12-03T08:00:00Z");
    private static final String TOPIC = "labor.articles.v1";

    private static final Article ARTICLE = Article.newBuilder().setId("fa-17").setSource("ایلنا")
            .setUrl("https://www.ilna.ir/fa/news/17").setTitle("تجمع بازنشستگان تأمین اجتماعی در اصفهان")
            .setText("بازنشستگان تأمین اجتماعی اصفهان صبح امروز مقابل اداره کل تجمع کردند.").setLang("fa")
            .setCountryHint("IR").setPublished(T).setIngestedAt(T.plusSeconds(5)).build();
    private static final RegionActivity ACTIVITY = RegionActivity.newBuilder().setRegion("IR-10").setWindowStart(T)
            .setWindowEnd(T.plusSeconds(3600)).setTotal(2).setByType(Map.of("PROTEST", 2L)).setParticipants(300)
            .setSources(List.of("ilna")).setDistinctSources(1).build();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    static Stream<SpecificRecord> records() {
        return Stream.of(
                ARTICLE,
                LaborEvent.newBuilder().setId("004#0").setEventType(EventType.WELFARE_SERVICE)
                        .setSecondaryTypes(List.of(EventType.EMPLOYMENT_SERVICE)).setRegion("CN-GS").setRegionName("Gansu")
                        .setCountry("CN").setPlace("陇西县").setPrecision(Precision.CITY).setParticipants(700L)
                        .setEventTime(T).setTimeSource(TimeSource.EVENT_DATE).setConfidence(0.9)
                        .setEvidence("省总工会赴帮扶村开展爱心义诊").setSourceIds(List.of("004")).setLang("zh").build(),
                ReportedEvent.newBuilder().setId("r1").setSource("tracker").setEventType("اعتصاب").setCountry("IR")
                        .setPlace("اصفهان").setEventDate(LocalDate.of(2025, 9, 10)).setParticipants(300L).setReportedAt(T).build(),
                ACTIVITY,
                ActivitySpike.newBuilder().setRegion("IR-10").setEventType(EventType.STRIKE).setWindowStart(T)
                        .setWindowEnd(T.plusSeconds(3600)).setObserved(9).setExpected(1.2).setScore(5.5)
                        .setSeverity(Severity.CRITICAL).setStatus(SpikeStatus.FIRING).setEvidenceEventIds(List.of("a#0"))
                        .setDetectedAt(T).build());
    }

    @Test
    void shouldHaveAFixtureForEveryRecordContract() {
        assertThat(records().map(r -> r.getSchema().getFullName()))
                .containsExactlyInAnyOrderElementsOf(Contracts.currentRecords().values().stream().map(Schema::getFullName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void shouldReadBackWhatItWrote(T record) {
        ConfluentAvroSerde<T> serde = ConfluentAvroSerde.forValues(registry, (Class<T>) record.getClass());

        T back = serde.deserializer().deserialize("topic", serde.serializer().serialize("topic", record));

        assertThat(back).isEqualTo(record);
    }

    @Test
    void shouldPassNullThroughAsNull() {
        ConfluentAvroSerde<Article> serde = ConfluentAvroSerde.forValues(registry, Article.class);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldRegisterValuesUnderTheValueSubject() {
        ConfluentAvroSerde.forValues(registry, Article.class).serializer().serialize(TOPIC, ARTICLE);

        assertThat(registry.subjects()).containsExactly("labor.articles.v1-value");
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() {
        ConfluentAvroSerde.forKeys(registry, RegionActivity.class).serializer().serialize("labor.activity.v1", ACTIVITY);

        assertThat(registry.subjects()).containsExactly("labor.activity.v1-key");
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubjectWhenConfiguredForKeys() {
        ConfluentAvroSerde<RegionActivity> serde = new ConfluentAvroSerde<>(registry, RegionActivity.class);
        serde.configure(Map.of(), true);

        serde.serializer().serialize("labor.activity.v1", ACTIVITY);

        assertThat(registry.subjects()).containsExactly("labor.activity.v1-key");
    }

    @Test
    void shouldRefuseAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>(registry, Article.class);
        serde.configure(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, ARTICLE))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject labor.articles.v1-value");
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void shouldUseTheRegisteredIdWhenAutoRegisterIsOff() {
        registry.register("unrelated-value", ActivitySpike.getClassSchema());
        int id = registry.register("labor.articles.v1-value", Article.getClassSchema());
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>(registry, Article.class);
        serde.configure(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        byte[] bytes = serde.serializer().serialize(TOPIC, ARTICLE);

        assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(id).isEqualTo(2);
    }

    @Test
    void shouldReadDataWrittenWithAnOlderSchema() throws IOException {
        Schema older = SchemaBuilder.record("Article").namespace("io.laborpulse.schemas.avro").fields()
                .requiredString("id").requiredString("source").requiredString("text").requiredLong("ingestedAt").endRecord();
        GenericRecord old = new GenericData.Record(older);
        old.put("id", "zh-3");
        old.put("source", "工人日报");
        old.put("text", "为外卖骑手免费体检");
        old.put("ingestedAt", T.toEpochMilli());

        Article read = new ConfluentAvroDeserializer<>(registry, Article.class)
                .deserialize(TOPIC, framed(registry.register("old", older), old));

        assertThat(read).isEqualTo(Article.newBuilder().setId("zh-3").setSource("工人日报").setText("为外卖骑手免费体检")
                .setIngestedAt(T).build());
    }

    @Test
    void shouldReadDataWrittenWithANewerSchemaIgnoringFieldsItDoesNotKnow() throws IOException {
        Schema newer = SchemaBuilder.record("Article").namespace("io.laborpulse.schemas.avro").fields()
                .requiredString("id").requiredString("source").requiredString("text").requiredLong("ingestedAt")
                .optionalString("author").endRecord();
        GenericRecord record = new GenericData.Record(newer);
        record.put("id", "fa-9");
        record.put("source", "ایلنا");
        record.put("text", "کارگران");
        record.put("ingestedAt", T.toEpochMilli());
        record.put("author", "خبرنگار");

        Article read = new ConfluentAvroDeserializer<>(registry, Article.class)
                .deserialize(TOPIC, framed(registry.register("new", newer), record));

        assertThat(read.getText()).isEqualTo("کارگران");
        assertThat(read.getSource()).isEqualTo("ایلنا");
    }

    @Test
    void shouldSayWhenTheWritersRecordCannotBeReadAsTheReadersType() {
        byte[] activity = ConfluentAvroSerde.forValues(registry, RegionActivity.class).serializer().serialize(TOPIC, ACTIVITY);

        assertThatThrownBy(() -> new ConfluentAvroDeserializer<>(registry, Article.class).deserialize(TOPIC, activity))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 1 (io.laborpulse.schemas.avro.RegionActivity) cannot be read as io.laborpulse.schemas.avro.Article");
    }

    @Test
    void shouldNameTheRecordWhenARequiredFieldIsMissing() {
        Article broken = new Article();
        broken.setId("x");

        assertThatThrownBy(() -> ConfluentAvroSerde.forValues(registry, Article.class).serializer().serialize(TOPIC, broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot encode a io.laborpulse.schemas.avro.Article for subject labor.articles.v1-value");
    }

    private static byte[] framed(int id, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
