package io.laborpulse.schemas.serde;

import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.laborpulse.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro SpecificRecords in the Confluent wire format, registering (or, with
 * {@code auto.register.schemas=false}, looking up) the record's schema under
 * {@code <topic>-key} or {@code <topic>-value}.
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For Kafka to create from a class name; {@link #configure} must then name the registry. */
    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistryClient registry, boolean isKey) {
        this.registry = registry;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = SerdeConfig.autoRegister(configs);
        // A serde built with its client keeps it: Kafka Streams may configure it again with app configs.
        if (registry == null) {
            registry = SerdeConfig.client(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("ConfluentAvroSerializer is not configured: set " + SerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema schema = record.getSchema();
        String subject = WireFormat.subject(topic, isKey);
        try {
            int id = autoRegister ? registry.register(subject, schema)
                    : registry.lookup(subject, schema).orElseThrow(() -> new SerializationException(
                            "Schema " + schema.getFullName() + " is not registered under subject " + subject
                                    + " and auto.register.schemas is false")).id();
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.header(id));
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)))
                    .write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            String reason = e instanceof SchemaRegistryException ? "registry" : "encoding";
            throw new SerializationException("Cannot serialize " + schema.getFullName() + " for subject " + subject
                    + " (" + reason + "): " + e.getMessage(), e);
        }
    }
}
