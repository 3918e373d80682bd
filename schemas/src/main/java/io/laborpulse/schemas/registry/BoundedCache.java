package io.laborpulse.schemas.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe map that forgets its least recently used entry once full. Registry answers never
 * change once given, so a cache needs no expiry; the bound only protects a process that meets an
 * unbounded number of schemas (a topic of generated schemas, a scan of old ids).
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /**
     * The cached value, else {@code load}'s answer, remembered. {@code load} runs outside the lock,
     * so a slow registry call does not hold up readers of other keys; two threads missing the same
     * key at once both load it, which is harmless because the registry answers both the same.
     */
    V computeIfAbsent(K key, Function<K, V> load) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = load.apply(key);
        put(key, loaded);
        return loaded;
    }

    synchronized int size() {
        return entries.size();
    }
}
