package io.laborpulse.schemas.serde;

import io.laborpulse.schemas.registry.RegistryErrorCodes;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.laborpulse.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro ({@link WireFormat}) into a SpecificRecord. The writer schema comes
 * from the registry by the id in the header (once per id) and is resolved against the reader
 * schema, so records written with an older or newer compatible schema still read. The reader
 * schema is that of the type given, else of {@code specific.avro.key.type} /
 * {@code specific.avro.value.type}, else of the class generated for the writer schema's name.
 *
 * <p>{@code null} reads as {@code null}. Anything else that is not a readable record fails with a
 * {@link SerializationException} saying which: not the wire format, too short, unknown schema id,
 * a writer schema the reader cannot resolve, or a payload that does not decode.
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private Class<T> type;
    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka to create from a class name: {@link #configure} must then give {@code schema.registry.url}. */
    public ConfluentAvroDeserializer() {
        this(null, null);
    }

    /** A deserializer into {@code type}; {@link #configure} must give {@code schema.registry.url}. */
    public ConfluentAvroDeserializer(Class<T> type) {
        this(null, type);
    }

    /** A deserializer into {@code type} on the given registry, ready to use. */
    public ConfluentAvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.type = type;
    }

    /** Reads {@link SerdeConfig}'s settings; a registry or type given to the constructor is kept. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SerdeConfig.client(configs);
        }
        if (type == null) {
            type = SerdeConfig.readerType(configs, isKey);
        }
    }

    /** Gives a serde's shared client to a deserializer built without one. */
    void useRegistry(SchemaRegistryClient shared) {
        if (registry == null) {
            registry = shared;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("ConfluentAvroDeserializer is not configured: set " + SerdeConfig.SCHEMA_REGISTRY_URL);
        }
        int id = WireFormat.schemaIdOf(data);
        SpecificDatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(
                    data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            // Truncated or corrupt payloads surface as EOFException, AvroRuntimeException or an index error.
            throw new SerializationException("Cannot decode a record of topic " + topic + " written with schema id " + id
                    + " (" + reader.getSchema().getFullName() + "): " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(int id) {
        Schema writer = writerSchema(id);
        Class<T> readerType = type != null ? type : generatedClassOf(writer, id);
        Schema reader = SpecificData.get().getSchema(readerType);
        List<String> problems = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult()
                .getIncompatibilities().stream().map(p -> p.getMessage() + " at " + p.getLocation()).toList();
        if (!problems.isEmpty()) {
            throw new SerializationException("Records written with schema id " + id + " (" + writer.getFullName()
                    + ") cannot be read as " + readerType.getName() + ": " + problems);
        }
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(readerType));
    }

    private Schema writerSchema(int id) {
        try {
            return registry.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            String what = e.errorCode() == RegistryErrorCodes.SCHEMA_NOT_FOUND ? "Unknown schema id " + id
                    : "Cannot fetch schema id " + id + " from the registry";
            throw new SerializationException(what + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Class<T> generatedClassOf(Schema writer, int id) {
        Class<?> generated;
        try {
            generated = writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
        } catch (AvroRuntimeException e) {
            generated = null;
        }
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new SerializationException("No generated SpecificRecord class for " + writer.getFullName()
                    + " (schema id " + id + ") on the classpath: set " + SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE
                    + " or " + SerdeConfig.SPECIFIC_AVRO_KEY_TYPE);
        }
        return (Class<T>) generated;
    }
}
