package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules, without HTTP.
 *
 * <ul>
 *   <li>Schemas are kept in canonical form: the registered text parsed by Avro and printed by
 *       {@link Schema#toString()}, so whitespace and key order do not make a new schema.</li>
 *   <li>Ids are global: an identical schema under another subject gets the id it already has;
 *       a new schema gets the highest id so far plus one, starting at 1.</li>
 *   <li>Versions count from 1 per subject. Registering a schema the subject already has, at any
 *       version, returns its id and adds nothing.</li>
 *   <li>A new version must pass the subject's level, else the global one (BACKWARD unless set).</li>
 * </ul>
 *
 * <p>State is rebuilt from the {@link SchemaStore} at construction. Every change is appended to
 * the store before it becomes visible; when an append fails, its fate is unknown, so the next
 * change first re-reads the store (as Confluent's registry does after a write timeout) rather
 * than hand out an id or version that may already be taken. All methods are thread-safe and
 * refuse with a {@link RegistryException} that carries the Confluent error to answer with.
 */
public final class SchemaRegistry {

    /** The global level until one is set. */
    public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    /** A registered version as the API reports it. */
    public record Version(String subject, int version, int id, String schema) {
    }

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);
    private static final String LATEST = "latest";

    private final SchemaStore store;
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final NavigableMap<String, NavigableMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int maxId;
    private boolean inDoubt;

    /** Replays {@code store}; the registry does not close it. */
    public SchemaRegistry(SchemaStore store) {
        this.store = store;
        store.load().forEach(this::apply);
    }

    /**
     * Registers {@code schemaText} under {@code subject}.
     *
     * @return the schema's global id
     * @throws RegistryException 422 / 42201 invalid schema, 409 / 409 incompatible, 500 / 50001
     *                           store failure
     */
    public synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        resyncIfInDoubt();
        NavigableMap<Integer, Version> versions = subjects.getOrDefault(subject, new TreeMap<>());
        Optional<Version> existing = find(versions, canonical);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        CompatibilityLevel level = levelOf(subject);
        if (!level.allows(schema, parsed(versions.values()))) {
            throw new RegistryException(409, RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject
                            + "' under compatibility level " + level);
        }
        int id = idsBySchema.getOrDefault(canonical, maxId + 1);
        int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        persist(new RegistryEntry.SchemaVersion(subject, version, id, canonical));
        return id;
    }

    /**
     * The version of {@code subject} that holds {@code schemaText}.
     *
     * @throws RegistryException 40401 no such subject, 40403 not registered under it, 42201 invalid
     */
    public synchronized Version lookup(String subject, String schemaText) {
        NavigableMap<Integer, Version> versions = versionMap(subject);
        return find(versions, parse(schemaText).toString())
                .orElseThrow(() -> RegistryException.schemaNotFound("Schema under subject '" + subject + "'"));
    }

    /**
     * The canonical schema with this global id.
     *
     * @throws RegistryException 40403
     */
    public synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound("Schema " + id);
        }
        return schema;
    }

    /**
     * Every (subject, version) that carries the schema with this id, subjects in name order.
     *
     * @throws RegistryException 40403
     */
    public synchronized List<Version> usesOf(int id) {
        schemaById(id);
        List<Version> uses = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().stream().filter(v -> v.id() == id).forEach(uses::add));
        return uses;
    }

    /** Every subject with at least one version, in name order. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    /**
     * The subject's versions, oldest first.
     *
     * @throws RegistryException 40401
     */
    public synchronized List<Version> versionsOf(String subject) {
        return List.copyOf(versionMap(subject).values());
    }

    /**
     * One version of a subject.
     *
     * @param version a positive number, {@code latest}, or {@code -1} (Confluent's alias of latest)
     * @throws RegistryException 40401 no subject, 40402 no such version, 42202 not a version
     */
    public synchronized Version version(String subject, String version) {
        NavigableMap<Integer, Version> versions = versionMap(subject);
        if (isLatest(version)) {
            return versions.lastEntry().getValue();
        }
        int number = versionNumber(version);
        Version found = versions.get(number);
        if (found == null) {
            throw new RegistryException(404, RegistryErrorCodes.VERSION_NOT_FOUND,
                    "Version " + number + " not found for subject '" + subject + "'.");
        }
        return found;
    }

    /**
     * Whether {@code schemaText} could be registered after the given version under the
     * subject's level. Against {@code latest}, a transitive level checks every version, as
     * registration would; against a numbered version, only that one.
     *
     * @throws RegistryException 40401, 40402, 42202 as {@link #version}; 42201 invalid schema
     */
    public synchronized boolean isCompatible(String subject, String version, String schemaText) {
        Version against = version(subject, version);
        Schema candidate = parse(schemaText);
        List<Schema> existing = isLatest(version)
                ? parsed(versionMap(subject).values())
                : List.of(new Schema.Parser().parse(against.schema()));
        return levelOf(subject).allows(candidate, existing);
    }

    /** The global level. */
    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's own level, if one was set; it need not have versions yet. */
    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** The level that registration under {@code subject} obeys. */
    public synchronized CompatibilityLevel effectiveLevel(String subject) {
        return levelOf(subject);
    }

    /**
     * Sets a compatibility level.
     *
     * @param subject null for the global level
     * @throws RegistryException 500 / 50001 store failure
     */
    public synchronized void setLevel(String subject, CompatibilityLevel level) {
        resyncIfInDoubt();
        persist(new RegistryEntry.Config(subject, level));
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private NavigableMap<Integer, Version> versionMap(String subject) {
        NavigableMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private void persist(RegistryEntry entry) {
        try {
            store.append(entry);
        } catch (RuntimeException e) {
            inDoubt = true;
            throw new RegistryException(500, RegistryErrorCodes.STORE_ERROR,
                    "Error while storing the registry entry; it was not acknowledged: " + e.getMessage(), e);
        }
        apply(entry);
    }

    private void resyncIfInDoubt() {
        if (!inDoubt) {
            return;
        }
        List<RegistryEntry> entries;
        try {
            entries = store.load();
        } catch (RuntimeException e) {
            throw new RegistryException(500, RegistryErrorCodes.STORE_ERROR,
                    "The store is unreadable after a failed write, so no change is accepted: " + e.getMessage(), e);
        }
        schemasById.clear();
        idsBySchema.clear();
        subjects.clear();
        subjectLevels.clear();
        globalLevel = DEFAULT_LEVEL;
        maxId = 0;
        entries.forEach(this::apply);
        inDoubt = false;
        log.info("Schema registry re-read its store after a failed write: {} entries", entries.size());
    }

    private void apply(RegistryEntry entry) {
        if (entry instanceof RegistryEntry.SchemaVersion v) {
            String earlier = schemasById.putIfAbsent(v.id(), v.schema());
            if (earlier != null && !earlier.equals(v.schema())) {
                // Only a second writer on the same store can cause this; the first fact wins.
                log.warn("Schema id {} is stored with two different schemas; keeping the first", v.id());
            }
            idsBySchema.putIfAbsent(v.schema(), v.id());
            maxId = Math.max(maxId, v.id());
            subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>())
                    .put(v.version(), new Version(v.subject(), v.version(), v.id(), v.schema()));
        } else if (entry instanceof RegistryEntry.Config c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    private static Optional<Version> find(NavigableMap<Integer, Version> versions, String canonical) {
        return versions.values().stream().filter(v -> v.schema().equals(canonical)).findFirst();
    }

    private static boolean isLatest(String version) {
        return LATEST.equals(version) || "-1".equals(version);
    }

    private static int versionNumber(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new RegistryException(422, RegistryErrorCodes.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static List<Schema> parsed(Iterable<Version> versions) {
        List<Schema> schemas = new ArrayList<>();
        versions.forEach(v -> schemas.add(new Schema.Parser().parse(v.schema())));
        return schemas;
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("Invalid schema: empty");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            // Avro reports bad input with several exception types (parse, type, default errors).
            throw RegistryException.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }
}
