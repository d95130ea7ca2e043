package org.dragonflyclient.spring.cache;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.KeyScanner;
import org.dragonflyclient.core.NearCache;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.SetArgs;

/**
 * The server side of one cache, in bytes: which command runs, with which expiry, and what a
 * failure means. {@link DragonflyCache} sits on top and keeps what is Spring's (keys, values,
 * nulls, hits and misses, loading once), the way Spring Data Redis's {@code RedisCache} sits on its
 * {@code RedisCacheWriter}.
 *
 * <p>Every method runs through the {@link FailureGuard}: in fail-open mode a failed or skipped
 * call returns the fallback its method names instead of throwing. Every write takes its expiry
 * from one rule, {@link #expiry()}: the cache's time to live (or time to idle) plus jitter, picked
 * anew for each write; with time to idle each read extends the entry with {@code GETEX}.
 *
 * <p>With a local tier, reads go through the cache's {@link NearCache} (a local copy, or {@code GET}
 * on a tracked connection), and every write drops the key's local copy once the server has the
 * write, whether it succeeded or not, so that this JVM's next read fetches what the server holds.
 *
 * <p>The store counts what happened on the server (puts, evictions, removed keys; the guard counts
 * errors and skipped calls) in the cache's {@link CacheStatistics}; the cache counts what its caller
 * saw (hits, misses, unreadable values).
 */
final class DragonflyCacheStore {

    private final String cacheName;
    private final DragonflyClient client;
    private final FailureGuard guard;
    private final DragonflyCacheSettings settings;
    private final CacheStatistics statistics;
    private final String keyPrefix;
    private final int clearBatchSize;
    /** {@code GET}, or {@code GETEX PX} with time to idle: chosen once, so a read allocates nothing to choose. */
    private final Function<byte[], byte @Nullable []> read;

    private final Function<byte[], CompletableFuture<byte @Nullable []>> readAsync;

    private final @Nullable NearCache near;

    /**
     * @param cacheName the cache, for messages
     * @param keyPrefix what every key of the cache starts with, empty when keys are bare
     * @param settings the cache's expiry settings
     * @param runtime the client, the guard and the clear batch size
     * @param statistics the cache's counters
     * @param near the cache's local tier, or {@code null}; never with time to idle
     */
    DragonflyCacheStore(
            String cacheName,
            String keyPrefix,
            DragonflyCacheSettings settings,
            CacheRuntime runtime,
            CacheStatistics statistics,
            @Nullable NearCache near) {
        this.cacheName = cacheName;
        this.client = runtime.client();
        this.guard = runtime.guard();
        this.settings = settings;
        this.statistics = statistics;
        this.keyPrefix = keyPrefix;
        this.clearBatchSize = runtime.clearBatchSize();
        this.near = near;
        if (near != null) {
            this.read = near::get;
            this.readAsync = near::getAsync;
        } else if (settings.idleExpiry()) {
            this.read = serverKey -> client.getex(serverKey, GetExArgs.px(settings.nextExpiryMillis()));
            this.readAsync = serverKey -> client.async().getex(serverKey, GetExArgs.px(settings.nextExpiryMillis()));
        } else {
            this.read = client::get;
            this.readAsync = serverKey -> client.async().get(serverKey);
        }
    }

    /** @return the name of the cache this store serves */
    String cacheName() {
        return cacheName;
    }

    /** @return the counters of the cache this store serves */
    CacheStatistics statistics() {
        return statistics;
    }

    /**
     * Reads an entry, extending it with time to idle.
     *
     * @param key the cache key, for messages
     * @param serverKey the entry's key on the server
     * @return the stored bytes; {@code null} when absent or when the server failed (fail-open)
     */
    byte @Nullable [] get(Object key, byte[] serverKey) {
        return guard.execute(this, CacheOperation.GET, key, read, serverKey, null);
    }

    /**
     * Reads an entry without blocking, like {@link #get}.
     *
     * @param key the cache key, for messages
     * @param serverKey the entry's key on the server
     * @return the stored bytes or {@code null}, completed on the client's I/O thread
     */
    CompletableFuture<byte @Nullable []> getAsync(Object key, byte[] serverKey) {
        return guard.executeAsync(this, CacheOperation.GET, key, readAsync, serverKey, null);
    }

    /**
     * Writes an entry with the cache's expiry.
     *
     * @param key the cache key, for messages
     * @param serverKey the entry's key on the server
     * @param value the bytes to store
     * @return whether it was written; {@code false} when the server failed (fail-open)
     */
    boolean put(Object key, byte[] serverKey, byte[] value) {
        SetArgs expiry = expiry();
        boolean stored = countPut(guard.execute(
                this, CacheOperation.PUT, key, () -> client.set(serverKey, value, expiry), Boolean.FALSE));
        dropLocal(serverKey);
        return stored;
    }

    /**
     * Writes an entry without blocking, like {@link #put}.
     *
     * @param key the cache key, for messages
     * @param serverKey the entry's key on the server
     * @param value the bytes to store
     * @return whether it was written, completed on the client's I/O thread
     */
    CompletableFuture<Boolean> putAsync(Object key, byte[] serverKey, byte[] value) {
        SetArgs expiry = expiry();
        return guard.executeAsync(
                        this,
                        CacheOperation.PUT,
                        key,
                        () -> client.async().set(serverKey, value, expiry),
                        Boolean.FALSE)
                .thenApply(stored -> {
                    dropLocal(serverKey);
                    return countPut(stored);
                });
    }

    private boolean countPut(Boolean stored) {
        if (Boolean.TRUE.equals(stored)) {
            statistics.recordPut();
            return true;
        }
        return false;
    }

    /**
     * Writes an entry with the cache's expiry unless the key has one, atomically on the server
     * ({@code SET NX}).
     *
     * @param key the cache key, for messages
     * @param serverKey the entry's key on the server
     * @param value the bytes to store
     * @return the bytes the key holds already; {@code null} when this value was written, or when
     *     the server failed (fail-open)
     */
    byte @Nullable [] putIfAbsent(Object key, byte[] serverKey, byte[] value) {
        byte[] existing = guard.execute(this, CacheOperation.PUT, key, () -> setIfAbsent(serverKey, value), null);
        dropLocal(serverKey);
        return existing;
    }

    private byte @Nullable [] setIfAbsent(byte[] serverKey, byte[] value) {
        SetArgs expiry = expiry();
        SetArgs ifAbsent = expiry.nx();
        // Bounded: the existing entry can expire between SET NX and GET, then we try again.
        for (int attempt = 0; attempt < 3; attempt++) {
            if (client.set(serverKey, value, ifAbsent)) {
                statistics.recordPut();
                return null;
            }
            byte[] existing = client.get(serverKey);
            if (existing != null) {
                return existing;
            }
        }
        client.set(serverKey, value, expiry);
        statistics.recordPut();
        return null;
    }

    /**
     * Deletes an entry at once with {@code UNLINK}.
     *
     * @param key the cache key, for messages
     * @param serverKey the entry's key on the server
     * @return the number of keys deleted (0 or 1); -1 when the server failed (fail-open)
     */
    long unlink(Object key, byte[] serverKey) {
        long removed = guard.execute(this, CacheOperation.EVICT, key, () -> client.unlink(serverKey), -1L);
        dropLocal(serverKey);
        if (removed >= 0) {
            statistics.recordEviction(removed);
        }
        return removed;
    }

    /**
     * Deletes every key starting with the cache's prefix: walks {@code SCAN MATCH prefix* COUNT n}
     * and deletes each page with {@code UNLINK}, never {@code KEYS}. Not atomic: an entry written
     * during the walk may survive it.
     *
     * @return the number of keys deleted; -1 when the server failed (fail-open)
     * @throws IllegalStateException when the cache's keys have no prefix, so they cannot be told
     *     from any other key
     */
    long clear() {
        if (keyPrefix.isEmpty()) {
            throw new IllegalStateException("Cache '" + cacheName + "' stores its entries without a key prefix "
                    + "(use-key-prefix=false), so clear() cannot tell its keys from any other key in the database. "
                    + "Enable dragonfly.cache.use-key-prefix (or the cache's own use-key-prefix) to clear it");
        }
        byte[] pattern = KeyPatterns.prefixPattern(keyPrefix);
        long removed = guard.execute(this, CacheOperation.CLEAR, null, () -> unlinkMatching(pattern), -1L);
        if (near != null) {
            near.invalidateAll();
        }
        if (removed > 0) {
            statistics.recordRemovals(removed);
        }
        return removed;
    }

    private long unlinkMatching(byte[] pattern) {
        long count = 0;
        KeyScanner<byte[]> scanner = client.scanBinary(ScanArgs.match(pattern).count(clearBatchSize));
        for (List<byte[]> page = scanner.nextBatch(); !page.isEmpty(); page = scanner.nextBatch()) {
            for (int from = 0; from < page.size(); from += clearBatchSize) {
                List<byte[]> batch = page.subList(from, Math.min(page.size(), from + clearBatchSize));
                count += client.unlink(batch.toArray(new byte[0][]));
            }
        }
        return count;
    }

    /**
     * Drops the local copy of a key this JVM just wrote (or tried to), and keeps a read already on
     * its way from storing what it fetched before the write.
     */
    private void dropLocal(byte[] serverKey) {
        if (near != null) {
            near.invalidate(serverKey);
        }
    }

    /**
     * The expiry rule of every write: the time to live (or time to idle) plus up to the jitter,
     * picked anew for each write, or none.
     */
    private SetArgs expiry() {
        long millis = settings.nextExpiryMillis();
        return millis > 0 ? SetArgs.px(millis) : SetArgs.none();
    }

    @Override
    public String toString() {
        return "DragonflyCacheStore[" + cacheName + "]";
    }
}
