package io.laborpulse.registry;

import java.util.ArrayList;
import java.util.List;

/** A store that lives as long as the process: for tests and throwaway registries. */
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
