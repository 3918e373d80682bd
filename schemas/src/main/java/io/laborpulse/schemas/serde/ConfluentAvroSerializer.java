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
 * Writes Avro SpecificRecords in the Confluent wire format ({@link WireFormat}) with the record's
 * own schema as writer schema. The schema is registered (or, with {@code auto.register.schemas=false},
 * only looked up) under {@code <topic>-key} or {@code <topic>-value}; the registry client caches
 * the id, so the registry is asked once per schema. {@code null} is written as {@code null}.
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For Kafka to create from a class name: {@link #configure} must then give {@code schema.registry.url}. */
    public ConfluentAvroSerializer() {
    }

    /** A serializer on the given registry, for keys or values, auto-registering unless configured otherwise. */
    public ConfluentAvroSerializer(SchemaRegistryClient registry, boolean isKey) {
        this.registry = registry;
        this.isKey = isKey;
    }

    /** Reads {@link SerdeConfig}'s settings; a registry given to the constructor is kept. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = SerdeConfig.autoRegister(configs);
        // Kafka Streams may configure a serde built with its client again with the app's configs.
        if (registry == null) {
            registry = SerdeConfig.client(configs);
        }
    }

    /** Gives a serde's shared client to a serializer built without one. */
    void useRegistry(SchemaRegistryClient shared) {
        if (registry == null) {
            registry = shared;
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
        return encode(schemaId(subject, schema), record, schema, subject);
    }

    private int schemaId(String subject, Schema schema) {
        try {
            if (autoRegister) {
                return registry.register(subject, schema);
            }
            return registry.lookup(subject, schema).orElseThrow(() -> new SerializationException("Schema "
                    + schema.getFullName() + " is not registered under subject " + subject + " and "
                    + SerdeConfig.AUTO_REGISTER_SCHEMAS + " is false")).id();
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot " + (autoRegister ? "register" : "look up") + " schema "
                    + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private byte[] encode(int id, T record, Schema schema, String subject) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(WireFormat.header(id));
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)))
                    .write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // A required field left null surfaces here as a NullPointerException from Avro.
            throw new SerializationException("Cannot encode a " + schema.getFullName() + " for subject " + subject
                    + ": " + e, e);
        }
        return out.toByteArray();
    }
}
