package io.laborpulse.registry;

/**
 * One durable fact of the registry: a schema version registered under a subject, or a
 * compatibility level set globally ({@code subject == null}) or for one subject.
 */
public sealed interface RegistryEntry {

    /** Version {@code version} of {@code subject} is the schema with global id {@code id}. */
    record SchemaVersion(String subject, int version, int id, String schema) implements RegistryEntry {
    }

    /** The compatibility level of {@code subject}, or the global one when it is null. */
    record Config(String subject, CompatibilityLevel level) implements RegistryEntry {
    }
}
