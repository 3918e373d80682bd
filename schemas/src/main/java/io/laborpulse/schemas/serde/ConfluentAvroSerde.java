package io.laborpulse.schemas.serde;

import io.laborpulse.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of Avro SpecificRecords in the Confluent wire format, byte-compatible with Confluent's
 * {@code SpecificAvroSerde}.
 *
 * <pre>{@code
 * Serde<LaborEvent> events = ConfluentAvroSerde.forValues(registryClient, LaborEvent.class);
 * }</pre>
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final ConfluentAvroSerializer<T> serializer;
    private final ConfluentAvroDeserializer<T> deserializer;

    /** A serde that must be {@link #configure configured} with {@code schema.registry.url}. */
    public ConfluentAvroSerde(Class<T> type) {
        this.serializer = new ConfluentAvroSerializer<>();
        this.deserializer = new ConfluentAvroDeserializer<>(type);
    }

    /** A serde on the given registry client, for values unless {@link #configure} says keys. */
    public ConfluentAvroSerde(SchemaRegistryClient registry, Class<T> type) {
        this.serializer = new ConfluentAvroSerializer<>(registry, false);
        this.deserializer = new ConfluentAvroDeserializer<>(registry, type);
    }

    /** A ready value serde (subject {@code <topic>-value}) on the given registry client. */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forValues(SchemaRegistryClient registry, Class<T> type) {
        return new ConfluentAvroSerde<>(registry, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
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
