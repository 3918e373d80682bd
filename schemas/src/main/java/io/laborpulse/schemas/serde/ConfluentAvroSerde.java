package io.laborpulse.schemas.serde;

import io.laborpulse.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of Avro SpecificRecords in the Confluent wire format, byte-compatible with Confluent's
 * {@code SpecificAvroSerde}: a {@link ConfluentAvroSerializer} and a {@link ConfluentAvroDeserializer}
 * sharing one registry client.
 *
 * <pre>{@code
 * Serde<LaborEvent> events = ConfluentAvroSerde.forValues(registryClient, LaborEvent.class);
 * }</pre>
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final ConfluentAvroSerializer<T> serializer;
    private final ConfluentAvroDeserializer<T> deserializer;
    /** Null until configured when Kafka built the serde by name. */
    private SchemaRegistryClient registry;

    /**
     * For Kafka to create from a class name (e.g. {@code default.value.serde}): {@link #configure}
     * must give {@code schema.registry.url}; records read as {@code specific.avro.value.type} (or
     * key type) or else as the class generated for the writer's schema.
     */
    public ConfluentAvroSerde() {
        this.serializer = new ConfluentAvroSerializer<>();
        this.deserializer = new ConfluentAvroDeserializer<>();
    }

    /** A serde of {@code type} that {@link #configure} must give {@code schema.registry.url}. */
    public ConfluentAvroSerde(Class<T> type) {
        this.serializer = new ConfluentAvroSerializer<>();
        this.deserializer = new ConfluentAvroDeserializer<>(type);
    }

    /** A value serde of {@code type} on the given registry client, unless {@link #configure} says keys. */
    public ConfluentAvroSerde(SchemaRegistryClient registry, Class<T> type) {
        this(registry, type, false);
    }

    private ConfluentAvroSerde(SchemaRegistryClient registry, Class<T> type, boolean isKey) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(type, "type");
        this.serializer = new ConfluentAvroSerializer<>(registry, isKey);
        this.deserializer = new ConfluentAvroDeserializer<>(registry, type);
    }

    /** A ready value serde (subject {@code <topic>-value}) on the given registry client. */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forValues(SchemaRegistryClient registry, Class<T> type) {
        return new ConfluentAvroSerde<>(registry, type, false);
    }

    /** A ready key serde (subject {@code <topic>-key}) on the given registry client. */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forKeys(SchemaRegistryClient registry, Class<T> type) {
        return new ConfluentAvroSerde<>(registry, type, true);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            // One client, hence one cache and one connection pool, for both directions.
            registry = SerdeConfig.client(configs);
            serializer.useRegistry(registry);
            deserializer.useRegistry(registry);
        }
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
