package io.laborpulse.schemas;

import io.laborpulse.schemas.avro.ActivitySpike;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.avro.ReportedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The topic catalogue: the one place where topic names, partitions and configs are written.
 * The README's topic catalogue is this class in prose; {@code TopicCatalogueTest} (launcher module) keeps the two in step.
 *
 * <p>All keys are UTF-8 strings (Kafka's {@code StringSerializer}); all values except the
 * dead-letter topic use the Confluent Avro wire format with subject {@code <topic>-value}.
 */
public final class Topics {

    private static final String DELETE = "delete";
    private static final String COMPACT = "compact";
    /**
     * Kafka Streams stamps window results with event time, which for a backfill of old news is
     * months in the past: time-based retention would delete them as they are written. On these
     * topics the broker stamps append time instead; the window itself is in the value.
     */
    private static final String LOG_APPEND_TIME = "LogAppendTime";

    public static final TopicDefinition ARTICLES = new TopicDefinition(
            "labor.articles.v1", 3, "article id", Article.class,
            Map.of("cleanup.policy", DELETE, "retention.ms", days(30)),
            "Articles and feed items as ingested, before enrichment.");

    public static final TopicDefinition REPORTED_EVENTS = new TopicDefinition(
            "labor.reported-events.v1", 3, "reported event id", ReportedEvent.class,
            Map.of("cleanup.policy", DELETE, "retention.ms", days(30)),
            "Structured event records from trackers and forms, before normalisation.");

    public static final TopicDefinition EVENTS = new TopicDefinition(
            "labor.events.v1", 3, "region key (ISO 3166-2, else country, else ZZ)", LaborEvent.class,
            Map.of("cleanup.policy", DELETE, "retention.ms", days(90)),
            "Typed labour events, one per real-world happening, partitioned by region.");

    public static final TopicDefinition ACTIVITY = new TopicDefinition(
            "labor.activity.v1", 3, "region key", RegionActivity.class,
            Map.of("cleanup.policy", DELETE, "retention.ms", days(90), "message.timestamp.type", LOG_APPEND_TIME),
            "Activity per region in hour and day windows: every update of an open window (closed = false).");

    public static final TopicDefinition ACTIVITY_FINAL = new TopicDefinition(
            "labor.activity-final.v1", 3, "region key", RegionActivity.class,
            Map.of("cleanup.policy", DELETE, "retention.ms", days(400), "message.timestamp.type", LOG_APPEND_TIME),
            "Final activity per region and closed hour or day window (closed = true), zeros for quiet windows of active regions.");

    public static final TopicDefinition ALERTS = new TopicDefinition(
            "labor.alerts.v1", 3, "region key", ActivitySpike.class,
            Map.of("cleanup.policy", DELETE, "retention.ms", days(180), "message.timestamp.type", LOG_APPEND_TIME),
            "Spike alerts per region, and their resolution.");

    public static final TopicDefinition DEAD_LETTERS = new TopicDefinition(
            "labor.deadletter.v1", 1, "original key bytes", null,
            Map.of("cleanup.policy", DELETE, "retention.ms", days(30)),
            "Records that could not be processed: original bytes plus headers naming the error.");

    public static final TopicDefinition INGEST_LEDGER = new TopicDefinition(
            "labor.ingest-ledger.v1", 1, "article or reported event id", null,
            Map.of("cleanup.policy", COMPACT),
            "What the ingest has already published, so restarts and replays do not publish twice.");

    public static final TopicDefinition SCHEMAS = new TopicDefinition(
            "_schemas", 1, "registry entry key (JSON)", null,
            Map.of("cleanup.policy", COMPACT),
            "Durable store of the embedded schema registry (same role as Confluent's _schemas).");

    /** Every topic the product creates, in catalogue order. */
    public static final List<TopicDefinition> ALL = List.of(
            ARTICLES, REPORTED_EVENTS, EVENTS, ACTIVITY, ACTIVITY_FINAL, ALERTS, DEAD_LETTERS, INGEST_LEDGER, SCHEMAS);

    private Topics() {
    }

    private static String days(int days) {
        return Long.toString(Duration.ofDays(days).toMillis());
    }
}
