package io.laborpulse.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.ParsedLine;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/articles} and {@code POST /api/v1/reported-events}: one record as a JSON
 * object, or several as an array, in the JSON-lines replay's format of its
 * {@link IngestFormat}. The answer says what happened to every item:
 *
 * <ul>
 *   <li>{@code 202} once Kafka has acknowledged the whole request (one transaction), with how many
 *       were sent and how many were already known (a client retry publishes nothing twice);</li>
 *   <li>{@code 400} naming the item and field when any item is invalid: nothing is published;</li>
 *   <li>{@code 401} without the configured bearer token, {@code 405} for other methods;</li>
 *   <li>{@code 413} over the size or item limit;</li>
 *   <li>{@code 429} when requests are already queued for the producer, {@code 503} when Kafka
 *       does not acknowledge in time: nothing of the request is kept, so the client retries.</li>
 * </ul>
 *
 * One producer thread publishes requests in order; the publisher is rebuilt after a failure.
 */
public final class IngestWebhook<T> implements HttpHandler, AutoCloseable {

    public static final String ARTICLES_PATH = "/api/v1/articles";
    public static final String REPORTED_EVENTS_PATH = "/api/v1/reported-events";
    private static final Logger log = LoggerFactory.getLogger(IngestWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "webhook";

    private final String path;
    private final IngestFormat<T> format;
    private final Supplier<IngestPublisher<T>> publishers;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ThreadPoolExecutor producerThread;
    private final MeterRegistry metrics;
    private IngestPublisher<T> publisher; // used on the producer thread only

    /** Articles on {@value #ARTICLES_PATH}. */
    public static IngestWebhook<Article> articles(Supplier<IngestPublisher<Article>> publishers, WebhookSettings settings,
            Clock clock, MeterRegistry metrics) {
        return new IngestWebhook<>(ARTICLES_PATH, IngestFormat.ARTICLES, publishers, settings, clock, metrics);
    }

    /** Structured events on {@value #REPORTED_EVENTS_PATH}. */
    public static IngestWebhook<ReportedEvent> reportedEvents(Supplier<IngestPublisher<ReportedEvent>> publishers,
            WebhookSettings settings, Clock clock, MeterRegistry metrics) {
        return new IngestWebhook<>(REPORTED_EVENTS_PATH, IngestFormat.REPORTED_EVENTS, publishers, settings, clock, metrics);
    }

    private IngestWebhook(String path, IngestFormat<T> format, Supplier<IngestPublisher<T>> publishers,
            WebhookSettings settings, Clock clock, MeterRegistry metrics) {
        this.path = path;
        this.format = format;
        this.publishers = publishers;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.producerThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "laborpulse-webhook-producer" + path.replace('/', '-'));
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** An answer: status, JSON body, and a Retry-After in seconds when the client should retry. */
    record Answer(int status, JsonNode body, Integer retryAfter) {
        static Answer error(int status, String message) {
            return new Answer(status, JSON.createObjectNode().put("error", message), null);
        }
    }

    /** Where the webhook is mounted on the HTTP server. */
    public String path() {
        return path;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Answer answer = answer(exchange);
        Timer.builder("laborpulse_webhook_requests")
                .description("Webhook requests by path and HTTP status, with their duration")
                .tag("path", path)
                .tag("status", Integer.toString(answer.status()))
                .register(metrics)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        byte[] body = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter().toString());
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return Answer.error(405, "use POST with a JSON object or array of " + format.name() + "s");
        }
        if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            return Answer.error(401, "a valid 'Authorization: Bearer <token>' header is required");
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return Answer.error(413, "the request body is over the limit of " + settings.maxBodyBytes() + " bytes");
        }
        Instant now = clock.instant();
        List<IngestPublisher.Line> lines = new ArrayList<>();
        Answer invalid = validate(body, now, lines);
        if (invalid != null) {
            return invalid;
        }
        Future<IngestPublisher.Summary> published;
        try {
            published = producerThread.submit(() -> publish(lines));
        } catch (RejectedExecutionException e) {
            return new Answer(429, JSON.createObjectNode().put("error",
                    "too many requests are waiting for Kafka; retry shortly"), 1);
        }
        try {
            IngestPublisher.Summary summary = published.get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ObjectNode accepted = JSON.createObjectNode()
                    .put("accepted", lines.size())
                    .put("sent", summary.sent())
                    .put("alreadyKnown", summary.skipped());
            return new Answer(202, accepted, null);
        } catch (TimeoutException e) {
            published.cancel(true);
            return new Answer(503, JSON.createObjectNode().put("error",
                    "Kafka did not acknowledge within " + settings.ackTimeout().toSeconds() + " s; retry (" + format.name()
                    + "s already published are recognised and not sent twice)"), 5);
        } catch (ExecutionException e) {
            log.warn("Publishing a webhook request failed: {}", e.getCause().toString());
            return new Answer(503, JSON.createObjectNode().put("error",
                    "Kafka is not available (" + e.getCause().getClass().getSimpleName() + "); nothing was published, retry"), 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.error(503, "interrupted");
        }
    }

    /** Checks every item; on the first invalid one, the 400 or 413 to answer. */
    private Answer validate(byte[] body, Instant now, List<IngestPublisher.Line> lines) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Answer.error(400, "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            return Answer.error(400, "the body must be a JSON object (one " + format.name() + ") or an array of objects");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        if (items.isEmpty()) {
            return Answer.error(400, "the array holds no " + format.name() + "s");
        }
        if (items.size() > settings.maxItems()) {
            return Answer.error(413, items.size() + " " + format.name() + "s in one request; the limit is " + settings.maxItems());
        }
        for (int i = 0; i < items.size(); i++) {
            String json = items.get(i).toString();
            ParsedLine<T> parsed = format.reader().read(json, i + 1, SOURCE, now);
            if (!parsed.isValid()) {
                String where = root.isArray() ? "item " + i + ": " : "";
                String field = parsed.problem().field() == null ? "" : "'" + parsed.problem().field() + "' ";
                ObjectNode error = JSON.createObjectNode().put("error", where + field + parsed.problem().reason());
                if (parsed.problem().field() != null) {
                    error.put("field", parsed.problem().field());
                }
                if (root.isArray()) {
                    error.put("item", i);
                }
                return new Answer(400, error, null);
            }
            lines.add(IngestPublisher.Line.of(SOURCE, i + 1, json));
        }
        return null;
    }

    private IngestPublisher.Summary publish(List<IngestPublisher.Line> lines) {
        if (publisher == null) {
            publisher = publishers.get();
        }
        try {
            return publisher.publish(lines);
        } catch (RuntimeException e) {
            // The producer may be unusable after a failed transaction: start afresh next time.
            try {
                publisher.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            publisher = null;
            throw e;
        }
    }

    private boolean authorised(String header) {
        if (settings.bearerToken() == null) {
            return true;
        }
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, settings.bearerToken().getBytes(StandardCharsets.UTF_8));
    }

    /** The body, or null when it is over the limit (read no further than one byte past it). */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
        return body.length > settings.maxBodyBytes() ? null : body;
    }

    @Override
    public void close() {
        producerThread.shutdown();
        try {
            producerThread.awaitTermination(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
