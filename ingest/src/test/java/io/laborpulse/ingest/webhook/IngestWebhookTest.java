package io.laborpulse.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.IngestLedger;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The article webhook, one status code per test, on a real JDK HTTP server and a mock producer. */
class IngestWebhookTest {

    private static final Instant NOW = Instant.parse("2025-12-01T09:00:00Z");
    private static final String ARTICLE = "{\"id\":\"w-1\",\"source\":\"partner\",\"text\":\"Workers in Gazipur blocked the highway.\"}";

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final IngestLedger ledger = IngestLedger.inMemory();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServer server;
    private IngestWebhook<Article> webhook;

    private void start(WebhookSettings settings, Supplier<IngestPublisher<Article>> publishers) throws Exception {
        webhook = IngestWebhook.articles(publishers, settings, Clock.fixed(NOW, ZoneOffset.UTC), registry);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(IngestWebhook.ARTICLES_PATH, webhook);
        server.start();
    }

    private void start(WebhookSettings settings) throws Exception {
        start(settings, this::publisher);
    }

    private IngestPublisher<Article> publisher() {
        return new IngestPublisher<>(IngestFormat.ARTICLES, producer, new ConfluentAvroSerializer<Article>(new InMemorySchemaRegistryClient(), false),
                ledger, Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        webhook.close();
    }

    @Test
    void shouldAcceptAnArticleOnceKafkaHasAcknowledgedIt() throws Exception {
        start(WebhookSettings.defaults(null));

        HttpResponse<String> response = post(ARTICLE, null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"accepted\":1", "\"sent\":1");
        assertThat(producer.history()).anySatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.ARTICLES.name()));
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(registry.find("laborpulse_webhook_requests").tag("status", "202").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldNotSendARetriedArticleTwice() throws Exception {
        start(WebhookSettings.defaults(null));
        post(ARTICLE, null);

        HttpResponse<String> retry = post("[" + ARTICLE + "]", null);

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).contains("\"sent\":0", "\"alreadyKnown\":1");
    }

    @Test
    void shouldRefuseAnInvalidItemNamingItAndItsFieldAndPublishNothing() throws Exception {
        start(WebhookSettings.defaults(null));

        HttpResponse<String> response = post("[" + ARTICLE + ",{\"id\":\"w-2\",\"text\":\"  \"}]", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"item\":1", "\"field\":\"text\"");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() throws Exception {
        start(WebhookSettings.defaults(null));

        assertThat(post("text=hello", null).statusCode()).isEqualTo(400);
        assertThat(post("[]", null).body()).contains("no articles");
    }

    @Test
    void shouldRequireTheConfiguredBearerToken() throws Exception {
        start(WebhookSettings.defaults("s3cret"));

        assertThat(post(ARTICLE, null).statusCode()).isEqualTo(401);
        assertThat(post(ARTICLE, "wrong").statusCode()).isEqualTo(401);
        assertThat(post(ARTICLE, "s3cret").statusCode()).isEqualTo(202);
    }

    @Test
    void shouldRefuseOtherMethods() throws Exception {
        start(WebhookSettings.defaults(null));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void shouldRefuseABodyOverTheLimit() throws Exception {
        start(new WebhookSettings(100, 10, 4, Duration.ofSeconds(5), null));

        assertThat(post(ARTICLE + " ".repeat(200), null).statusCode()).isEqualTo(413);
    }

    @Test
    void shouldAskClientsToRetryWhenTheProducerIsSaturated() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(new WebhookSettings(10_000, 10, 1, Duration.ofSeconds(20), null), () -> {
            awaitQuietly(release);
            return publisher();
        });
        CompletableFuture<HttpResponse<String>> first = postAsync("{\"id\":\"a\",\"text\":\"one\"}");
        Thread.sleep(300); // the producer thread now holds the first request
        CompletableFuture<HttpResponse<String>> second = postAsync("{\"id\":\"b\",\"text\":\"two\"}");
        Thread.sleep(300); // and the queue holds the second

        HttpResponse<String> third = post("{\"id\":\"c\",\"text\":\"three\"}", null);
        release.countDown();

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(first.get().statusCode()).isEqualTo(202);
        assertThat(second.get().statusCode()).isEqualTo(202);
    }

    @Test
    void shouldAnswer503WhenKafkaIsUnavailable() throws Exception {
        start(WebhookSettings.defaults(null), () -> {
            throw new KafkaException("broker unreachable");
        });

        HttpResponse<String> response = post(ARTICLE, null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("nothing was published");
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String body) {
        return http.sendAsync(HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + IngestWebhook.ARTICLES_PATH);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
