package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldReportReadinessFromTheTopologyState() throws Exception {
        AtomicReference<OpsServer.Health> health = new AtomicReference<>(OpsServer.Health.of(KafkaStreams.State.CREATED));
        try (OpsServer server = new OpsServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), health::get).start()) {
            HttpResponse<String> starting = get(server, "/health/ready");
            HttpResponse<String> startingLive = get(server, "/health/live");
            health.set(OpsServer.Health.of(KafkaStreams.State.RUNNING));
            HttpResponse<String> running = get(server, "/health");

            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(startingLive.statusCode()).isEqualTo(200);
            assertThat(running.statusCode()).isEqualTo(200);
            assertThat(running.body()).isEqualTo("{\"status\":\"UP\",\"live\":true,\"ready\":true,\"state\":\"RUNNING\"}");
        }
    }

    @Test
    void shouldReportAFailedTopologyAsNotLiveForTheProbeToRestartIt() throws Exception {
        try (OpsServer server = new OpsServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> OpsServer.Health.of(KafkaStreams.State.ERROR)).start()) {
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(503);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void shouldServeMetricsInThePrometheusTextFormat() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("laborpulse_events").tag("region", "IR-10").tag("type", "PROTEST").register(metrics).increment(3);
        try (OpsServer server = new OpsServer("127.0.0.1", 0, metrics, () -> new OpsServer.Health(true, true, "RUNNING")).start()) {
            HttpResponse<String> scrape = get(server, "/metrics");

            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(scrape.body()).contains("laborpulse_events_total{region=\"IR-10\",type=\"PROTEST\"} 3.0");
        }
    }

    @Test
    void shouldAnswerAFailingHandlerWithA500() throws Exception {
        try (OpsServer server = new OpsServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> new OpsServer.Health(true, true, "RUNNING")).start()) {
            server.route("/broken", exchange -> {
                throw new IllegalStateException("boom");
            });

            HttpResponse<String> broken = get(server, "/broken");

            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).contains("internal error");
        }
    }

    private HttpResponse<String> get(OpsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
