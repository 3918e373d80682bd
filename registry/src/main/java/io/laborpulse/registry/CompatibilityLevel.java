package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, decided with Avro's own reader/writer rules
 * ({@link SchemaCompatibility}). BACKWARD: the new schema reads data written with the old;
 * FORWARD: the old schema reads data written with the new; FULL: both. The plain levels compare
 * with the latest version only, the {@code _TRANSITIVE} ones with every version.
 */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    /**
     * Reads a level as sent in a config request, case-insensitively.
     *
     * @throws RegistryException 422 / 42203 for anything that is not a level
     */
    public static CompatibilityLevel parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(level -> level.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new RegistryException(422, RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                        "Invalid compatibility level '" + text + "'. Valid values are: " + List.of(values())));
    }

    /** True when this level checks every earlier version, not just the latest. */
    public boolean transitive() {
        return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
    }

    /**
     * Whether {@code candidate} may follow {@code existing} under this level.
     *
     * @param existing versions to compare with, oldest first; plain levels use only the last
     */
    public boolean allows(Schema candidate, List<Schema> existing) {
        if (this == NONE || existing.isEmpty()) {
            return true;
        }
        List<Schema> against = transitive() ? existing : List.of(existing.get(existing.size() - 1));
        boolean backward = this != FORWARD && this != FORWARD_TRANSITIVE;
        boolean forward = this != BACKWARD && this != BACKWARD_TRANSITIVE;
        for (Schema old : against) {
            if (backward && !canRead(candidate, old)) {
                return false;
            }
            if (forward && !canRead(old, candidate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
