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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's HTTP server: {@code /health} for probes and {@code /metrics} in the
 * Prometheus text format. Later APIs (queries, webhook) mount further handlers with
 * {@link #route}.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** What {@code /health} reports; {@code ready} decides between 200 and 503. */
    public record Health(boolean ready, String state) {
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
            String body = "{\"status\":\"" + (current.ready() ? "UP" : "DOWN") + "\",\"state\":\"" + current.state() + "\"}";
            respond(exchange, current.ready() ? 200 : 503, "application/json", body);
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
