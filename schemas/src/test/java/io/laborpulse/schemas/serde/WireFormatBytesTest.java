package io.laborpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The bytes on the wire are Confluent's, byte for byte: expected bytes are written out by hand
 * from the Avro specification (zig-zag varints, length-prefixed UTF-8, union branch indexes,
 * blocked maps and arrays), not produced by Avro.
 */
class WireFormatBytesTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldWriteTheConfluentFrameAroundPlainAvroBinary() {
        Article article = Article.newBuilder().setId("a").setSource("s").setText("کار")
                .setIngestedAt(Instant.ofEpochMilli(1000)).build();

        byte[] bytes = new ConfluentAvroSerializer<Article>(registry, false).serialize("labor.articles.v1", article);

        byte[] expected = {
            0x00,                   // magic byte
            0x00, 0x00, 0x00, 0x01, // schema id 1, big-endian int32
            0x02, 'a',              // id: length 1 (zig-zag 2), then UTF-8
            0x02, 's',              // source
            0x00,                   // url: union branch 0 = null
            0x00,                   // title: null
            0x0C, (byte) 0xDA, (byte) 0xA9, (byte) 0xD8, (byte) 0xA7, (byte) 0xD8, (byte) 0xB1, // text: 6 UTF-8 bytes (zig-zag 12): ک ا ر
            0x00,                   // lang: null
            0x00,                   // countryHint: null
            0x00,                   // published: null
            (byte) 0xD0, 0x0F       // ingestedAt: 1000 ms, zig-zag 2000 = 0b1111_1010000 -> low 7 bits 0x50|0x80, then 0x0F
        };
        assertThat(bytes).containsExactly(expected);
    }

    @Test
    void shouldEncodeMapsArraysAndMultiByteVarintsAsAvroSays() {
        RegionActivity activity = RegionActivity.newBuilder().setRegion("IR-10")
                .setWindowStart(Instant.EPOCH).setWindowEnd(Instant.ofEpochMilli(3_600_000))
                .setTotal(2).setByType(Map.of("PROTEST", 2L)).setParticipants(300)
                .setSources(List.of("ilna")).setDistinctSources(1).build();

        byte[] bytes = new ConfluentAvroSerializer<RegionActivity>(registry, false).serialize("labor.activity.v1", activity);

        byte[] expected = {
            0x00, 0x00, 0x00, 0x00, 0x01,             // magic byte, schema id 1
            0x0A, 'I', 'R', '-', '1', '0',            // region: length 5 (zig-zag 10)
            0x00,                                     // granularity: enum index 0 (HOUR)
            0x00,                                     // closed: false
            0x00,                                     // windowStart: 0
            (byte) 0x80, (byte) 0xBA, (byte) 0xB7, 0x03, // windowEnd: 3600000, zig-zag 7200000 = 3·128³ + 55·128² + 58·128 + 0
            0x04,                                     // total: 2 (zig-zag 4)
            0x02,                                     // byType: a block of 1 entry (zig-zag 2)
            0x0E, 'P', 'R', 'O', 'T', 'E', 'S', 'T',  //   key: length 7
            0x04,                                     //   value: 2
            0x00,                                     //   end of map
            0x00,                                     // participantsByType: empty map
            (byte) 0xD8, 0x04,                        // participants: 300, zig-zag 600 = 4·128 + 88 -> 0x58|0x80, 0x04
            0x02,                                     // sources: a block of 1 item
            0x08, 'i', 'l', 'n', 'a',                 //   "ilna": length 4
            0x00,                                     //   end of array
            0x02,                                     // distinctSources: int 1 (zig-zag 2)
            0x00                                      // topEvents: empty map
        };
        assertThat(bytes).containsExactly(expected);
    }

    @Test
    void shouldBeReadableByAPlainGenericAvroDecoderAfterTheHeader() throws Exception {
        Article article = Article.newBuilder().setId("fa-1").setSource("ایلنا").setTitle("工会")
                .setText("تجمع کارگران").setPublished(Instant.ofEpochMilli(1000)).setIngestedAt(Instant.ofEpochMilli(2000)).build();

        byte[] bytes = new ConfluentAvroSerializer<Article>(registry, false).serialize("labor.articles.v1", article);

        GenericRecord decoded = new GenericDatumReader<GenericRecord>(registry.getSchemaById(WireFormat.schemaIdOf(bytes)))
                .read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
        assertThat(decoded.get("source")).hasToString("ایلنا");
        assertThat(decoded.get("title")).hasToString("工会");
        assertThat(decoded.get("text")).hasToString("تجمع کارگران");
        assertThat(decoded.get("published")).isEqualTo(1000L);
        assertThat(decoded.get("ingestedAt")).isEqualTo(2000L);
    }

    @Test
    void shouldWriteTheSchemaIdBigEndian() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    }

    @Test
    void shouldReadTheSchemaIdBigEndian() {
        assertThat(WireFormat.schemaIdOf(new byte[] {0x00, 0x00, 0x01, 0x02, 0x03, 0x02, 'a'})).isEqualTo(0x010203);
    }

    @Test
    void shouldNameTheSubjectAfterTheTopicForKeysAndValues() {
        assertThat(WireFormat.subject("labor.events.v1", false)).isEqualTo("labor.events.v1-value");
        assertThat(WireFormat.subject("labor.events.v1", true)).isEqualTo("labor.events.v1-key");
    }

    @Test
    void shouldRejectJsonAsNotConfluentWireFormat() {
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>(registry, Article.class);

        assertThatThrownBy(() -> deserializer.deserialize("t", "{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not Confluent wire format")
                .hasMessageContaining("0x7b");
    }

    @Test
    void shouldRejectAvroSingleObjectEncodingShowingItsFirstByte() {
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>(registry, Article.class);
        byte[] singleObject = {(byte) 0xC3, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 'a'};

        assertThatThrownBy(() -> deserializer.deserialize("t", singleObject))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 0xc3");
    }

    @Test
    void shouldRejectBytesShorterThanTheHeader() {
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>(registry, Article.class);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("3 bytes is too short");
    }

    @Test
    void shouldRejectAnUnknownSchemaId() {
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>(registry, Article.class);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 42, 2, 'a'}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id 42");
    }

    @Test
    void shouldRejectAPayloadThatDoesNotDecode() {
        byte[] good = new ConfluentAvroSerializer<Article>(registry, false).serialize("t",
                Article.newBuilder().setId("a").setSource("s").setText("t").setIngestedAt(Instant.EPOCH).build());
        byte[] truncated = Arrays.copyOf(good, 8);

        assertThatThrownBy(() -> new ConfluentAvroDeserializer<>(registry, Article.class).deserialize("labor.articles.v1", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode a record of topic labor.articles.v1 written with schema id 1");
    }
}
