package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Folds events into a region's activity for one window. Pure: the window bounds are filled
 * in by the topology, which alone knows them.
 */
public final class ActivityAggregator {

    private ActivityAggregator() {
    }

    public static RegionActivity empty() {
        return RegionActivity.newBuilder()
                .setRegion("")
                .setWindowStart(java.time.Instant.EPOCH)
                .setWindowEnd(java.time.Instant.EPOCH)
                .setTotal(0)
                .build();
    }

    public static RegionActivity add(String region, LaborEvent event, RegionActivity current) {
        Map<String, Long> byType = new HashMap<>(current.getByType());
        byType.merge(event.getEventType().name(), 1L, Long::sum);
        TreeSet<String> sources = new TreeSet<>(current.getSources());
        sources.addAll(event.getSources());
        long participants = current.getParticipants() + (event.getParticipants() == null ? 0 : event.getParticipants());
        return RegionActivity.newBuilder(current)
                .setRegion(region)
                .setTotal(current.getTotal() + 1)
                .setByType(byType)
                .setParticipants(participants)
                .setSources(sources.stream().toList())
                .setDistinctSources(sources.size())
                .build();
    }
}
