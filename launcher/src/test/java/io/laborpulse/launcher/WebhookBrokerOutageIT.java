package io.laborpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.IngestLedger;
import io.laborpulse.ingest.IngestProducers;
import io.laborpulse.ingest.webhook.IngestWebhook;
import io.laborpulse.ingest.webhook.WebhookSettings;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes down under the webhook: requests get 503 (nothing kept, retry), and once the
 * broker is back the client's retries publish every article exactly once. Nothing a client was
 * told is accepted is lost.
 */
@Timeout(240)
class WebhookBrokerOutageIT {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRefuseWhileTheBrokerIsDownAndLoseNothingOnceItIsBack() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), "localhost", port, controllerPort);
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicBootstrap.ensure(admin, Topics.ALL, (short) 1);
        }
        // Fail fast while the broker is away, so the webhook can answer 503 within its deadline.
        Map<String, String> quick = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "4000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        IngestWebhook<Article> webhook = IngestWebhook.articles(() -> new IngestPublisher<>(IngestFormat.ARTICLES,
                new KafkaProducer<>(IngestProducers.transactional(bootstrap, IngestProducers.transactionalId("outage-it"), quick),
                        new ByteArraySerializer(), new ByteArraySerializer()),
                new ConfluentAvroSerializer<Article>(registry, false), IngestLedger.load(bootstrap, Map.of()),
                Clock.systemUTC(), new SimpleMeterRegistry()),
                new WebhookSettings(1 << 20, 100, 4, Duration.ofSeconds(40), null), Clock.systemUTC(), new SimpleMeterRegistry());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext(IngestWebhook.ARTICLES_PATH, webhook);
        server.start();
        try {
            assertThat(post(server, article("before")).statusCode()).isEqualTo(202);

            kafka.close();
            HttpResponse<String> during = post(server, article("during"));
            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).isPresent();

            kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), "localhost", port, controllerPort);
            HttpResponse<String> retried = retryUntilAccepted(server, article("during"));
            assertThat(retried.body()).contains("\"sent\":1");
            assertThat(post(server, article("before")).body()).contains("\"sent\":0", "\"alreadyKnown\":1");
            assertThat(post(server, article("after")).statusCode()).isEqualTo(202);

            assertThat(committedArticleKeys(bootstrap)).containsExactlyInAnyOrder("before", "during", "after");
        } finally {
            server.stop(0);
            webhook.close();
            kafka.close();
        }
    }

    private HttpResponse<String> retryUntilAccepted(HttpServer server, String body) throws Exception {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            response = post(server, body);
            if (response.statusCode() == 202) {
                return response;
            }
            assertThat(response.statusCode()).as(response.body()).isIn(429, 503);
            Thread.sleep(1000);
        }
        throw new AssertionError("never accepted after the broker came back: " + response.body());
    }

    private static String article(String id) {
        return "{\"id\":\"" + id + "\",\"source\":\"outage-it\",\"text\":\"Workers in Gazipur blocked the highway (" + id + ").\"}";
    }

    private HttpResponse<String> post(HttpServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + IngestWebhook.ARTICLES_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> committedArticleKeys(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
            }
        }
        return keys;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
