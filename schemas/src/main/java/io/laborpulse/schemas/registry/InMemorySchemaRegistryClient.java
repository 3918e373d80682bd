package io.laborpulse.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory with Confluent's semantics (global ids shared across subjects,
 * versions from 1 per subject, BACKWARD compatibility on register). For tests and tools that
 * need no network: give each test its own instance.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<Schema, Integer> idOf = new HashMap<>();
    private final Map<String, List<Schema>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (versions.contains(schema)) {
            return idOf.get(schema);
        }
        if (!versions.isEmpty() && !readable(schema, versions.get(versions.size() - 1))) {
            throw new SchemaRegistryException(409, RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with the latest version of subject " + subject);
        }
        versions.add(schema);
        return idOf.computeIfAbsent(schema, s -> {
            int id = byId.size() + 1;
            byId.put(id, s);
            return id;
        });
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        List<Schema> versions = subjects.getOrDefault(subject, List.of());
        int index = versions.indexOf(schema);
        return index < 0 ? Optional.empty() : Optional.of(new RegisteredSchema(subject, index + 1, idOf.get(schema), schema));
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        List<Schema> versions = existing(subject);
        if (version < 1 || version > versions.size()) {
            throw new SchemaRegistryException(404, RegistryErrorCodes.VERSION_NOT_FOUND,
                    "Version " + version + " not found under subject " + subject);
        }
        Schema schema = versions.get(version - 1);
        return new RegisteredSchema(subject, version, idOf.get(schema), schema);
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        return getVersion(subject, existing(subject).size());
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Schema> versions = existing(subject);
        return readable(schema, versions.get(versions.size() - 1));
    }

    @Override
    public synchronized List<String> subjects() {
        return subjects.keySet().stream().sorted().toList();
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        int count = existing(subject).size();
        List<Integer> numbers = new ArrayList<>(count);
        for (int v = 1; v <= count; v++) {
            numbers.add(v);
        }
        return numbers;
    }

    private List<Schema> existing(String subject) {
        List<Schema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject " + subject + " not found");
        }
        return versions;
    }

    private static boolean readable(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
