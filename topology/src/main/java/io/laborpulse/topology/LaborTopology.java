package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The Labor Pulse stream topology.
 *
 * <pre>
 * labor.articles.v1        (article id : Article)        → validate, enrich → 0..n LaborEvent ┐
 * labor.reported-events.v1 (event id : ReportedEvent)    → validate, normalise → LaborEvent   ┴ merge, key by region
 *   → dedup: one event per happening; a later report updates it (same id, reportCount + 1)
 * labor.events.v1          (region : LaborEvent)
 *   → events by id (queryable)
 *   → hour and day windows on event time, closed on event time and idle wall-clock time
 * labor.activity.v1        (region : RegionActivity)  every update of an open window
 * labor.activity-final.v1  (region : RegionActivity)  each closed window once, zeros included
 *   → hourly counts against a seasonal baseline per region and region × type
 * labor.alerts.v1          (region : ActivitySpike)   FIRING once per key and hour, then RESOLVED
 * </pre>
 *
 * Records that cannot be read, validated, enriched or written go to labor.deadletter.v1 through
 * the exception handlers {@link StreamsSettings} installs.
 */
public final class LaborTopology {

    /** Window store of hourly activity per region; also the name interactive queries use. */
    public static final String HOURLY_ACTIVITY_STORE = "hourly-activity-store";
    /** Window store of daily activity per region. */
    public static final String DAILY_ACTIVITY_STORE = "daily-activity-store";
    /** Per region: first and last event, next windows to close. */
    public static final String REGION_PROGRESS_STORE = "region-progress-store";
    /** Events by id, for a while after they were written. */
    public static final String EVENTS_BY_ID_STORE = "events-by-id-store";
    /** Recent events per region and day, the candidates an incoming event may duplicate. */
    public static final String DEDUP_STORE = "dedup-store";
    /** Spike baselines per region and per region × type. */
    public static final String SPIKE_BASELINE_STORE = "spike-baseline-store";
    /** Spike alerts firing now, per region and per region × type; also what the query API lists. */
    public static final String SPIKE_ALERT_STORE = "spike-alert-store";

    private LaborTopology() {
    }

    public static Topology build(LaborTopics topics, ArticleEnricher enricher, ReportedEventNormalizer normalizer,
            EventDedup.Settings dedup, SpikeModel<?> spikes, TopologySettings settings, PipelineMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, LaborEvent> fromArticles = builder
                .stream(topics.articles().name(), topics.articles().consumed("articles-source"))
                .flatMapValues(enricher::enrich, Named.as("enrich-articles"));
        KStream<String, LaborEvent> fromReports = builder
                .stream(topics.reportedEvents().name(), topics.reportedEvents().consumed("reported-events-source"))
                .mapValues(normalizer::normalize, Named.as("normalise-reported-events"));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEDUP_STORE), Serdes.String(), topics.events().valueSerde()));
        fromArticles.merge(fromReports, Named.as("merge-events"))
                .selectKey((id, event) -> RegionKeys.of(event), Named.as("key-by-region"))
                .repartition(Repartitioned.with(topics.events().keySerde(), topics.events().valueSerde())
                        .withName("events-by-region"))
                .process(() -> new DedupProcessor(dedup, metrics), Named.as("dedup-events"), DEDUP_STORE)
                .peek(metrics::eventExtracted, Named.as("count-events"))
                .to(topics.events().name(), topics.events().produced("events-sink"));

        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(HOURLY_ACTIVITY_STORE, settings.hourlyRetention(), TopologySettings.HOUR, false),
                Serdes.String(), topics.activity().valueSerde()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DAILY_ACTIVITY_STORE, settings.dailyRetention(), TopologySettings.DAY, false),
                Serdes.String(), topics.activity().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REGION_PROGRESS_STORE), Serdes.String(), RegionProgress.SERDE));
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(EVENTS_BY_ID_STORE), Serdes.String(), topics.events().valueSerde()));

        Consumed<String, LaborEvent> eventsConsumed = Consumed
                .with(topics.events().keySerde(), topics.events().valueSerde())
                .withTimestampExtractor(new EventTimeExtractor())
                .withName("events-source");
        KStream<String, LaborEvent> events = builder.stream(topics.events().name(), eventsConsumed);
        events.process(() -> new EventIndexProcessor(settings), Named.as("index-events"), EVENTS_BY_ID_STORE);
        KStream<String, RegionActivity> activity = events.process(() -> new ActivityWindowsProcessor(settings, metrics),
                Named.as("window-activity"), HOURLY_ACTIVITY_STORE, DAILY_ACTIVITY_STORE, REGION_PROGRESS_STORE);
        activity.split(Named.as("activity-"))
                .branch((region, window) -> !window.getClosed(), Branched.withConsumer(
                        live -> live.to(topics.activity().name(), topics.activity().produced("activity-sink")), "live"))
                .defaultBranch(Branched.withConsumer(
                        closed -> closed.to(topics.activityFinal().name(), topics.activityFinal().produced("activity-final-sink")),
                        "final"));
        watchForSpikes(builder, activity, spikes, topics, metrics);

        return builder.build();
    }

    private static <S> void watchForSpikes(StreamsBuilder builder, KStream<String, RegionActivity> activity,
            SpikeModel<S> model, LaborTopics topics, PipelineMetrics metrics) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SPIKE_BASELINE_STORE), Serdes.String(), model.stateSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SPIKE_ALERT_STORE), Serdes.String(), topics.alerts().valueSerde()));
        activity.process(() -> new SpikeWatchProcessor<>(model, metrics), Named.as("watch-for-spikes"),
                        SPIKE_BASELINE_STORE, SPIKE_ALERT_STORE)
                .to(topics.alerts().name(), topics.alerts().produced("alerts-sink"));
    }
}
