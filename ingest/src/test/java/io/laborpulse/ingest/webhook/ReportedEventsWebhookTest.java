package io.laborpulse.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestLedger;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroDeserializer;
import io.laborpulse.schemas.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/reported-events}: structured events, on a real JDK HTTP server and a mock producer. */
class ReportedEventsWebhookTest {

    private static final Instant NOW = Instant.parse("2025-12-01T09:00:00Z");
    private static final String EVENT = "{\"id\":\"t-17\",\"source\":\"tracker\",\"type\":\"strike\",\"country\":\"IR\","
            + "\"place\":\"Ahvaz\",\"date\":\"2025-11-30\",\"participants\":\"400\"}";

    private final InMemorySchemaRegistryClient schemas = new InMemorySchemaRegistryClient();
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private IngestWebhook<ReportedEvent> webhook;

    @BeforeEach
    void start() throws Exception {
        IngestLedger ledger = IngestLedger.inMemory();
        webhook = IngestWebhook.reportedEvents(() -> new IngestPublisher<>(IngestFormat.REPORTED_EVENTS, producer,
                new ConfluentAvroSerializer<ReportedEvent>(schemas, false), ledger, Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry()), WebhookSettings.defaults(null), Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(webhook.path(), webhook);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        webhook.close();
    }

    @Test
    void shouldPublishAReportedEventKeyedByItsIdOnceKafkaHasAcknowledgedIt() throws Exception {
        HttpResponse<String> response = post(EVENT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        ProducerRecord<byte[], byte[]> record = producer.history().stream()
                .filter(r -> r.topic().equals(Topics.REPORTED_EVENTS.name())).findFirst().orElseThrow();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("t-17");
        ReportedEvent event = new ConfluentAvroDeserializer<>(schemas, ReportedEvent.class).deserialize(record.topic(), record.value());
        assertThat(event.getEventType()).isEqualTo("strike");
        assertThat(event.getPlace()).isEqualTo("Ahvaz");
        assertThat(event.getEventDate()).isEqualTo(LocalDate.parse("2025-11-30"));
        assertThat(event.getParticipants()).isEqualTo(400L);
        assertThat(event.getReportedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldRecogniseARetryOfTheSameEvent() throws Exception {
        post(EVENT);

        HttpResponse<String> retry = post("[" + EVENT + "]");

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).contains("\"sent\":0", "\"alreadyKnown\":1");
    }

    @Test
    void shouldRefuseAnEventWithoutAPlaceNamingTheField() throws Exception {
        HttpResponse<String> response = post("[" + EVENT + ",{\"type\":\"protest\",\"date\":\"2025-11-30\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"item\":1", "\"field\":\"place\"", "at least one of 'country', 'region' or 'place'");
        assertThat(producer.history()).isEmpty();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + webhook.path()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
