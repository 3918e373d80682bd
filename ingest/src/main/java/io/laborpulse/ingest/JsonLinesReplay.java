package io.laborpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays JSON lines through an {@link ArticlePublisher} as fast as the broker takes them,
 * in transactions of {@value #BATCH_SIZE} lines, logging progress on long runs.
 */
public final class JsonLinesReplay {

    /** The bundled multilingual demo feed that standalone mode replays. */
    public static final String SAMPLE_FEED = "/io/laborpulse/ingest/sample-feed.jsonl";
    static final int BATCH_SIZE = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(JsonLinesReplay.class);

    private final ArticlePublisher publisher;
    private final Clock clock;

    public JsonLinesReplay(ArticlePublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public ArticlePublisher.Summary replaySampleFeed() {
        InputStream in = JsonLinesReplay.class.getResourceAsStream(SAMPLE_FEED);
        if (in == null) {
            throw new IllegalStateException("The sample feed " + SAMPLE_FEED + " is missing from the classpath");
        }
        return replay("sample-feed", in);
    }

    /** @param source name of the input, used as the default source and in dead-letter headers */
    public ArticlePublisher.Summary replay(String source, InputStream in) {
        ArticlePublisher.Summary total = ArticlePublisher.Summary.none();
        Instant started = clock.instant();
        Instant lastProgress = started;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<ArticlePublisher.Line> batch = new ArrayList<>(BATCH_SIZE);
            long number = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                batch.add(new ArticlePublisher.Line(source, number, text));
                if (batch.size() == BATCH_SIZE) {
                    total = total.plus(publisher.publish(batch));
                    batch.clear();
                    if (Duration.between(lastProgress, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
                        lastProgress = clock.instant();
                        logProgress(source, total, started);
                    }
                }
            }
            if (!batch.isEmpty()) {
                total = total.plus(publisher.publish(batch));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        log.info("Replayed {}: {} lines read, {} sent, {} already sent before, {} dead-lettered",
                source, total.read(), total.sent(), total.skipped(), total.deadLettered());
        return total;
    }

    private void logProgress(String source, ArticlePublisher.Summary total, Instant started) {
        double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
        log.info("Replaying {}: {} lines, {} sent, {} lines/s", source, total.read(), total.sent(),
                String.format(java.util.Locale.ROOT, "%.0f", total.read() / seconds));
    }
}
