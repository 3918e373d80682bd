package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The Labor Pulse stream topology.
 *
 * <pre>
 * labor.articles.v1  (article id : Article)
 *   → enrich → 0..n LaborEvent, re-keyed by region
 * labor.events.v1    (region : LaborEvent)
 *   → hourly tumbling windows on event time, grace for late news
 * labor.activity.v1  (region : RegionActivity), one record per update of an open window
 * </pre>
 */
public final class LaborTopology {

    /** Window store of hourly activity per region; also the name interactive queries use. */
    public static final String HOURLY_ACTIVITY_STORE = "hourly-activity-store";

    private LaborTopology() {
    }

    public static Topology build(
            LaborTopics topics, ArticleEnricher enricher, TopologySettings settings, PipelineMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();

        builder.stream(topics.articles().name(), topics.articles().consumed("articles-source"))
                .flatMapValues(enricher::enrich, Named.as("enrich-articles"))
                .selectKey((articleId, event) -> RegionKeys.of(event), Named.as("key-by-region"))
                .peek((region, event) -> metrics.eventExtracted(region, event), Named.as("count-extracted-events"))
                .to(topics.events().name(), topics.events().produced("events-sink"));

        Consumed<String, LaborEvent> events = Consumed
                .with(topics.events().keySerde(), topics.events().valueSerde())
                .withTimestampExtractor(new EventTimeExtractor())
                .withName("events-source");
        builder.stream(topics.events().name(), events)
                .groupByKey(Grouped.with("events-by-region", topics.events().keySerde(), topics.events().valueSerde()))
                .windowedBy(TimeWindows.ofSizeAndGrace(settings.hourlyWindow(), settings.grace()))
                .aggregate(
                        ActivityAggregator::empty,
                        ActivityAggregator::add,
                        Named.as("aggregate-hourly-activity"),
                        Materialized.<String, RegionActivity, WindowStore<Bytes, byte[]>>as(HOURLY_ACTIVITY_STORE)
                                .withKeySerde(topics.activity().keySerde())
                                .withValueSerde(topics.activity().valueSerde()))
                .toStream(Named.as("hourly-activity-updates"))
                .map((windowed, activity) -> KeyValue.pair(windowed.key(), withWindow(windowed, activity)),
                        Named.as("activity-with-window"))
                .to(topics.activity().name(), topics.activity().produced("activity-sink"));

        return builder.build();
    }

    private static RegionActivity withWindow(Windowed<String> windowed, RegionActivity activity) {
        Window window = windowed.window();
        return RegionActivity.newBuilder(activity)
                .setWindowStart(window.startTime())
                .setWindowEnd(window.endTime())
                .build();
    }
}
