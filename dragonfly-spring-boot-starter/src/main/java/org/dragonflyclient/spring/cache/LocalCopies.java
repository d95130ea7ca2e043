package org.dragonflyclient.spring.cache;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.NearCache;
import org.dragonflyclient.core.NearCacheKey;
import org.dragonflyclient.core.NearCacheOptions;
import org.dragonflyclient.core.NearCacheStats;

/**
 * The local tier of one cache: the client's {@link NearCache} (which decides what may be kept,
 * and drops what the server invalidates) over a {@link CaffeineNearCacheStore} (which keeps it,
 * with each value decoded once).
 *
 * <p>A read first looks for a decoded value in the store, and only then asks the near cache. Both
 * answer from the same entries: the near cache alone puts entries into its store, inside its race
 * guard, and removes them on every invalidation, so an entry found in the store is exactly one the
 * near cache itself would answer with. Looking there first spares a local hit the near cache's copy
 * of the bytes and the value's deserialization. Local hits are therefore counted in two places:
 * here (a decoded value found) and in the near cache (bytes found, first read after a store).
 */
final class LocalCopies implements AutoCloseable {

    private static final String CAFFEINE = "com.github.benmanes.caffeine.cache.Caffeine";

    private final NearCache near;
    private final CaffeineNearCacheStore store;
    private final LongAdder decodedHits = new LongAdder();

    private LocalCopies(NearCache near, CaffeineNearCacheStore store) {
        this.near = near;
        this.store = store;
    }

    /**
     * @param cacheName the cache, for messages
     * @param tier its local tier, enabled
     * @param client a client with tracking on
     * @return the cache's local tier
     * @throws IllegalStateException when Caffeine is missing or the client's tracking is off
     */
    static LocalCopies open(String cacheName, LocalTier tier, DragonflyClient client) {
        if (!caffeinePresent()) {
            throw new IllegalStateException(
                    "Cache '" + cacheName + "' has a local tier (dragonfly.cache.local.enabled), "
                            + "which keeps its entries in Caffeine, but Caffeine is not on the class path. Add the dependency "
                            + "com.github.ben-manes.caffeine:caffeine (Spring Boot manages its version), or turn the local "
                            + "tier off");
        }
        if (!client.options().tracking()) {
            throw new IllegalStateException("Cache '" + cacheName + "' has a local tier, which needs a client with "
                    + "tracking on (ClientOptions.builder().tracking(true), tracking=on in the URI) so that the server "
                    + "tells this JVM when an entry changes; its client has tracking off");
        }
        AtomicReference<CaffeineNearCacheStore> created = new AtomicReference<>();
        NearCache near = client.nearCache(NearCacheOptions.builder()
                .store(() -> {
                    CaffeineNearCacheStore store = new CaffeineNearCacheStore(tier);
                    created.set(store);
                    return store;
                })
                .timeToLive(tier.timeToLive())
                .build());
        return new LocalCopies(near, created.get());
    }

    private static boolean caffeinePresent() {
        try {
            Class.forName(CAFFEINE, false, LocalCopies.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return the near cache: server reads on a local miss, and invalidations */
    NearCache near() {
        return near;
    }

    /**
     * @param key the server key
     * @return the decoded value of a live local copy, or {@code null} (then read through {@link #near()})
     */
    @Nullable
    Object decoded(NearCacheKey key) {
        Object decoded = store.decoded(key);
        if (decoded != null) {
            decodedHits.increment();
        }
        return decoded;
    }

    /**
     * Keeps a decoded value next to the local copy of these bytes, if the near cache kept one.
     *
     * @param key the server key
     * @param bytes what the near cache answered
     * @param decoded the value decoded from them
     */
    void remember(NearCacheKey key, byte[] bytes, Object decoded) {
        store.remember(key, bytes, decoded);
    }

    /** @return local hits, misses, invalidations heard and evictions, all reads of this cache included */
    NearCacheStats stats() {
        NearCacheStats near = this.near.stats();
        return new NearCacheStats(
                near.hits() + decodedHits.sum(), near.misses(), near.invalidations(), near.evictions());
    }

    /** @return local copies held */
    long size() {
        return near.size();
    }

    @Override
    public void close() {
        near.close();
    }
}
