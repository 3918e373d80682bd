package io.laborpulse.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory with Confluent's semantics: ids are global and start at 1, the same
 * schema gets the same id under every subject, re-registering a schema a subject already holds
 * changes nothing, versions count from 1 per subject, and a new version must be BACKWARD
 * compatible with the latest one (else 409). Schemas are the same when their JSON is, as in
 * Confluent, so a doc change is a new version.
 *
 * <p>For tests and for embedding where no network is wanted; give each test its own instance.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final List<Schema> byId = new ArrayList<>();
    private final Map<String, Integer> idOfJson = new HashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = idsBySubject.getOrDefault(subject, List.of());
        Integer known = idOfJson.get(schema.toString());
        if (known != null && versions.contains(known)) {
            return known;
        }
        if (!versions.isEmpty()) {
            List<String> problems = problemsReading(schema, byId(versions.get(versions.size() - 1)));
            if (!problems.isEmpty()) {
                throw new SchemaRegistryException(409, RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with the latest version of subject " + subject + ": " + problems);
            }
        }
        int id = known != null ? known : newId(schema);
        idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new SchemaRegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return byId(id);
    }

    @Override
    public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        Integer id = idOfJson.get(schema.toString());
        int index = id == null ? -1 : idsBySubject.getOrDefault(subject, List.of()).indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(new RegisteredSchema(subject, index + 1, id, byId(id)));
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        List<Integer> versions = existing(subject);
        if (version < 1) {
            throw new SchemaRegistryException(422, RegistryErrorCodes.INVALID_VERSION,
                    "The specified version '" + version + "' is not a valid version id");
        }
        if (version > versions.size()) {
            throw new SchemaRegistryException(404, RegistryErrorCodes.VERSION_NOT_FOUND,
                    "Version " + version + " not found under subject " + subject);
        }
        int id = versions.get(version - 1);
        return new RegisteredSchema(subject, version, id, byId(id));
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        return getVersion(subject, existing(subject).size());
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Integer> versions = idsBySubject.getOrDefault(subject, List.of());
        return versions.isEmpty() || problemsReading(schema, byId(versions.get(versions.size() - 1))).isEmpty();
    }

    @Override
    public synchronized List<String> subjects() {
        return idsBySubject.keySet().stream().sorted().toList();
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

    private int newId(Schema schema) {
        byId.add(schema);
        int id = byId.size();
        idOfJson.put(schema.toString(), id);
        return id;
    }

    private Schema byId(int id) {
        return byId.get(id - 1);
    }

    private List<Integer> existing(String subject) {
        List<Integer> versions = idsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    /** BACKWARD: what keeps the new schema, as reader, from resolving data the latest one wrote. */
    private static List<String> problemsReading(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities().stream()
                .map(problem -> problem.getMessage() + " at " + problem.getLocation())
                .toList();
    }
}
