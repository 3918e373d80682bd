package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's rules, without HTTP: global ids shared by identical schemas across subjects,
 * versions numbered from 1 per subject, registration idempotent, compatibility checked against
 * the subject's level (else the global one, BACKWARD by default). State is rebuilt from the
 * store's entries at construction and every change is appended to it before it is visible.
 */
public final class SchemaRegistry {

    public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    /** A registered version as the API reports it. */
    public record Version(String subject, int version, int id, String schema) {
    }

    private final SchemaStore store;
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Version>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int maxId;

    public SchemaRegistry(SchemaStore store) {
        this.store = store;
        store.load().forEach(this::apply);
    }

    public synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        List<Version> versions = subjects.getOrDefault(subject, List.of());
        for (Version v : versions) {
            if (v.schema().equals(canonical)) {
                return v.id();
            }
        }
        if (!levelOf(subject).allows(schema, parsed(versions))) {
            throw new RegistryException(409, RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject
                            + "' under compatibility level " + levelOf(subject));
        }
        int id = idsBySchema.getOrDefault(canonical, maxId + 1);
        RegistryEntry.SchemaVersion entry = new RegistryEntry.SchemaVersion(subject, versions.size() + 1, id, canonical);
        persist(entry);
        return id;
    }

    public synchronized Optional<Version> lookup(String subject, String schemaText) {
        String canonical = parse(schemaText).toString();
        return versionsOf(subject).stream().filter(v -> v.schema().equals(canonical)).findFirst();
    }

    public synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw new RegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    /** Every (subject, version) that carries the schema with this id. */
    public synchronized List<Version> usesOf(int id) {
        schemaById(id);
        List<Version> uses = new ArrayList<>();
        subjects.values().forEach(list -> list.stream().filter(v -> v.id() == id).forEach(uses::add));
        return uses;
    }

    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    public synchronized List<Version> versionsOf(String subject) {
        List<Version> versions = subjects.get(subject);
        if (versions == null) {
            throw RegistryException.subjectNotFound(subject);
        }
        return List.copyOf(versions);
    }

    /** @param version a number or {@code latest} */
    public synchronized Version version(String subject, String version) {
        List<Version> versions = versionsOf(subject);
        if (version.equals("latest") || version.equals("-1")) {
            return versions.get(versions.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_VERSION,
                    "The specified version '" + version + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        int wanted = number;
        return versions.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> new RegistryException(404, RegistryErrorCodes.VERSION_NOT_FOUND,
                        "Version " + wanted + " not found."));
    }

    public synchronized boolean isCompatible(String subject, String version, String schemaText) {
        Schema candidate = parse(schemaText);
        Version against = version(subject, version);
        List<Schema> existing = version.equals("latest") || version.equals("-1")
                ? parsed(versionsOf(subject)) : List.of(new Schema.Parser().parse(against.schema()));
        return levelOf(subject).allows(candidate, existing);
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** @param subject null for the global level */
    public synchronized void setLevel(String subject, CompatibilityLevel level) {
        persist(new RegistryEntry.Config(subject, level));
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private void persist(RegistryEntry entry) {
        try {
            store.append(entry);
        } catch (RuntimeException e) {
            throw new RegistryException(500, RegistryErrorCodes.STORE_ERROR, "Error while storing the schema: " + e.getMessage());
        }
        apply(entry);
    }

    private void apply(RegistryEntry entry) {
        if (entry instanceof RegistryEntry.SchemaVersion v) {
            schemasById.putIfAbsent(v.id(), v.schema());
            idsBySchema.putIfAbsent(v.schema(), v.id());
            maxId = Math.max(maxId, v.id());
            subjects.computeIfAbsent(v.subject(), s -> new ArrayList<>())
                    .add(new Version(v.subject(), v.version(), v.id(), v.schema()));
        } else if (entry instanceof RegistryEntry.Config c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    private static List<Schema> parsed(List<Version> versions) {
        List<Schema> schemas = new ArrayList<>(versions.size());
        versions.forEach(v -> schemas.add(new Schema.Parser().parse(v.schema())));
        return schemas;
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_SCHEMA, "Empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }

    static Map<String, Object> versionJson(Version v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", v.subject());
        json.put("version", v.version());
        json.put("id", v.id());
        json.put("schema", v.schema());
        return json;
    }
}
