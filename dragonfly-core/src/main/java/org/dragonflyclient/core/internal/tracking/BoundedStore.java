package org.dragonflyclient.core.internal.tracking;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.NearCacheEntry;
import org.dragonflyclient.core.NearCacheKey;
import org.dragonflyclient.core.NearCacheStore;

/**
 * The core's {@link NearCacheStore}: a {@link ConcurrentHashMap} for lock-free reads, and the keys
 * in the order they were stored, so that a full store evicts the oldest (first in, first out).
 * Deliberately simple: no access-order bookkeeping on the read path, no sampling; a store that
 * needs a better hit ratio is Caffeine behind the same interface. Writes (a miss's reply, an
 * invalidation) take one lock, which also keeps the size exactly within the bound.
 */
public final class BoundedStore implements NearCacheStore {

    private final long maximumSize;
    private final ConcurrentHashMap<NearCacheKey, NearCacheEntry> entries = new ConcurrentHashMap<>();
    /** Guarded by itself; holds exactly the keys of {@link #entries}, oldest first. */
    private final LinkedHashSet<NearCacheKey> order = new LinkedHashSet<>();

    private final AtomicLong evictions = new AtomicLong();

    /** @param maximumSize the most entries held, at least 1 */
    public BoundedStore(long maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, got " + maximumSize);
        }
        this.maximumSize = maximumSize;
    }

    @Override
    public @Nullable NearCacheEntry get(NearCacheKey key) {
        return entries.get(key);
    }

    @Override
    public void put(NearCacheKey key, NearCacheEntry entry) {
        synchronized (order) {
            if (order.remove(key)) {
                order.add(key); // a newer copy is the youngest
                entries.put(key, entry);
                return;
            }
            if (order.size() >= maximumSize) {
                Iterator<NearCacheKey> oldest = order.iterator();
                entries.remove(oldest.next());
                oldest.remove();
                evictions.incrementAndGet();
            }
            order.add(key);
            entries.put(key, entry);
        }
    }

    @Override
    public void remove(NearCacheKey key) {
        synchronized (order) {
            if (order.remove(key)) {
                entries.remove(key);
            }
        }
    }

    @Override
    public void clear() {
        synchronized (order) {
            order.clear();
            entries.clear();
        }
    }

    @Override
    public long size() {
        return entries.size();
    }

    @Override
    public long evictionCount() {
        return evictions.get();
    }

    @Override
    public String toString() {
        return "BoundedStore[" + entries.size() + "/" + maximumSize + "]";
    }
}
