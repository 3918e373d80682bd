package io.laborpulse.registry;

import java.util.List;

/** Where the registry's entries live: replayed in order at start, appended durably after. */
public interface SchemaStore extends AutoCloseable {

    /** Every entry written so far, in the order written. */
    List<RegistryEntry> load();

    /** Writes the entry durably; returns only once it would survive a restart. */
    void append(RegistryEntry entry);

    @Override
    default void close() {
    }
}
