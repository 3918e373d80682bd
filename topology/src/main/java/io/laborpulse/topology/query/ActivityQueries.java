package io.laborpulse.topology.query;

import io.laborpulse.schemas.avro.ActivitySpike;
import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.topology.LaborTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads this instance's share of the live state: the partitions its Kafka Streams tasks own.
 * {@link QueryApi} decides which instance to ask.
 */
public final class ActivityQueries {

    private final KafkaStreams streams;

    public ActivityQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Windows of one region starting in {@code [from, to]}, oldest first. */
    public List<RegionActivity> regionActivity(String region, Granularity granularity, Instant from, Instant to) {
        List<RegionActivity> windows = new ArrayList<>();
        try (WindowStoreIterator<RegionActivity> found = windowStore(granularity).fetch(region, from, to)) {
            found.forEachRemaining(kv -> windows.add(kv.value));
        }
        return windows;
    }

    /** The regions with the most events (of {@code type}, or of all types when null) in the window starting at {@code start}. */
    public List<RegionActivity> topRegions(Granularity granularity, Instant start, String type, int limit) {
        List<RegionActivity> windows = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, RegionActivity> all = windowStore(granularity).fetchAll(start, start)) {
            all.forEachRemaining(kv -> windows.add(kv.value));
        }
        return rank(windows, type, limit);
    }

    /** Ranks windows by their count of {@code type} (or total), most first, region code breaking ties. */
    public static List<RegionActivity> rank(List<RegionActivity> windows, String type, int limit) {
        return windows.stream()
                .filter(a -> count(a, type) > 0)
                .sorted(Comparator.comparingLong((RegionActivity a) -> count(a, type)).reversed()
                        .thenComparing(RegionActivity::getRegion))
                .limit(limit)
                .toList();
    }

    public static long count(RegionActivity activity, String type) {
        return type == null ? activity.getTotal() : activity.getByType().getOrDefault(type, 0L);
    }

    /** The spike alerts firing now on this instance, highest score first. */
    public List<ActivitySpike> currentAlerts() {
        ReadOnlyKeyValueStore<String, ActivitySpike> store = streams.store(StoreQueryParameters
                .fromNameAndType(LaborTopology.SPIKE_ALERT_STORE, QueryableStoreTypes.keyValueStore()));
        List<ActivitySpike> alerts = new ArrayList<>();
        try (KeyValueIterator<String, ActivitySpike> all = store.all()) {
            all.forEachRemaining(kv -> alerts.add(kv.value));
        }
        alerts.sort(Comparator.comparingDouble(ActivitySpike::getScore).reversed());
        return alerts;
    }

    public Optional<LaborEvent> event(String id) {
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<LaborEvent>> store = streams.store(StoreQueryParameters
                .fromNameAndType(LaborTopology.EVENTS_BY_ID_STORE, QueryableStoreTypes.timestampedKeyValueStore()));
        return Optional.ofNullable(store.get(id)).map(ValueAndTimestamp::value);
    }

    private ReadOnlyWindowStore<String, RegionActivity> windowStore(Granularity granularity) {
        String name = granularity == Granularity.DAY ? LaborTopology.DAILY_ACTIVITY_STORE : LaborTopology.HOURLY_ACTIVITY_STORE;
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.windowStore()));
    }

}
