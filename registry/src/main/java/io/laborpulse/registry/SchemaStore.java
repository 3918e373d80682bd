package io.laborpulse.registry;

import java.util.List;

/**
 * The registry's durable state as a log of {@link RegistryEntry} facts: schema versions under
 * subjects (which carry the global schema ids) and compatibility levels. {@link SchemaRegistry}
 * replays the log to rebuild its maps; a later entry for the same subject and version, or the
 * same level scope, wins.
 *
 * <p>Implementations serve one writer: the registry that holds them.
 */
public interface SchemaStore extends AutoCloseable {

    /**
     * Every entry written so far, oldest first, including any whose {@link #append} failed but
     * reached the store anyway.
     */
    List<RegistryEntry> load();

    /**
     * Writes the entry durably and returns only once it would survive a restart.
     *
     * @throws RuntimeException when the write is not acknowledged; the entry may or may not
     *                          have been stored, so the caller re-reads with {@link #load}
     */
    void append(RegistryEntry entry);

    /** Releases clients and connections; entries stay where they are. */
    @Override
    default void close() {
    }
}
