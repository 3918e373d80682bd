package io.laborpulse.schemas.serde;

import static io.laborpulse.schemas.registry.FakeRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.FakeRegistry;
import io.laborpulse.schemas.registry.FakeRegistry.Request;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serde built the way Kafka builds it, from a class name and a config map, talking to a
 * scripted registry over HTTP: the requests it sends, and that it sends each one once.
 */
class ConfiguredSerdeTest {

    private static final String TOPIC = "labor.articles.v1";
    private static final String SUBJECT = "labor.articles.v1-value";
    private static final String ARTICLE_SCHEMA = Article.getClassSchema().toString();
    private static final Article ARTICLE = Article.newBuilder().setId("zh-1").setSource("工人日报").setText("职工")
            .setIngestedAt(Instant.ofEpochMilli(1000)).build();

    private final FakeRegistry registry = FakeRegistry.start();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldRegisterOnceAndWriteTheRegistrysIdBigEndian() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, json("id", 258));
        ConfluentAvroSerializer<Article> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

        serializer.serialize(TOPIC, ARTICLE);
        byte[] bytes = serializer.serialize(TOPIC, ARTICLE);

        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02);
        assertThat(registry.requests()).extracting(Request::method, Request::path, Request::body)
                .containsExactly(tuple("POST", "/subjects/labor.articles.v1-value/versions", json("schema", ARTICLE_SCHEMA)));
    }

    @Test
    void shouldOnlyLookUpOnceWhenAutoRegisterIsFalse() {
        registry.answer("POST", "/subjects/" + SUBJECT, 200,
                json("subject", SUBJECT, "version", 1, "id", 4, "schema", ARTICLE_SCHEMA));
        ConfluentAvroSerializer<Article> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(), SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        serializer.serialize(TOPIC, ARTICLE);
        byte[] bytes = serializer.serialize(TOPIC, ARTICLE);

        assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(4);
        assertThat(registry.requests()).extracting(Request::method, Request::path, Request::body)
                .containsExactly(tuple("POST", "/subjects/labor.articles.v1-value", json("schema", ARTICLE_SCHEMA)));
    }

    @Test
    void shouldSayTheSchemaIsNotRegisteredWhenLookupFindsNothing() {
        registry.answer("POST", "/subjects/" + SUBJECT, 404, json("error_code", 40401, "message", "Subject not found."));
        ConfluentAvroSerializer<Article> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(), SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, ARTICLE)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.laborpulse.schemas.avro.Article is not registered under subject " + SUBJECT);
    }

    @Test
    void shouldNameSubjectAndRegistryWhenRegistrationIsRefused() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 409,
                json("error_code", 409, "message", "Schema being registered is incompatible with an earlier schema"));
        ConfluentAvroSerializer<Article> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, ARTICLE)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot register schema io.laborpulse.schemas.avro.Article under subject " + SUBJECT)
                .hasMessageContaining(registry.url())
                .hasMessageContaining("error_code 409");
    }

    @Test
    void shouldReadAsTheWritersGeneratedClassAndFetchTheSchemaOnce() {
        registry.answer("GET", "/schemas/ids/4", 200, json("schema", ARTICLE_SCHEMA));
        byte[] bytes = frame(4);
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

        deserializer.deserialize(TOPIC, bytes);
        Article read = deserializer.deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(ARTICLE);
        assertThat(registry.requests()).extracting(Request::method, Request::path).containsExactly(tuple("GET", "/schemas/ids/4"));
    }

    @Test
    void shouldReadAsTheConfiguredValueType() {
        registry.answer("GET", "/schemas/ids/4", 200, json("schema", ARTICLE_SCHEMA));
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Article.class.getName()), false);

        assertThat(deserializer.deserialize(TOPIC, frame(4))).isInstanceOf(Article.class).isEqualTo(ARTICLE);
    }

    @Test
    void shouldSayWhenNoGeneratedClassMatchesTheWritersSchema() {
        registry.answer("GET", "/schemas/ids/4", 200,
                json("schema", ARTICLE_SCHEMA.replace("io.laborpulse.schemas.avro", "org.example")));
        ConfluentAvroDeserializer<Article> deserializer = new ConfluentAvroDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, frame(4))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("No generated SpecificRecord class for org.example.Article (schema id 4)")
                .hasMessageContaining(SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
    }

    @Test
    void shouldShareOneRegistryClientBetweenItsSerializerAndDeserializer() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, json("id", 1));
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>();
        serde.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

        Article read = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, ARTICLE));

        assertThat(read).isEqualTo(ARTICLE);
        assertThat(registry.requests()).extracting(Request::path).containsExactly("/subjects/" + SUBJECT + "/versions");
    }

    @Test
    void shouldSendTheConfiguredBasicAuth() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, json("id", 1));
        ConfluentAvroSerializer<Article> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SerdeConfig.BASIC_AUTH_USER_INFO, "ingest:pw"), false);

        serializer.serialize(TOPIC, ARTICLE);

        assertThat(registry.requests()).extracting(Request::authorization).containsExactly("Basic aW5nZXN0OnB3");
    }

    @Test
    void shouldInsistOnARegistryUrlWhenBuiltByKafka() {
        ConfluentAvroSerializer<Article> serializer = new ConfluentAvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(), false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(SerdeConfig.SCHEMA_REGISTRY_URL);
    }

    @Test
    void shouldRejectAMistypedAutoRegisterSetting() {
        ConfluentAvroSerializer<Article> serializer = new ConfluentAvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SerdeConfig.AUTO_REGISTER_SCHEMAS, "flase"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining(SerdeConfig.AUTO_REGISTER_SCHEMAS);
    }

    @Test
    void shouldBeNamedInAPlainConsumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-test");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class.getName());
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());

        // The constructor instantiates the deserializer by name and configures it; no broker is contacted.
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(config)) {
            assertThat(consumer.subscription()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAPlainProducerConfigWithoutARegistryUrl() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class.getName());

        assertThatThrownBy(() -> new KafkaProducer<String, Article>(config).close())
                .hasStackTraceContaining(SerdeConfig.SCHEMA_REGISTRY_URL);
    }

    /** ARTICLE framed by hand with the given id, so the reading side is tested on its own. */
    private static byte[] frame(int id) {
        byte[] written = new ConfluentAvroSerializer<Article>(new io.laborpulse.schemas.registry.InMemorySchemaRegistryClient(), false)
                .serialize(TOPIC, ARTICLE);
        byte[] framed = Arrays.copyOf(written, written.length);
        System.arraycopy(WireFormat.header(id), 0, framed, 0, WireFormat.HEADER_SIZE);
        return framed;
    }
}
