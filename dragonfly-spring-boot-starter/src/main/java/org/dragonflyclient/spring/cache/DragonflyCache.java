package org.dragonflyclient.spring.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.NearCacheKey;
import org.dragonflyclient.core.NearCacheStats;
import org.dragonflyclient.spring.cache.serializer.ValueSerializationException;

/**
 * A Spring {@link org.springframework.cache.Cache} whose entries live in Dragonfly (or any
 * Redis-protocol server), one string key per entry. Obtained from a {@link DragonflyCacheManager}.
 *
 * <p>The cache does what is Spring's: keys, values, nulls, statistics and loading once. The server
 * side, in bytes, is its {@link DragonflyCacheStore}'s: commands, expiry, the {@link FailureGuard}.
 * The path of a read: key to text ({@link CacheKeyConverter}), prefix it ({@code cacheName::key}),
 * the store's {@code GET} (or {@code GETEX} with time to idle), then bytes to value
 * ({@link org.dragonflyclient.spring.cache.serializer.CacheValueSerializer}). A value that no longer
 * deserializes is a miss, with one warning per cache.
 *
 * <p>{@code get(key, Callable)} and {@code retrieve(key, Supplier)} load each key once in this
 * JVM however many threads miss it together, and optionally once across JVMs. {@code clear()}
 * walks the cache's keys with {@code SCAN MATCH} and deletes them in batches with
 * {@code UNLINK}; it never uses {@code KEYS}. Asynchronous results are completed on the
 * manager's executor, never on the client's I/O thread, so that callbacks and loaders never
 * hold up replies of other callers.
 *
 * <p>With a {@link LocalTier local tier}, reads first look for a local copy ({@link LocalCopies}),
 * decoded once and kept until the server reports its key changed (or the copy expires, or
 * tracking is lost); writes from this JVM drop the local copy before they return, so the next
 * read fetches what was written.
 */
public final class DragonflyCache extends AbstractValueAdaptingCache {

    private static final Log logger = LogFactory.getLog(DragonflyCache.class);

    /** Stands for a cached {@code null}. No JDK or JSON serialization starts with a zero byte. */
    static final byte[] NULL_MARKER = {0, 'n', 'u', 'l', 'l', 0};

    private final String name;
    private final DragonflyCacheSettings settings;
    private final CacheRuntime runtime;
    private final String keyPrefix;
    private final CacheStatistics statistics = new CacheStatistics();
    private final DragonflyCacheStore store;
    private final @Nullable LocalCopies local;
    private final AtomicBoolean warnedUnreadable = new AtomicBoolean();

    DragonflyCache(String name, DragonflyCacheSettings settings, CacheRuntime runtime) {
        super(settings.cacheNullValues());
        this.name = name;
        this.settings = settings;
        this.runtime = runtime;
        this.keyPrefix = settings.keyPrefixFor(name);
        this.local = openLocalTier(name, settings, runtime);
        this.store = new DragonflyCacheStore(
                name, keyPrefix, settings, runtime, statistics, local != null ? local.near() : null);
    }

    private static @Nullable LocalCopies openLocalTier(
            String name, DragonflyCacheSettings settings, CacheRuntime runtime) {
        if (!settings.localTier().enabled()) {
            return null;
        }
        if (settings.idleExpiry()) {
            // Local hits never reach the server, so they could not extend the entry's idle time.
            throw new IllegalStateException("Cache '" + name + "' has both a local tier and a time to idle, but "
                    + "reads answered locally never reach the server, so they cannot extend the entry's idle time. "
                    + "Use time-to-live instead of time-to-idle for this cache, or turn its local tier off "
                    + "(dragonfly.cache.caches." + name + ".local.enabled=false)");
        }
        return LocalCopies.open(name, settings.localTier(), runtime.client());
    }

    @Override
    public String getName() {
        return name;
    }

    /** @return the client this cache talks through */
    @Override
    public DragonflyClient getNativeCache() {
        return runtime.client();
    }

    /** @return the settings of this cache */
    public DragonflyCacheSettings getSettings() {
        return settings;
    }

    /** @return this cache's counters */
    public CacheStatistics statistics() {
        return statistics;
    }

    /**
     * @return the counters of the local tier (hits, misses, invalidations heard, evictions), or
     *     {@code null} when this cache has none
     */
    public @Nullable NearCacheStats localTierStatistics() {
        return local != null ? local.stats() : null;
    }

    /** @return the number of entries the local tier holds, 0 without a local tier */
    public long localTierSize() {
        return local != null ? local.size() : 0;
    }

    /** Stops the local tier (if any): its copies are dropped and it hears no more invalidations. */
    void closeLocalTier() {
        if (local != null) {
            local.close();
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    protected @Nullable Object lookup(Object key) {
        return read(key, serverKey(key), true);
    }

    /** Reads and decodes one entry: its store value ({@link NullValue} for a cached null), or {@code null}. */
    private @Nullable Object read(Object key, byte[] serverKey, boolean count) {
        if (local == null) {
            return found(key, store.get(key, serverKey), count);
        }
        NearCacheKey localKey = NearCacheKey.of(serverKey);
        Object decoded = local.decoded(localKey);
        if (decoded != null) {
            if (count) {
                statistics.recordHit();
            }
            return decoded;
        }
        byte[] bytes = store.get(key, serverKey);
        Object value = found(key, bytes, count);
        if (value != null) {
            local.remember(localKey, bytes, value);
        }
        return value;
    }

    /** Reads without blocking; decoding and everything after it run on the manager's executor. */
    private CompletableFuture<@Nullable Object> readAsync(Object key, byte[] serverKey) {
        if (local == null) {
            return store.getAsync(key, serverKey).thenApplyAsync(bytes -> found(key, bytes, true), runtime.executor());
        }
        NearCacheKey localKey = NearCacheKey.of(serverKey);
        Object decoded = local.decoded(localKey);
        if (decoded != null) {
            statistics.recordHit();
            return CompletableFuture.completedFuture(decoded);
        }
        return store.getAsync(key, serverKey)
                .thenApplyAsync(
                        bytes -> {
                            Object value = found(key, bytes, true);
                            if (value != null) {
                                local.remember(localKey, bytes, value);
                            }
                            return value;
                        },
                        runtime.executor());
    }

    /** Decodes what a read found, and counts it as a hit or a miss when it is the caller's own read. */
    private @Nullable Object found(Object key, byte @Nullable [] bytes, boolean count) {
        Object value = bytes == null ? null : decode(key, bytes);
        if (count) {
            if (value == null) {
                statistics.recordMiss();
            } else {
                statistics.recordHit();
            }
        }
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
        byte[] serverKey = serverKey(key);
        Object stored = read(key, serverKey, true);
        if (stored == null) {
            stored = runtime.flights().load(flightKey(serverKey), () -> loadOnce(key, serverKey, valueLoader));
        }
        return (T) fromStoreValue(stored);
    }

    /** Runs as the one loader of this key in this JVM. */
    private Object loadOnce(Object key, byte[] serverKey, Callable<?> valueLoader) {
        // Another thread may have stored the value between our miss and our turn as leader.
        Object stored = read(key, serverKey, false);
        if (stored != null) {
            return stored;
        }
        LoadLease lease = runtime.lease();
        if (lease == null) {
            return loadAndStore(key, serverKey, valueLoader);
        }
        return lease.load(
                store,
                key,
                serverKey,
                () -> read(key, serverKey, false),
                () -> loadAndStore(key, serverKey, valueLoader));
    }

    private Object loadAndStore(Object key, byte[] serverKey, Callable<?> valueLoader) {
        Object storeValue;
        try {
            storeValue = toStoreValue(valueLoader.call());
        } catch (Throwable ex) {
            throw new ValueRetrievalException(key, valueLoader, ex);
        }
        store.put(key, serverKey, encode(storeValue));
        return storeValue;
    }

    @Override
    public @Nullable CompletableFuture<?> retrieve(Object key) {
        byte[] serverKey = serverKey(key);
        return readAsync(key, serverKey)
                .thenApply(stored ->
                        stored == null ? null : isAllowNullValues() ? toValueWrapper(stored) : fromStoreValue(stored));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
        byte[] serverKey = serverKey(key);
        return runtime.flights()
                .loadAsync(
                        flightKey(serverKey),
                        () -> readAsync(key, serverKey)
                                .thenCompose(stored -> stored != null
                                        ? CompletableFuture.completedFuture(stored)
                                        : valueLoader
                                                .get()
                                                .thenCompose(value -> writeAsync(key, serverKey, toStoreValue(value)))))
                .thenApply(stored -> (T) fromStoreValue(stored));
    }

    private CompletableFuture<Object> writeAsync(Object key, byte[] serverKey, Object storeValue) {
        return store.putAsync(key, serverKey, encode(storeValue))
                .thenApplyAsync(stored -> storeValue, runtime.executor());
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void put(Object key, @Nullable Object value) {
        byte[] bytes = encode(toStoreValue(value));
        store.put(key, serverKey(key), bytes);
    }

    /**
     * Stores the value unless the key has one, atomically on the server ({@code SET NX}). When the
     * key has a value, that value is read back and returned; a stored value that no longer
     * deserializes is overwritten, as a miss would be.
     */
    @Override
    public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
        byte[] bytes = encode(toStoreValue(value));
        byte[] serverKey = serverKey(key);
        byte[] existing = store.putIfAbsent(key, serverKey, bytes);
        if (existing == null) {
            return null;
        }
        Object stored = decode(key, existing);
        if (stored != null) {
            return toValueWrapper(stored);
        }
        store.put(key, serverKey, bytes); // unreadable: overwrite it, as a miss would
        return null;
    }

    @Override
    public void evict(Object key) {
        evictIfPresent(key);
    }

    /**
     * Deletes the entry at once with {@code UNLINK}.
     *
     * @return whether the entry existed; {@code false} as well when the server could not be
     *     reached (fail-open), which is logged and counted
     */
    @Override
    public boolean evictIfPresent(Object key) {
        return store.unlink(key, serverKey(key)) > 0;
    }

    /**
     * Deletes every entry of this cache: walks {@code SCAN MATCH prefix* COUNT n} and deletes each
     * page with {@code UNLINK}. Not atomic: an entry written during the walk may survive it.
     *
     * @throws IllegalStateException when this cache's keys have no prefix ({@code use-key-prefix=false})
     */
    @Override
    public void clear() {
        store.clear();
    }

    /**
     * Deletes every entry of this cache, like {@link #clear()}.
     *
     * @return whether any entry existed
     */
    @Override
    public boolean invalidate() {
        return store.clear() > 0;
    }

    // ------------------------------------------------------------------ conversions

    /**
     * Refuses {@code null} with the fix named when this cache does not store nulls.
     */
    @Override
    protected Object toStoreValue(@Nullable Object userValue) {
        if (userValue == null && !isAllowNullValues()) {
            throw new IllegalArgumentException("Cache '" + name + "' does not store null values, and null was given. "
                    + "Either skip caching null results with @Cacheable(unless = \"#result == null\") (not available "
                    + "with sync = true), or allow them with dragonfly.cache.cache-null-values=true (or "
                    + "dragonfly.cache.caches." + name + ".cache-null-values=true)");
        }
        return super.toStoreValue(userValue);
    }

    private byte[] encode(Object storeValue) {
        if (storeValue == NullValue.INSTANCE) {
            return NULL_MARKER;
        }
        try {
            return settings.serializer().serialize(storeValue);
        } catch (ValueSerializationException e) {
            throw new ValueSerializationException("Cache '" + name + "': " + e.getMessage(), e.getCause());
        }
    }

    /** @return the store value, or {@code null} when the bytes cannot be read (a miss) */
    private @Nullable Object decode(Object key, byte[] bytes) {
        if (Arrays.equals(bytes, NULL_MARKER)) {
            // A null stored while this cache allowed nulls; since forbidden, it counts as a miss.
            return isAllowNullValues() ? NullValue.INSTANCE : null;
        }
        try {
            return settings.serializer().deserialize(bytes);
        } catch (ValueSerializationException | IllegalArgumentException e) {
            statistics.recordUnreadable();
            if (warnedUnreadable.compareAndSet(false, true)) {
                logger.warn("Cache '" + name + "' could not read the value of key '" + key + "', so it is treated as "
                        + "a miss and will be overwritten (further such values are logged at debug level and counted "
                        + "as cache.errors{reason=unreadable}): " + e.getMessage());
            } else if (logger.isDebugEnabled()) {
                logger.debug("Cache '" + name + "' could not read the value of key '" + key + "': " + e.getMessage());
            }
            return null;
        }
    }

    private byte[] serverKey(Object key) {
        String text;
        try {
            text = settings.keyConverter().convert(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cache '" + name + "': " + e.getMessage(), e);
        }
        return (keyPrefix + text).getBytes(StandardCharsets.UTF_8);
    }

    /** A server key as a map key: ISO-8859-1 maps each byte to one char, so distinct keys stay distinct. */
    private static String flightKey(byte[] serverKey) {
        return new String(serverKey, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "DragonflyCache[" + name + ", " + settings + "]";
    }
}
