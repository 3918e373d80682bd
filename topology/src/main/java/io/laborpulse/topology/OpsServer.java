package io.laborpulse.topology;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's HTTP server: {@code /health}, {@code /health/live} and {@code /health/ready}
 * for probes and {@code /metrics} in the
 * Prometheus text format. Later APIs (queries, webhook) mount further handlers with
 * {@link #route}.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * What the health endpoints report: {@code /health/live} answers 200 while {@code live}
     * (a Kubernetes liveness probe restarts the process otherwise), {@code /health/ready} and
     * {@code /health} answer 200 while {@code ready} (a readiness probe routes traffic only then).
     */
    public record Health(boolean live, boolean ready, String state) {

        /** Live unless the topology has failed or stopped; ready while it runs or rebalances. */
        public static Health of(KafkaStreams.State state) {
            boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                    || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN;
            boolean ready = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            return new Health(!failed, ready, state.name());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    public OpsServer(String host, int port, PrometheusMeterRegistry metrics, Supplier<Health> health)
            throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "laborpulse-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        route("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
        route("/health", exchange -> {
            Health current = health.get();
            boolean up = exchange.getRequestURI().getPath().equals("/health/live") ? current.live() : current.ready();
            String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"live\":" + current.live()
                    + ",\"ready\":" + current.ready() + ",\"state\":\"" + current.state() + "\"}";
            respond(exchange, up ? 200 : 503, "application/json", body);
        });
    }

    /** Mounts a handler; any exception it throws becomes a 500 with a JSON error, never a dropped connection. */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            // Not try-with-resources: the exchange must stay open for the error answer.
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                log.warn("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                if (exchange.getResponseCode() == -1) {
                    respond(exchange, 500, "application/json", "{\"error\":\"internal error, see the server log\"}");
                }
            } finally {
                exchange.close();
            }
        });
    }

    public OpsServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
