package org.dragonflyclient.spring.cache;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.NearCacheEntry;
import org.dragonflyclient.core.NearCacheKey;
import org.dragonflyclient.core.NearCacheStore;

/**
 * Where the local tier of one cache keeps its copies: a Caffeine cache bounded by entries or by
 * the bytes of the values (W-TinyLFU eviction), whose entries expire at the deadline the near
 * cache gave them (its time to live, never past the server entry's own expiry).
 *
 * <p>Next to each entry it keeps the value decoded once, so that a local hit costs neither a copy
 * of the bytes nor deserialization. A decoded value is attached to an entry only if the entry's
 * bytes are those it was decoded from, so it can never outlive or contradict the bytes the near
 * cache keeps or drops.
 *
 * <p>Eviction runs on the calling thread ({@code executor(Runnable::run)}): the bound holds even
 * when the common pool is busy, and the store stays quick, as the near cache's contract requires.
 */
final class CaffeineNearCacheStore implements NearCacheStore {

    /** One stored entry and its value decoded, once somebody decoded it. */
    static final class Holder {
        final NearCacheEntry entry;
        volatile @Nullable Object decoded;

        Holder(NearCacheEntry entry) {
            this.entry = entry;
        }
    }

    private final Cache<NearCacheKey, Holder> cache;
    private final LongAdder evictions = new LongAdder();

    /** @param tier the bound: entries or bytes of values */
    CaffeineNearCacheStore(LocalTier tier) {
        Caffeine<NearCacheKey, Holder> builder = Caffeine.newBuilder()
                .executor(Runnable::run)
                .expireAfter(new UntilDeadline())
                .evictionListener((NearCacheKey key, Holder holder, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evictions.increment();
                    }
                });
        if (tier.maximumWeight() > 0) {
            builder.maximumWeight(tier.maximumWeight())
                    .weigher((NearCacheKey key, Holder holder) -> key.length() + holder.entry.weight());
        } else {
            builder.maximumSize(tier.maximumSize());
        }
        this.cache = builder.build();
    }

    @Override
    public @Nullable NearCacheEntry get(NearCacheKey key) {
        Holder holder = cache.getIfPresent(key);
        return holder == null ? null : holder.entry;
    }

    @Override
    public void put(NearCacheKey key, NearCacheEntry entry) {
        cache.put(key, new Holder(entry));
    }

    @Override
    public void remove(NearCacheKey key) {
        cache.invalidate(key);
    }

    @Override
    public void clear() {
        cache.invalidateAll();
    }

    @Override
    public long size() {
        return cache.estimatedSize();
    }

    @Override
    public long evictionCount() {
        return evictions.sum();
    }

    /**
     * @param key the server key
     * @return the decoded value of the live entry of this key, or {@code null} when there is none
     *     or it was not decoded yet; Caffeine returns no entry past its deadline (the expiry below)
     */
    @Nullable
    Object decoded(NearCacheKey key) {
        Holder holder = cache.getIfPresent(key);
        return holder == null ? null : holder.decoded;
    }

    /**
     * Attaches a decoded value to the entry of the key, if that entry holds exactly these bytes.
     *
     * @param key the server key
     * @param bytes the bytes the value was decoded from
     * @param decoded the value
     */
    void remember(NearCacheKey key, byte[] bytes, Object decoded) {
        Holder holder = cache.getIfPresent(key);
        if (holder != null && Arrays.equals(holder.entry.value(), bytes)) {
            holder.decoded = decoded;
        }
    }

    /** Caffeine's default ticker is {@link System#nanoTime()}, the clock of the entries' deadlines. */
    private static final class UntilDeadline implements Expiry<NearCacheKey, Holder> {

        @Override
        public long expireAfterCreate(NearCacheKey key, Holder holder, long currentTime) {
            return Math.max(0, holder.entry.expiresAtNanos() - currentTime);
        }

        @Override
        public long expireAfterUpdate(NearCacheKey key, Holder holder, long currentTime, long currentDuration) {
            return Math.max(0, holder.entry.expiresAtNanos() - currentTime);
        }

        @Override
        public long expireAfterRead(NearCacheKey key, Holder holder, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
