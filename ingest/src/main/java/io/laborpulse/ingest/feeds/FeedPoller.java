package io.laborpulse.ingest.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.schemas.avro.Article;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds and publishes their new items as articles, for weeks on end.
 *
 * <ul>
 *   <li><b>Conditional GET.</b> The {@code ETag} and {@code Last-Modified} of the last poll
 *       whose items were all published are sent back; a {@code 304} costs the publisher a
 *       header and us nothing.</li>
 *   <li><b>No duplicates.</b> Every item of every poll goes to the {@link IngestPublisher},
 *       whose ledger skips what was sent before, on this run or any earlier one.</li>
 *   <li><b>Back-off.</b> After a failure (network, HTTP status, unreadable XML, Kafka not
 *       acknowledging) the next poll waits twice as long each time, up to {@link #MAX_BACKOFF},
 *       or what a {@code Retry-After} asks; the validators are kept only after a publish has
 *       committed, so nothing fetched is lost to a failure.</li>
 *   <li><b>Status.</b> {@link #statuses()} for each feed (also served as JSON by the
 *       launcher), and metrics: {@code laborpulse_feed_polls_total{feed,result}},
 *       {@code laborpulse_feed_poll_duration_seconds{feed}},
 *       {@code laborpulse_feed_last_success_timestamp_seconds{feed}} and
 *       {@code laborpulse_feed_consecutive_failures{feed}}; the items themselves are counted
 *       in {@code laborpulse_ingest_records_total{source=<feed>}}.</li>
 * </ul>
 * All polls run on one thread, so the publisher is used by one thread only.
 */
public final class FeedPoller implements AutoCloseable {

    public static final Duration MAX_BACKOFF = Duration.ofHours(6);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A feed is a few hundred KiB at most; anything far larger is not a feed. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final String USER_AGENT = "LaborPulse/0.1 (labour news monitor; feed reader)";
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a poll ended. */
    public enum Result { OK, NOT_MODIFIED, ERROR }

    /**
     * What is known of one feed.
     *
     * @param items         items in the feed at its last successful fetch
     * @param newItems      of those, the ones sent (the rest had been sent before)
     * @param totalNewItems items sent since this poller started
     */
    public record FeedStatus(String name, String url, Instant lastPoll, Result lastResult, String lastError,
            Instant lastSuccess, int consecutiveFailures, Instant nextPoll, int items, long newItems, long totalNewItems) {
    }

    private final Map<String, State> feeds = new LinkedHashMap<>();
    private final Supplier<IngestPublisher<Article>> publishers;
    private final HttpClient http;
    private final Clock clock;
    private final MeterRegistry metrics;
    private ScheduledExecutorService scheduler;
    private IngestPublisher<Article> publisher; // on the polling thread only

    /**
     * @param publishers makes a publisher of articles; called again after a failed publish,
     *                   since a producer may be unusable after a failed transaction
     */
    public FeedPoller(List<FeedSpec> specs, Supplier<IngestPublisher<Article>> publishers, HttpClient http, Clock clock,
            MeterRegistry metrics) {
        this.publishers = Objects.requireNonNull(publishers, "publishers");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        for (FeedSpec spec : specs) {
            State state = new State(spec);
            feeds.put(spec.name(), state);
            for (Result result : Result.values()) {
                pollCounter(spec, result); // every series from the start, at zero
            }
            Gauge.builder("laborpulse_feed_last_success_timestamp", state, s -> s.lastSuccessSeconds())
                    .description("When the feed was last polled successfully (Unix seconds); 0 before the first success")
                    .tag("feed", spec.name()).baseUnit("seconds").register(metrics);
            Gauge.builder("laborpulse_feed_consecutive_failures", state, s -> s.failuresNow())
                    .description("Failed polls of the feed since its last success")
                    .tag("feed", spec.name()).register(metrics);
        }
    }

    /** An HTTP client fit for polling feeds: redirects followed, a connect timeout. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(15)).build();
    }

    /** Polls every feed now and then each on its own interval, on one background thread. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "laborpulse-feeds");
            thread.setDaemon(true);
            return thread;
        });
        for (State state : feeds.values()) {
            scheduler.schedule(() -> pollAndReschedule(state), 0, TimeUnit.MILLISECONDS);
        }
        log.info("Polling {} feed(s): {}", feeds.size(), String.join(", ", feeds.keySet()));
    }

    private void pollAndReschedule(State state) {
        try {
            poll(state);
        } catch (RuntimeException e) {
            log.error("Polling feed '{}' failed unexpectedly; it will be polled again", state.spec.name(), e);
        }
        ScheduledExecutorService running = scheduler;
        if (running != null && !running.isShutdown()) {
            long delay = Math.max(0, Duration.between(clock.instant(), state.nextPoll).toMillis());
            running.schedule(() -> pollAndReschedule(state), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Polls every feed once, in order, on the calling thread (for {@code ingest feeds --once} and tests). */
    public List<FeedStatus> pollAll() {
        for (State state : feeds.values()) {
            poll(state);
        }
        return statuses();
    }

    /** Polls one feed on the calling thread. */
    public FeedStatus poll(String feed) {
        State state = feeds.get(feed);
        if (state == null) {
            throw new IllegalArgumentException("No feed named '" + feed + "'");
        }
        poll(state);
        return state.status();
    }

    public List<FeedStatus> statuses() {
        List<FeedStatus> all = new ArrayList<>();
        for (State state : feeds.values()) {
            all.add(state.status());
        }
        return all;
    }

    private void poll(State state) {
        FeedSpec spec = state.spec;
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Result result;
        String error = null;
        Duration retryAfter = null;
        try {
            HttpResponse<InputStream> response = http.send(request(state), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 304) {
                response.body().close();
                result = Result.NOT_MODIFIED;
            } else if (status >= 200 && status < 300) {
                byte[] body = readBody(response.body());
                List<ObjectNode> items = FeedItems.read(body, response.headers().firstValue("Content-Type").orElse(null), spec);
                IngestPublisher.Summary summary = publish(spec, items);
                // Only now, with the items committed, may the next poll skip this version.
                state.etag = response.headers().firstValue("ETag").orElse(null);
                state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
                state.items = items.size();
                state.newItems = summary.sent();
                state.totalNewItems += summary.sent();
                result = Result.OK;
                if (summary.sent() > 0 || summary.deadLettered() > 0) {
                    log.info("Feed '{}': {} items, {} new, {} dead-lettered", spec.name(), items.size(), summary.sent(),
                            summary.deadLettered());
                }
            } else {
                response.body().close();
                result = Result.ERROR;
                error = "HTTP " + status;
                retryAfter = retryAfter(response, started);
            }
        } catch (FeedItems.UnreadableFeedException | IOException | RuntimeException e) {
            result = Result.ERROR;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = Result.ERROR;
            error = "interrupted";
        }
        Timer.builder("laborpulse_feed_poll_duration")
                .description("Time to fetch, read and publish one poll of the feed")
                .tag("feed", spec.name()).register(metrics)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        pollCounter(spec, result).increment();
        state.lastPoll = started;
        state.lastResult = result;
        if (result == Result.ERROR) {
            state.failures++;
            state.lastError = error;
            Duration wait = backOff(spec.pollInterval(), state.failures, retryAfter);
            state.nextPoll = clock.instant().plus(wait);
            log.warn("Feed '{}' failed ({} in a row): {}; next poll in {}", spec.name(), state.failures, error, wait);
        } else {
            if (state.failures > 0) {
                log.info("Feed '{}' answers again after {} failed poll(s)", spec.name(), state.failures);
            }
            state.failures = 0;
            state.lastError = null;
            state.lastSuccess = clock.instant();
            state.nextPoll = clock.instant().plus(spec.pollInterval());
        }
    }

    private IngestPublisher.Summary publish(FeedSpec spec, List<ObjectNode> items) throws IOException {
        List<IngestPublisher.Line> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            lines.add(new IngestPublisher.Line(spec.name(), i + 1, JSON.writeValueAsBytes(items.get(i))));
        }
        try {
            if (publisher == null) {
                publisher = publishers.get();
            }
            return publisher.publish(lines);
        } catch (RuntimeException e) {
            if (publisher != null) {
                try {
                    publisher.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            publisher = null;
            throw new IllegalStateException("publishing to Kafka failed (" + e.getMessage() + "); the items are fetched again next poll", e);
        }
    }

    private HttpRequest request(State state) {
        HttpRequest.Builder request = HttpRequest.newBuilder(state.spec.url())
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .header("Accept", ACCEPT)
                .GET();
        if (state.etag != null) {
            request.header("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            request.header("If-Modified-Since", state.lastModified);
        }
        return request.build();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (InputStream body = in) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("the response is over " + MAX_BODY_BYTES + " bytes: not a feed");
            }
            return bytes;
        }
    }

    /** Twice the interval for each failure in a row, at most {@link #MAX_BACKOFF}; a server's Retry-After wins if longer. */
    static Duration backOff(Duration interval, int failures, Duration retryAfter) {
        Duration wait = interval.multipliedBy(1L << Math.min(failures, 16));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        return retryAfter != null && retryAfter.compareTo(wait) > 0 && retryAfter.compareTo(MAX_BACKOFF) <= 0 ? retryAfter : wait;
    }

    /** Retry-After in seconds or as an HTTP date, or {@code null}. */
    private static Duration retryAfter(HttpResponse<?> response, Instant now) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    private Counter pollCounter(FeedSpec spec, Result result) {
        return Counter.builder("laborpulse_feed_polls")
                .description("Feed polls by feed and result: ok, not_modified (304) or error")
                .tag("feed", spec.name())
                .tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
                .register(metrics);
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    /** Mutable state of one feed, written by the polling thread, read by status callers. */
    private final class State {
        final FeedSpec spec;
        volatile String etag;
        volatile String lastModified;
        volatile Instant lastPoll;
        volatile Result lastResult;
        volatile String lastError;
        volatile Instant lastSuccess;
        volatile int failures;
        volatile Instant nextPoll;
        volatile int items;
        volatile long newItems;
        volatile long totalNewItems;

        State(FeedSpec spec) {
            this.spec = spec;
            this.nextPoll = clock.instant();
        }

        double lastSuccessSeconds() {
            Instant success = lastSuccess;
            return success == null ? 0 : success.toEpochMilli() / 1000.0;
        }

        double failuresNow() {
            return failures;
        }

        FeedStatus status() {
            return new FeedStatus(spec.name(), spec.url().toString(), lastPoll, lastResult, lastError, lastSuccess, failures,
                    nextPoll, items, newItems, totalNewItems);
        }
    }
}
