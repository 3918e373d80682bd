package io.laborpulse.registry;

/**
 * One durable fact of the registry: a schema version registered under a subject, or a
 * compatibility level set globally ({@code subject == null}) or for one subject.
 */
public sealed interface RegistryEntry {

    record SchemaVersion(String subject, int version, int id, String schema) implements RegistryEntry {
    }

    record Config(String subject, CompatibilityLevel level) implements RegistryEntry {
    }
}
