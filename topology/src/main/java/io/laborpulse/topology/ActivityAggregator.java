package io.laborpulse.topology;

import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Folds events into a region's activity for one window. Pure. */
public final class ActivityAggregator {

    /** How many of a window's events it names as evidence. */
    static final int TOP_EVENTS = 10;

    private ActivityAggregator() {
    }

    /** A window with nothing in it yet (or, closed, a quiet window of an active region). */
    public static RegionActivity empty(String region, Granularity granularity, long windowStart) {
        return RegionActivity.newBuilder()
                .setRegion(region)
                .setGranularity(granularity)
                .setClosed(false)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowStart + ActivityWindows.size(granularity).toMillis()))
                .setTotal(0)
                .build();
    }

    public static RegionActivity add(LaborEvent event, RegionActivity current) {
        String type = event.getEventType().name();
        long stated = event.getParticipants() == null ? 0 : event.getParticipants();
        Map<String, Long> byType = new HashMap<>(current.getByType());
        byType.merge(type, 1L, Long::sum);
        Map<String, Long> participantsByType = new HashMap<>(current.getParticipantsByType());
        if (stated > 0) {
            participantsByType.merge(type, stated, Long::sum);
        }
        TreeSet<String> sources = new TreeSet<>(current.getSources());
        sources.addAll(event.getSources());
        Map<String, Double> top = new HashMap<>(current.getTopEvents());
        top.put(event.getId(), event.getConfidence());
        if (top.size() > TOP_EVENTS) {
            top.entrySet().stream()
                    .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .ifPresent(top::remove);
        }
        return RegionActivity.newBuilder(current)
                .setTopEvents(top)
                .setTotal(current.getTotal() + 1)
                .setByType(byType)
                .setParticipantsByType(participantsByType)
                .setParticipants(current.getParticipants() + stated)
                .setSources(sources.stream().toList())
                .setDistinctSources(sources.size())
                .build();
    }

    /** Another report of an event already counted in the window: its sources join, the count stays. */
    public static RegionActivity addReport(LaborEvent update, RegionActivity current) {
        TreeSet<String> sources = new TreeSet<>(current.getSources());
        sources.addAll(update.getSources());
        return RegionActivity.newBuilder(current)
                .setSources(sources.stream().toList())
                .setDistinctSources(sources.size())
                .build();
    }

    /** The final result of a window: the same figures, marked closed. */
    public static RegionActivity closed(RegionActivity activity) {
        return RegionActivity.newBuilder(activity).setClosed(true).build();
    }
}
