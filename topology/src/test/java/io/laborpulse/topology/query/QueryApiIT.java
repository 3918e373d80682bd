package io.laborpulse.topology.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.extract.LaborExtractor;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.TopicDefinition;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.topology.ArticleEnricher;
import io.laborpulse.topology.EventDedup;
import io.laborpulse.topology.LaborTopics;
import io.laborpulse.topology.LaborTopology;
import io.laborpulse.topology.OpsServer;
import io.laborpulse.topology.PipelineMetrics;
import io.laborpulse.topology.ReportedEventNormalizer;
import io.laborpulse.topology.ScriptedExtractors;
import io.laborpulse.topology.SeasonalPoissonModel;
import io.laborpulse.topology.StreamsSettings;
import io.laborpulse.topology.TopologySettings;
import io.laborpulse.topology.errors.DeadLetterMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application instances on a real in-process broker share the regions' partitions; a
 * query to either is answered from the instance that owns the region, and the top-regions
 * and event queries gather from both.
 */
@Timeout(180)
class QueryApiIT {

    private static final Instant AT = Instant.parse("2025-12-01T09:00:00Z");
    private static final List<String> REGIONS = List.of("IR-10", "IR-23", "CN-GS", "CN-GD", "EG-C", "BD-C", "SA-02", "US-OH");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private KafkaClusterTestKit cluster;
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicDefinition topic : Topics.ALL) {
                topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
            }
            admin.createTopics(topics).all().get();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        cluster.close();
    }

    @Test
    void shouldAnswerFromTheOwningInstanceWhicheverInstanceIsAsked() throws Exception {
        int first = startInstance("a");
        int second = startInstance("b");
        publishOneEventPerRegion();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String region : REGIONS) {
                assertThat(total(first, region)).isEqualTo(1);
            }
        });
        Set<String> answeredBy = new HashSet<>();
        for (String region : REGIONS) {
            for (int port : List.of(first, second)) {
                JsonNode answer = get(port, "/api/v1/regions/" + region + "/activity?granularity=hour&from=" + AT + "&to=" + AT);
                assertThat(answer.get("windows")).hasSize(1);
                assertThat(answer.get("windows").get(0).get("total").asLong()).isEqualTo(1);
                answeredBy.add(answer.get("answeredBy").asText());
            }
        }
        assertThat(answeredBy).as("both instances own some regions").hasSize(2);

        JsonNode top = get(first, "/api/v1/top?granularity=hour&at=" + AT + "&limit=50");
        List<String> ranked = new ArrayList<>();
        top.get("regions").forEach(r -> ranked.add(r.get("region").asText()));
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(REGIONS);

        assertThat(get(first, "/api/v1/alerts").get("alerts").isArray()).isTrue();
        for (String region : REGIONS) {
            JsonNode event = get(second, "/api/v1/events/" + region + "-article%230");
            assertThat(event.get("region").asText()).isEqualTo(region);
        }
    }

    private long total(int port, String region) throws Exception {
        JsonNode answer = get(port, "/api/v1/regions/" + region + "/activity?granularity=hour&from=" + AT + "&to=" + AT);
        JsonNode windows = answer.path("windows");
        return windows.isEmpty() ? 0 : windows.get(0).get("total").asLong();
    }

    private JsonNode get(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int startInstance(String name) throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OpsServer ops = new OpsServer("localhost", 0, metrics, () -> new OpsServer.Health(true, true, "test"));
        Map<String, String> client = new HashMap<>();
        client.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + ops.port());
        client.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        Properties props = StreamsSettings.streamsProperties("query-it", cluster.bootstrapServers(), stateDir.resolve(name),
                Topics.DEAD_LETTERS.name(), (short) 1, client, new DeadLetterMetrics(metrics));
        LaborTopics topics = LaborTopics.create(registry);
        KafkaStreams streams = new KafkaStreams(LaborTopology.build(topics,
                new ArticleEnricher(ScriptedExtractors.scripted(), 10_000), new ReportedEventNormalizer(LaborExtractor.loadDefault()),
                EventDedup.Settings.defaults(), SeasonalPoissonModel.defaults(), TopologySettings.defaults(),
                new PipelineMetrics(metrics)), props);
        new QueryApi(streams, new org.apache.kafka.streams.state.HostInfo("localhost", ops.port())).mount(ops);
        streams.start();
        ops.start();
        running.add(ops);
        running.add(() -> streams.close(Duration.ofSeconds(20)));
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return ops.port();
    }

    private void publishOneEventPerRegion() throws Exception {
        LaborTopics topics = LaborTopics.create(registry);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(props, new StringSerializer(),
                topics.articles().valueSerde().serializer())) {
            for (String region : REGIONS) {
                String id = region + "-article";
                Article article = Article.newBuilder().setId(id).setSource("it-feed").setText("@" + region + " PROTEST 10")
                        .setPublished(AT).setIngestedAt(AT).build();
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), id, article)).get();
            }
        }
    }
}
