package io.laborpulse.registry;

import java.util.ArrayList;
import java.util.List;

/** A store that lives as long as the object: for tests and throwaway registries. Thread-safe. */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<RegistryEntry> entries = new ArrayList<>();

    @Override
    public synchronized List<RegistryEntry> load() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(RegistryEntry entry) {
        entries.add(entry);
    }
}
