package io.laborpulse.launcher;

import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.JsonLinesReplay;
import io.laborpulse.ingest.events.EventFileMapping;
import io.laborpulse.ingest.events.EventFileReader;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-off ingest work standalone mode runs in the background at start: the bundled demo feed
 * and the configured event files. The ledger makes a second run a no-op, so restarting
 * standalone mode never counts anything twice.
 */
final class BackgroundIngest {

    private static final Logger log = LoggerFactory.getLogger(BackgroundIngest.class);

    /** Where the work publishes. */
    record Target(String bootstrapServers, Map<String, String> client, SchemaRegistryClient registry, MeterRegistry metrics) {
    }

    private BackgroundIngest() {
    }

    static CompletableFuture<IngestPublisher.Summary> sampleFeed(Standalone standalone, Target target) {
        return start(standalone, "sample-feed", IngestFormat.ARTICLES, target, JsonLinesReplay::replaySampleFeed);
    }

    static CompletableFuture<IngestPublisher.Summary> eventFiles(Standalone standalone, Path input, Optional<Path> mappingFile,
            Target target) {
        EventFileMapping mapping = mappingFile.map(file -> EventFileMapping.load(file, "events"))
                .orElseGet(() -> EventFileMapping.identity("events"));
        return start(standalone, "events", IngestFormat.REPORTED_EVENTS, target,
                replay -> EventFileReader.publishAll(input, mapping, replay));
    }

    private static <T extends SpecificRecord> CompletableFuture<IngestPublisher.Summary> start(Standalone standalone, String instance,
            IngestFormat<T> format, Target target, Function<JsonLinesReplay, IngestPublisher.Summary> work) {
        CompletableFuture<IngestPublisher.Summary> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (IngestPublisher<T> publisher = IngestPublisher.connect(format, instance, target.bootstrapServers(),
                    target.client(), target.registry(), target.metrics())) {
                done.complete(work.apply(new JsonLinesReplay(publisher, Clock.systemUTC())));
            } catch (RuntimeException e) {
                log.warn("Ingest of {} failed: {}", instance, e.getMessage());
                log.debug("Ingest of {} failed", instance, e);
                done.completeExceptionally(e);
            }
        }, "laborpulse-ingest-" + instance);
        thread.setDaemon(true);
        thread.start();
        standalone.add(instance + " ingest", () -> thread.join(10_000));
        return done;
    }
}
