package io.laborpulse.registry;

import static io.laborpulse.registry.Fixtures.ADD_OPTIONAL;
import static io.laborpulse.registry.Fixtures.OTHER;
import static io.laborpulse.registry.Fixtures.PERSIAN_SUBJECT;
import static io.laborpulse.registry.Fixtures.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The registry over a {@link KafkaSchemaStore} on a real in-process KRaft broker: the store
 * topic is created as it must be, every answer follows an acknowledged write, and ids,
 * versions and levels survive a restart of the server and store. Each test has its own topic.
 */
@Tag("integration")
@Timeout(180)
class KafkaSchemaStoreIT {

    private static final String SUBJECT = "labor.events.v1-value";
    private static final short REPLICATION = 1;

    private static KafkaClusterTestKit cluster;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String topic;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker cannot hold the default three replicas of the internal topics.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void uniqueTopic(TestInfo test) {
        topic = "_schemas-" + test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void shouldCreateTheStoreTopicCompactedWithOnePartition() throws Exception {
        try (KafkaSchemaStore store = newStore(); Admin admin = cluster.admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();

            assertThat(description.partitions()).hasSize(1);
            assertThat(description.partitions().get(0).replicas()).hasSize(REPLICATION);
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void shouldRefuseAStoreTopicWithSeveralPartitions() throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, REPLICATION))).all().get();
        }

        assertThatThrownBy(this::newStore)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The schema store topic " + topic + " has 3 partitions; it needs exactly 1");
    }

    @Test
    void shouldHoldTheEntryInTheTopicOnceRegistrationAnswers() throws Exception {
        try (KafkaSchemaStore store = newStore(); SchemaRegistryServer server = newServer(store)) {
            assertThat(post(server, "/subjects/" + SUBJECT + "/versions", schemaBody(V1))).isEqualTo("{\"id\":1}");

            // Read right after the answer, with no waiting: the write was acknowledged first.
            List<ConsumerRecord<String, String>> records = readTopic(1);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"" + SUBJECT + "\",\"version\":1}");
            assertThat(records.get(0).value()).isEqualTo("{\"subject\":\"" + SUBJECT + "\",\"version\":1,\"id\":1,\"schema\":"
                    + json.writeValueAsString(V1.toString()) + "}");
        }
    }

    @Test
    void shouldKeepSchemasVersionsAndLevelsAcrossARestart() throws Exception {
        String persian = "/subjects/" + URLEncoder.encode(PERSIAN_SUBJECT, StandardCharsets.UTF_8);
        try (KafkaSchemaStore store = newStore(); SchemaRegistryServer server = newServer(store)) {
            post(server, "/subjects/" + SUBJECT + "/versions", schemaBody(V1));
            post(server, "/subjects/" + SUBJECT + "/versions", schemaBody(ADD_OPTIONAL));
            post(server, persian + "/versions", schemaBody(V1));
            put(server, "/config", "{\"compatibility\":\"FULL\"}");
            put(server, "/config/" + SUBJECT, "{\"compatibility\":\"NONE\"}");
        }

        try (KafkaSchemaStore store = newStore(); SchemaRegistryServer restarted = newServer(store)) {
            assertThat(get(restarted, "/subjects")).isEqualTo("[\"" + SUBJECT + "\",\"" + PERSIAN_SUBJECT + "\"]");
            assertThat(get(restarted, "/subjects/" + SUBJECT + "/versions")).isEqualTo("[1,2]");
            assertThat(get(restarted, "/subjects/" + SUBJECT + "/versions/latest")).isEqualTo(
                    "{\"subject\":\"" + SUBJECT + "\",\"version\":2,\"id\":2,\"schema\":" + json.writeValueAsString(ADD_OPTIONAL.toString()) + "}");
            assertThat(get(restarted, "/schemas/ids/1")).isEqualTo("{\"schema\":" + json.writeValueAsString(V1.toString()) + "}");
            assertThat(get(restarted, "/schemas/ids/1/versions")).isEqualTo(
                    "[{\"subject\":\"" + SUBJECT + "\",\"version\":1},{\"subject\":\"" + PERSIAN_SUBJECT + "\",\"version\":1}]");
            assertThat(get(restarted, "/config")).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(get(restarted, "/config/" + SUBJECT)).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        }
    }

    @Test
    void shouldContinueIdsAfterTheHighestStoredIdAfterARestart() throws Exception {
        try (KafkaSchemaStore store = newStore(); SchemaRegistryServer server = newServer(store)) {
            post(server, "/subjects/" + SUBJECT + "/versions", schemaBody(V1));
            post(server, "/subjects/" + SUBJECT + "/versions", schemaBody(ADD_OPTIONAL));
        }

        try (KafkaSchemaStore store = newStore(); SchemaRegistryServer restarted = newServer(store)) {
            assertThat(post(restarted, "/subjects/other-value/versions", schemaBody(OTHER))).isEqualTo("{\"id\":3}");
            assertThat(post(restarted, "/subjects/" + SUBJECT + "/versions", schemaBody(V1))).isEqualTo("{\"id\":1}");
            assertThat(get(restarted, "/subjects/" + SUBJECT + "/versions")).isEqualTo("[1,2]");
        }
    }

    private KafkaSchemaStore newStore() {
        // A setting meant for other clients must pass through without harm.
        Properties client = new Properties();
        client.put(ConsumerConfig.GROUP_ID_CONFIG, "not-used-by-the-store");
        return new KafkaSchemaStore(cluster.bootstrapServers(), client, topic, REPLICATION);
    }

    private static SchemaRegistryServer newServer(KafkaSchemaStore store) throws IOException {
        return new SchemaRegistryServer("127.0.0.1", 0, store).start();
    }

    private List<ConsumerRecord<String, String>> readTopic(int expected) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private String schemaBody(Schema schema) throws IOException {
        return json.writeValueAsString(Map.of("schema", schema.toString()));
    }

    private String get(SchemaRegistryServer server, String path) {
        return send(server, "GET", path, null);
    }

    private String post(SchemaRegistryServer server, String path, String body) {
        return send(server, "POST", path, body);
    }

    private String put(SchemaRegistryServer server, String path, String body) {
        return send(server, "PUT", path, body);
    }

    /** The body of a 200 answer; any other status fails the test with the registry's error. */
    private String send(SchemaRegistryServer server, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", SchemaRegistryServer.CONTENT_TYPE)
                .method(method, Optional.ofNullable(body).map(HttpRequest.BodyPublishers::ofString)
                        .orElseGet(HttpRequest.BodyPublishers::noBody))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
