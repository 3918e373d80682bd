package io.laborpulse.schemas;

import java.util.Map;
import java.util.Objects;

/**
 * Everything a client or an operator needs to know about one topic: its name, how many
 * partitions it is created with, what its key and value are, and its topic-level configs.
 *
 * @param name        topic name
 * @param partitions  partitions created when the topic does not exist yet
 * @param key         what the record key holds and how it is encoded
 * @param valueType   Avro record class of the value, or {@code null} when values are raw bytes
 * @param configs     topic-level configs (retention, compaction) applied at creation
 * @param role        one line on what the topic carries, for the catalogue
 */
public record TopicDefinition(
        String name,
        int partitions,
        String key,
        Class<?> valueType,
        Map<String, String> configs,
        String role) {

    public TopicDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** Value schema name for the catalogue: the Avro record's simple name, or "bytes". */
    public String valueDescription() {
        return valueType == null ? "bytes (original record)" : valueType.getSimpleName() + " (Avro)";
    }
}
