package io.laborpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The bytes on the wire are Confluent's, byte for byte. */
class WireFormatBytesTest {

    private static final Instant T = Instant.ofEpochMilli(1000);

    @Test
    void shouldWriteTheConfluentFrameAroundPlainAvroBinary() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        ConfluentAvroSerde<Article> serde = ConfluentAvroSerde.forValues(registry, Article.class);
        Article article = Article.newBuilder().setId("a").setSource("s").setText("کار").setIngestedAt(T).build();

        byte[] bytes = serde.serializer().serialize("labor.articles.v1", article);

        byte[] expected = {
            0x00,                   // magic byte
            0x00, 0x00, 0x00, 0x01, // schema id 1, big-endian
            0x02, 'a',              // id: string of length 1 (zig-zag 2)
            0x02, 's',              // source
            0x00,                   // url: union branch 0 = null
            0x00,                   // title: null
            0x0C, (byte) 0xDA, (byte) 0xA9, (byte) 0xD8, (byte) 0xA7, (byte) 0xD8, (byte) 0xB1, // text: 6 UTF-8 bytes (zig-zag 12)
            0x00,                   // lang: null
            0x00,                   // countryHint: null
            0x00,                   // published: null
            (byte) 0xD0, 0x0F       // ingestedAt: long 1000, zig-zag 2000 as varint
        };
        assertThat(bytes).containsExactly(expected);
        assertThat(registry.subjects()).containsExactly("labor.articles.v1-value");
    }

    @Test
    void shouldBeReadableByAPlainGenericAvroDecoderAfterTheHeader() throws Exception {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        Article article = Article.newBuilder().setId("fa-1").setSource("ایلنا").setTitle("工会")
                .setText("تجمع کارگران").setIngestedAt(T).setPublished(T).build();

        byte[] bytes = new ConfluentAvroSerializer<Article>(registry, false).serialize("labor.articles.v1", article);

        int id = WireFormat.schemaIdOf(bytes);
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(registry.getSchemaById(id))
                .read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
        assertThat(decoded.get("source")).hasToString("ایلنا");
        assertThat(decoded.get("title")).hasToString("工会");
        assertThat(decoded.get("published")).isEqualTo(1000L);
    }

    @Test
    void shouldNameTheSubjectAfterTheTopicForKeysAndValues() {
        assertThat(WireFormat.subject("labor.events.v1", false)).isEqualTo("labor.events.v1-value");
        assertThat(WireFormat.subject("labor.events.v1", true)).isEqualTo("labor.events.v1-key");
    }

    @Test
    void shouldRejectBytesThatAreNotConfluentFramed() {
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>(new InMemorySchemaRegistryClient(), Article.class);

        assertThatThrownBy(() -> deserializer.deserialize("t", "{\"json\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 0x7b");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 42, 2, 'a'}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id 42");
    }

    @Test
    void shouldRejectAFrameWhosePayloadDoesNotDecode() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        byte[] good = new ConfluentAvroSerializer<Article>(registry, false).serialize("t",
                Article.newBuilder().setId("a").setSource("s").setText("t").setIngestedAt(T).build());

        byte[] truncated = Arrays.copyOf(good, 8);

        assertThatThrownBy(() -> new ConfluentAvroDeserializer<>(registry, Article.class).deserialize("t", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Cannot decode");
    }
}
