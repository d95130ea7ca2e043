package org.dragonflyclient.core;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.internal.tracking.BoundedStore;

/**
 * Where a {@link NearCache} keeps its local copies: a bounded, thread-safe map from server key to
 * entry. The core ships {@link #bounded(long)}; a Caffeine cache (size or weight bound,
 * W-TinyLFU eviction) fits behind this interface in a few lines.
 *
 * <p>The near cache alone decides what goes in: it calls {@link #put}, {@link #remove} and
 * {@link #clear} inside its own per-key critical section, which is what keeps a late reply from
 * overwriting an invalidation. A store therefore must:
 * <ul>
 *   <li>be thread-safe, and make each call's effect visible to every {@link #get} that starts
 *       after the call returned (as {@code ConcurrentHashMap} and Caffeine do);</li>
 *   <li>never call back into the near cache, and return quickly (no I/O, no waiting);</li>
 *   <li>never hold on to an entry after {@link #remove} or {@link #clear} returned, nor bring one
 *       back; dropping entries at any time (eviction, expiry) is always allowed.</li>
 * </ul>
 * One store serves one near cache: do not share an instance.
 */
public interface NearCacheStore {

    /** Default bound of {@link #bounded(long)} in {@link NearCacheOptions}: ten thousand entries. */
    long DEFAULT_MAXIMUM_SIZE = 10_000;

    /**
     * The core's store: a concurrent map holding at most {@code maximumSize} entries. When full, it
     * evicts the oldest stored entry (first in, first out: not an LRU, reads do not reorder).
     * Reads take no lock; writes take one short lock per store. For hit-ratio-sensitive
     * workloads plug a Caffeine cache instead.
     *
     * @param maximumSize the most entries held, at least 1
     * @return a new, empty store
     * @throws IllegalArgumentException when {@code maximumSize} is below 1
     */
    static NearCacheStore bounded(long maximumSize) {
        return new BoundedStore(maximumSize);
    }

    /**
     * @param key the server key
     * @return the entry stored for it, or {@code null}
     */
    @Nullable
    NearCacheEntry get(NearCacheKey key);

    /**
     * Stores an entry, replacing any other for the key; may evict other entries to stay in bound.
     *
     * @param key the server key
     * @param entry the entry
     */
    void put(NearCacheKey key, NearCacheEntry entry);

    /** @param key the server key whose entry is dropped, if any */
    void remove(NearCacheKey key);

    /** Drops every entry. */
    void clear();

    /** @return the number of entries held (an estimate for stores that only know one) */
    long size();

    /** @return entries dropped so far to stay within the bound (not counting removes and clears) */
    long evictionCount();
}
