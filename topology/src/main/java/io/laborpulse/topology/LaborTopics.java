package io.laborpulse.topology;

import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
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
        TopicSpec<String, LaborEvent> events,
        TopicSpec<String, RegionActivity> activity,
        String deadLetters) {

    public static LaborTopics create(SchemaRegistryClient registry) {
        Serde<String> keys = Serdes.String();
        return new LaborTopics(
                new TopicSpec<>(Topics.ARTICLES, keys, ConfluentAvroSerde.forValues(registry, Article.class)),
                new TopicSpec<>(Topics.EVENTS, keys, ConfluentAvroSerde.forValues(registry, LaborEvent.class)),
                new TopicSpec<>(Topics.ACTIVITY, keys, ConfluentAvroSerde.forValues(registry, RegionActivity.class)),
                Topics.DEAD_LETTERS.name());
    }
}
