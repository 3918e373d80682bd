package io.laborpulse.topology;

import io.laborpulse.schemas.avro.ActivitySpike;
import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.avro.SpikeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches hourly activity for spikes, per region and per region × type. Every live update of
 * an hour is assessed against the key's baseline: the first update whose running count is a
 * spike raises one FIRING alert for that key and hour. The alert is RESOLVED as soon as news of a
 * later hour arrives (a later hour that is a spike too fires its own alert), or else when its
 * hour closes. A closed hour's final count (zero included) is learnt into the baseline. The statistic is the {@link SpikeModel}'s; this class only keeps state and
 * writes alerts.
 *
 * <p>Keys: {@code IR-10} for all types together, {@code IR-10|STRIKE} for one type.
 */
final class SpikeWatchProcessor<S> implements Processor<String, RegionActivity, String, ActivitySpike> {

    static final String ALL_TYPES = "";
    private static final char SEPARATOR = '|';

    private final SpikeModel<S> model;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, ActivitySpike> context;
    private KeyValueStore<String, S> baselines;
    private KeyValueStore<String, ActivitySpike> alerts;

    SpikeWatchProcessor(SpikeModel<S> model, PipelineMetrics metrics) {
        this.model = model;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, ActivitySpike> context) {
        this.context = context;
        this.baselines = context.getStateStore(LaborTopology.SPIKE_BASELINE_STORE);
        this.alerts = context.getStateStore(LaborTopology.SPIKE_ALERT_STORE);
    }

    @Override
    public void process(Record<String, RegionActivity> record) {
        RegionActivity activity = record.value();
        if (activity.getGranularity() != Granularity.HOUR) {
            return;
        }
        String region = activity.getRegion();
        long windowStart = activity.getWindowStart().toEpochMilli();
        for (Map.Entry<String, Long> count : counts(region, activity).entrySet()) {
            String key = key(region, count.getKey());
            S state = baselines.get(key);
            if (state == null) {
                state = model.fresh();
            }
            if (activity.getClosed()) {
                baselines.put(key, model.learn(state, windowStart, count.getValue()));
                resolve(key, windowStart);
            } else {
                fire(key, region, count.getKey(), activity, model.assess(state, windowStart, count.getValue()));
            }
        }
    }

    /**
     * The counts to assess or learn: all types together, and each type of the window; when a
     * window closes, also a zero for every type the region has a baseline for but no event in.
     */
    private Map<String, Long> counts(String region, RegionActivity activity) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ALL_TYPES, activity.getTotal());
        activity.getByType().forEach(counts::put);
        if (activity.getClosed()) {
            List<String> known = new ArrayList<>();
            try (KeyValueIterator<String, S> typed = baselines.prefixScan(region + SEPARATOR, Serdes.String().serializer())) {
                typed.forEachRemaining(kv -> known.add(kv.key.substring(region.length() + 1)));
            }
            known.forEach(type -> counts.putIfAbsent(type, 0L));
        }
        return counts;
    }

    private void fire(String key, String region, String type, RegionActivity activity, SpikeModel.Verdict verdict) {
        ActivitySpike current = alerts.get(key);
        if (current != null && current.getWindowStart().isBefore(activity.getWindowStart())) {
            resolve(key, current); // news of a later hour: the earlier hour's spike is over
            current = null;
        }
        if (!verdict.fire() || current != null) {
            return; // one alert per key and window
        }
        ActivitySpike alert = ActivitySpike.newBuilder()
                .setRegion(region)
                .setEventType(type.equals(ALL_TYPES) ? null : EventType.valueOf(type))
                .setWindowStart(activity.getWindowStart())
                .setWindowEnd(activity.getWindowEnd())
                .setObserved(type.equals(ALL_TYPES) ? activity.getTotal() : activity.getByType().get(type))
                .setExpected(verdict.expected())
                .setScore(verdict.score())
                .setSeverity(verdict.severity())
                .setStatus(SpikeStatus.FIRING)
                .setEvidenceEventIds(evidence(activity))
                .setDetectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
        alerts.put(key, alert);
        metrics.alertFired(region, type.equals(ALL_TYPES) ? "ALL" : type, verdict.severity().name());
        context.forward(new Record<>(region, alert, context.currentSystemTimeMs()));
    }

    /** Resolves the key's alert if it is the one of the window that just closed. */
    private void resolve(String key, long windowStart) {
        ActivitySpike firing = alerts.get(key);
        if (firing != null && firing.getWindowStart().toEpochMilli() == windowStart) {
            resolve(key, firing);
        }
    }

    private void resolve(String key, ActivitySpike firing) {
        alerts.delete(key);
        metrics.alertResolved();
        ActivitySpike resolved = ActivitySpike.newBuilder(firing)
                .setStatus(SpikeStatus.RESOLVED)
                .setDetectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
        context.forward(new Record<>(firing.getRegion(), resolved, context.currentSystemTimeMs()));
    }

    /** The window's most confident events, most confident first. */
    private static List<String> evidence(RegionActivity activity) {
        return activity.getTopEvents().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .limit(5)
                .toList();
    }

    static String key(String region, String type) {
        return type.equals(ALL_TYPES) ? region : region + SEPARATOR + type;
    }
}
