package io.laborpulse.launcher;

import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.JsonLinesReplay;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the bundled demo feed in the background. The ledger makes a second run a no-op, so
 * restarting standalone mode never counts the feed twice.
 */
final class SampleFeedIngest {

    private static final Logger log = LoggerFactory.getLogger(SampleFeedIngest.class);
    private static final String INSTANCE = "sample-feed";

    private SampleFeedIngest() {
    }

    static CompletableFuture<IngestPublisher.Summary> start(Standalone standalone, String bootstrapServers,
            Map<String, String> client, SchemaRegistryClient registry, MeterRegistry metrics) {
        CompletableFuture<IngestPublisher.Summary> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (IngestPublisher<Article> publisher = IngestPublisher.connect(IngestFormat.ARTICLES, INSTANCE,
                    bootstrapServers, client, registry, metrics)) {
                done.complete(new JsonLinesReplay(publisher, Clock.systemUTC()).replaySampleFeed());
            } catch (RuntimeException e) {
                log.warn("Replaying the sample feed failed: {}", e.getMessage());
                log.debug("Replaying the sample feed failed", e);
                done.completeExceptionally(e);
            }
        }, "laborpulse-sample-feed");
        thread.setDaemon(true);
        thread.start();
        standalone.add("sample-feed ingest", () -> thread.join(10_000));
        return done;
    }
}
