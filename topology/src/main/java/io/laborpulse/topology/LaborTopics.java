package io.laborpulse.topology;

import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.ActivitySpike;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics the topology reads and writes, each with its serdes, built once from the
 * catalogue in {@link Topics} and one schema-registry client.
 */
public record LaborTopics(
        TopicSpec<String, Article> articles,
        TopicSpec<String, ReportedEvent> reportedEvents,
        TopicSpec<String, LaborEvent> events,
        TopicSpec<String, RegionActivity> activity,
        TopicSpec<String, RegionActivity> activityFinal,
        TopicSpec<String, ActivitySpike> alerts,
        String deadLetters) {

    public static LaborTopics create(SchemaRegistryClient registry) {
        Serde<String> keys = Serdes.String();
        Serde<RegionActivity> activity = ConfluentAvroSerde.forValues(registry, RegionActivity.class);
        return new LaborTopics(
                new TopicSpec<>(Topics.ARTICLES, keys, ConfluentAvroSerde.forValues(registry, Article.class)),
                new TopicSpec<>(Topics.REPORTED_EVENTS, keys, ConfluentAvroSerde.forValues(registry, ReportedEvent.class)),
                new TopicSpec<>(Topics.EVENTS, keys, ConfluentAvroSerde.forValues(registry, LaborEvent.class)),
                new TopicSpec<>(Topics.ACTIVITY, keys, activity),
                new TopicSpec<>(Topics.ACTIVITY_FINAL, keys, activity),
                new TopicSpec<>(Topics.ALERTS, keys, ConfluentAvroSerde.forValues(registry, ActivitySpike.class)),
                Topics.DEAD_LETTERS.name());
    }
}
