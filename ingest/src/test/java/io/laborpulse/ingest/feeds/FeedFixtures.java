package io.laborpulse.ingest.feeds;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's feed fixtures, and a local HTTP server that serves them the way publishers do:
 * with an ETag and a Last-Modified, a {@code 304} for a matching conditional GET, and any status
 * a test asks for.
 */
final class FeedFixtures implements AutoCloseable {

    static final String ARABIC_RSS = "rss-arabic-windows-1256.xml";
    static final String CHINESE_RSS = "rss-chinese-gb2312.xml";
    static final String PERSIAN_ATOM = "atom-persian.xml";

    private final HttpServer server;
    private final Map<String, Integer> statusOverride = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger conditionalRequests = new AtomicInteger();
    volatile String etag = "\"v1\"";

    FeedFixtures() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring(1);
            Integer status = statusOverride.get(name);
            if (status != null) {
                exchange.getResponseHeaders().set("Retry-After", "120");
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            if (exchange.getRequestHeaders().getFirst("If-None-Match") != null) {
                conditionalRequests.incrementAndGet();
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
            }
            byte[] body = bytes(name);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml"); // no charset: the prolog says it
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", "Mon, 01 Dec 2025 06:30:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = FeedFixtures.class.getResourceAsStream(fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String fixture) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + fixture);
    }

    void answer(String fixture, int status) {
        statusOverride.put(fixture, status);
    }

    void heal(String fixture) {
        statusOverride.remove(fixture);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
