package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One event per real-world happening. Each region's recent events are kept by day
 * ({@code region|day|id}); an incoming event is compared with those of its day and the days
 * around it ({@link EventDedup#decide}). A new event is stored and forwarded as it is; a duplicate
 * is merged into the event it duplicates, which is stored and forwarded again with one more
 * report and the joined sources (same id, higher {@code reportCount}: an update, not a new
 * count). Events older than the horizon on stream time are forgotten by a periodic sweep, so the
 * state stays bounded.
 */
final class DedupProcessor implements Processor<String, LaborEvent, String, LaborEvent> {

    private static final Duration SWEEP = Duration.ofMinutes(10);

    private final EventDedup.Settings settings;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, LaborEvent> context;
    private KeyValueStore<String, LaborEvent> recent;

    DedupProcessor(EventDedup.Settings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, LaborEvent> context) {
        this.context = context;
        this.recent = context.getStateStore(LaborTopology.DEDUP_STORE);
        context.schedule(SWEEP, PunctuationType.WALL_CLOCK_TIME, now -> forgetOld());
    }

    @Override
    public void process(Record<String, LaborEvent> record) {
        String region = record.key();
        LaborEvent incoming = record.value();
        long day = EventDedup.day(incoming);
        List<LaborEvent> candidates = new ArrayList<>();
        for (long d = day - settings.dayTolerance(); d <= day + settings.dayTolerance(); d++) {
            try (KeyValueIterator<String, LaborEvent> found = recent.prefixScan(dayPrefix(region, d), Serdes.String().serializer())) {
                found.forEachRemaining(kv -> candidates.add(kv.value));
            }
        }
        EventDedup.Decision decision = EventDedup.decide(candidates, incoming, settings);
        metrics.dedupDecision(decision.verdict().name().toLowerCase(java.util.Locale.ROOT));
        if (decision.verdict() == EventDedup.Verdict.NEW) {
            if (countOn(candidates, day) < settings.maxCandidates()) {
                recent.put(key(region, day, incoming.getId()), incoming);
            }
            context.forward(record);
            return;
        }
        LaborEvent survivor = decision.of();
        if (decision.verdict() == EventDedup.Verdict.EXACT_DUPLICATE && survivor.getId().equals(incoming.getId())
                && survivor.getSourceIds().containsAll(incoming.getSourceIds())) {
            return; // the same report again (a re-sent article): nothing new to say
        }
        LaborEvent merged = EventDedup.merge(survivor, incoming);
        recent.put(key(region, EventDedup.day(survivor), survivor.getId()), merged);
        context.forward(record.withValue(merged));
    }

    private static long countOn(List<LaborEvent> candidates, long day) {
        return candidates.stream().filter(e -> EventDedup.day(e) == day).count();
    }

    /** Forgets events older than the horizon, measured on stream time. */
    private void forgetOld() {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime == Long.MIN_VALUE) {
            return;
        }
        long oldestDay = Math.floorDiv(streamTime - settings.horizon().toMillis(), Duration.ofDays(1).toMillis());
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, LaborEvent> all = recent.all()) {
            all.forEachRemaining(kv -> {
                if (EventDedup.day(kv.value) < oldestDay) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(recent::delete);
    }

    private static String dayPrefix(String region, long day) {
        return region + '|' + String.format(java.util.Locale.ROOT, "%08d", day) + '|';
    }

    private static String key(String region, long day, String id) {
        return dayPrefix(region, day) + id;
    }
}
