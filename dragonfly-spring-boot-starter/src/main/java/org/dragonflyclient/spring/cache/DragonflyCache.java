package org.dragonflyclient.spring.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.KeyScanner;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.spring.cache.serializer.ValueSerializationException;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

/**
 * A Spring {@link org.springframework.cache.Cache} whose entries live in Dragonfly (or any
 * Redis-protocol server), one string key per entry. Obtained from a {@link DragonflyCacheManager}.
 *
 * <p>The path of a read: key to text ({@link CacheKeyConverter}), prefix it
 * ({@code cacheName::key}), {@code GET} (or {@code GETEX} with time to idle) through the
 * {@link FailureGuard}, then bytes to value ({@link org.dragonflyclient.spring.cache.serializer.CacheValueSerializer}).
 * A value that no longer deserializes is a miss, with one warning per cache.
 *
 * <p>{@code get(key, Callable)} and {@code retrieve(key, Supplier)} load each key once in this
 * JVM however many threads miss it together, and optionally once across JVMs. {@code clear()}
 * walks the cache's keys with {@code SCAN MATCH} and deletes them in batches with
 * {@code UNLINK}; it never uses {@code KEYS}. Asynchronous results are completed on the
 * manager's executor, never on the client's I/O thread, so that callbacks and loaders never
 * hold up replies of other callers.
 */
public final class DragonflyCache extends AbstractValueAdaptingCache {

    private static final Log logger = LogFactory.getLog(DragonflyCache.class);

    /** Stands for a cached {@code null}. No JDK or JSON serialization starts with a zero byte. */
    static final byte[] NULL_MARKER = {0, 'n', 'u', 'l', 'l', 0};

    private final String name;
    private final DragonflyCacheSettings settings;
    private final CacheRuntime runtime;
    private final DragonflyClient client;
    private final FailureGuard guard;
    private final String keyPrefix;
    private final CacheStatistics statistics = new CacheStatistics();
    private final AtomicBoolean warnedUnreadable = new AtomicBoolean();

    DragonflyCache(String name, DragonflyCacheSettings settings, CacheRuntime runtime) {
        super(settings.cacheNullValues());
        this.name = name;
        this.settings = settings;
        this.runtime = runtime;
        this.client = runtime.client();
        this.guard = runtime.guard();
        this.keyPrefix = settings.keyPrefixFor(name);
    }

    @Override
    public String getName() {
        return name;
    }

    /** @return the client this cache talks through */
    @Override
    public DragonflyClient getNativeCache() {
        return client;
    }

    /** @return the settings of this cache */
    public DragonflyCacheSettings getSettings() {
        return settings;
    }

    /** @return this cache's counters */
    public CacheStatistics statistics() {
        return statistics;
    }

    // ------------------------------------------------------------------ reads

    @Override
    protected @Nullable Object lookup(Object key) {
        return read(key, serverKey(key), true);
    }

    /** Reads and decodes one entry: its store value ({@link NullValue} for a cached null), or {@code null}. */
    private @Nullable Object read(Object key, byte[] serverKey, boolean count) {
        byte[] bytes = guard.execute(this, CacheOperation.GET, key, () -> fetch(serverKey), null);
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

    private byte[] fetch(byte[] serverKey) {
        return settings.idleExpiry() ? client.getex(serverKey, GetExArgs.px(settings.nextExpiryMillis()))
                : client.get(serverKey);
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
        return lease.load(this, key, serverKey, () -> read(key, serverKey, false),
                () -> loadAndStore(key, serverKey, valueLoader));
    }

    private Object loadAndStore(Object key, byte[] serverKey, Callable<?> valueLoader) {
        Object storeValue;
        try {
            storeValue = toStoreValue(valueLoader.call());
        } catch (Throwable ex) {
            throw new ValueRetrievalException(key, valueLoader, ex);
        }
        write(key, serverKey, encode(storeValue));
        return storeValue;
    }

    @Override
    public @Nullable CompletableFuture<?> retrieve(Object key) {
        byte[] serverKey = serverKey(key);
        return readAsync(key, serverKey, true).thenApply(stored -> stored == null ? null
                : isAllowNullValues() ? toValueWrapper(stored) : fromStoreValue(stored));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
        byte[] serverKey = serverKey(key);
        return runtime.flights().loadAsync(flightKey(serverKey), () -> readAsync(key, serverKey, true)
                .thenCompose(stored -> stored != null ? CompletableFuture.completedFuture(stored)
                        : valueLoader.get().thenCompose(value -> writeAsync(key, serverKey, toStoreValue(value)))))
                .thenApply(stored -> (T) fromStoreValue(stored));
    }

    /** Reads without blocking; decoding and everything after it run on the manager's executor. */
    private CompletableFuture<@Nullable Object> readAsync(Object key, byte[] serverKey, boolean count) {
        return guard.executeAsync(this, CacheOperation.GET, key, () -> settings.idleExpiry()
                        ? client.async().getex(serverKey, GetExArgs.px(settings.nextExpiryMillis()))
                        : client.async().get(serverKey), null)
                .thenApplyAsync(bytes -> {
                    Object value = bytes == null ? null : decode(key, bytes);
                    if (count) {
                        if (value == null) {
                            statistics.recordMiss();
                        } else {
                            statistics.recordHit();
                        }
                    }
                    return value;
                }, runtime.executor());
    }

    private CompletableFuture<Object> writeAsync(Object key, byte[] serverKey, Object storeValue) {
        byte[] bytes = encode(storeValue);
        long expiry = settings.nextExpiryMillis();
        return guard.executeAsync(this, CacheOperation.PUT, key,
                () -> (expiry > 0 ? client.async().set(serverKey, bytes, SetArgs.px(expiry))
                        : client.async().set(serverKey, bytes).thenApply(ignored -> Boolean.TRUE)), Boolean.FALSE)
                .thenApplyAsync(stored -> {
                    if (Boolean.TRUE.equals(stored)) {
                        statistics.recordPut();
                    }
                    return storeValue;
                }, runtime.executor());
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void put(Object key, @Nullable Object value) {
        byte[] bytes = encode(toStoreValue(value));
        write(key, serverKey(key), bytes);
    }

    private void write(Object key, byte[] serverKey, byte[] bytes) {
        long expiry = settings.nextExpiryMillis();
        boolean stored = guard.execute(this, CacheOperation.PUT, key, () -> {
            if (expiry > 0) {
                client.set(serverKey, bytes, SetArgs.px(expiry));
            } else {
                client.set(serverKey, bytes);
            }
            return Boolean.TRUE;
        }, Boolean.FALSE);
        if (stored) {
            statistics.recordPut();
        }
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
        return guard.execute(this, CacheOperation.PUT, key, () -> putIfAbsent(key, serverKey, bytes), null);
    }

    private @Nullable ValueWrapper putIfAbsent(Object key, byte[] serverKey, byte[] bytes) {
        long expiry = settings.nextExpiryMillis();
        SetArgs ifAbsent = expiry > 0 ? SetArgs.px(expiry).nx() : SetArgs.ifAbsent();
        // Bounded: the existing entry can expire between SET NX and GET, then we try again.
        for (int attempt = 0; attempt < 3; attempt++) {
            if (client.set(serverKey, bytes, ifAbsent)) {
                statistics.recordPut();
                return null;
            }
            byte[] existing = client.get(serverKey);
            if (existing != null) {
                Object stored = decode(key, existing);
                if (stored != null) {
                    return toValueWrapper(stored);
                }
                break; // unreadable: overwrite it, as a miss would
            }
        }
        if (expiry > 0) {
            client.set(serverKey, bytes, SetArgs.px(expiry));
        } else {
            client.set(serverKey, bytes);
        }
        statistics.recordPut();
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
        byte[] serverKey = serverKey(key);
        long removed = guard.execute(this, CacheOperation.EVICT, key, () -> client.unlink(serverKey), -1L);
        if (removed >= 0) {
            statistics.recordEviction(removed);
        }
        return removed > 0;
    }

    @Override
    public void clear() {
        removeAll();
    }

    /**
     * Deletes every entry of this cache, like {@link #clear()}.
     *
     * @return whether any entry existed
     */
    @Override
    public boolean invalidate() {
        return removeAll() > 0;
    }

    /**
     * Walks the cache's key space with {@code SCAN MATCH prefix* COUNT n} and deletes each page
     * with {@code UNLINK}. Not atomic: an entry written during the walk may survive it.
     */
    private long removeAll() {
        if (keyPrefix.isEmpty()) {
            throw new IllegalStateException("Cache '" + name + "' stores its entries without a key prefix "
                    + "(use-key-prefix=false), so clear() cannot tell its keys from any other key in the database. "
                    + "Enable dragonfly.cache.use-key-prefix (or the cache's own use-key-prefix) to clear it");
        }
        byte[] pattern = KeyPatterns.prefixPattern(keyPrefix);
        int batchSize = runtime.clearBatchSize();
        long removed = guard.execute(this, CacheOperation.CLEAR, null, () -> {
            long count = 0;
            KeyScanner<byte[]> scanner = client.scanBinary(ScanArgs.match(pattern).count(batchSize));
            for (List<byte[]> page = scanner.nextBatch(); !page.isEmpty(); page = scanner.nextBatch()) {
                for (int from = 0; from < page.size(); from += batchSize) {
                    List<byte[]> batch = page.subList(from, Math.min(page.size(), from + batchSize));
                    count += client.unlink(batch.toArray(new byte[0][]));
                }
            }
            return count;
        }, -1L);
        if (removed > 0) {
            statistics.recordRemovals(removed);
        }
        return removed;
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
