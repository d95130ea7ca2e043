package org.dragonflyclient.spring.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.spring.cache.serializer.ClassAllowList;

/**
 * The settings of one cache: expiry, key layout, null handling and serializer. Immutable; each
 * {@code with...} method returns a modified copy, so one default can be shared and varied per cache:
 *
 * <pre>{@code
 * DragonflyCacheSettings defaults = DragonflyCacheSettings.defaults().withTimeToLive(Duration.ofMinutes(10));
 * DragonflyCacheSettings sessions = defaults.withTimeToIdle(Duration.ofMinutes(30));
 * }</pre>
 *
 * <p>A value is stored under {@code [keyPrefix]cacheName::key} (or just {@code key} when the key
 * prefix is switched off), the way Spring Data Redis lays keys out, so the two can share a server.
 */
public final class DragonflyCacheSettings {

    private static final DragonflyCacheSettings DEFAULTS = new DragonflyCacheSettings(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            null,
            true,
            true,
            CacheValueSerializer.jdk(ClassAllowList.jdkValueTypes(), null),
            CacheKeyConverter.defaults(),
            LocalTier.disabled());

    private final Duration timeToLive;
    private final Duration timeToIdle;
    private final Duration ttlJitter;
    private final String keyPrefix;
    private final boolean useKeyPrefix;
    private final boolean cacheNullValues;
    private final CacheValueSerializer serializer;
    private final CacheKeyConverter keyConverter;
    private final LocalTier localTier;

    private DragonflyCacheSettings(
            Duration timeToLive,
            Duration timeToIdle,
            Duration ttlJitter,
            String keyPrefix,
            boolean useKeyPrefix,
            boolean cacheNullValues,
            CacheValueSerializer serializer,
            CacheKeyConverter keyConverter,
            LocalTier localTier) {
        this.timeToLive = timeToLive;
        this.timeToIdle = timeToIdle;
        this.ttlJitter = ttlJitter;
        this.keyPrefix = keyPrefix;
        this.useKeyPrefix = useKeyPrefix;
        this.cacheNullValues = cacheNullValues;
        this.serializer = serializer;
        this.keyConverter = keyConverter;
        this.localTier = localTier;
    }

    /**
     * Returns the defaults: entries never expire, keys are {@code cacheName::key}, {@code null}
     * values are cached, values use JDK serialization limited to the JDK's value types (add the
     * application's packages with {@link #withSerializer}).
     *
     * @return the default settings
     */
    public static DragonflyCacheSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @param ttl how long an entry lives after it is written; zero for no expiry
     * @return a copy with this time to live
     */
    public DragonflyCacheSettings withTimeToLive(Duration ttl) {
        return new DragonflyCacheSettings(
                notNegative(ttl, "timeToLive"),
                timeToIdle,
                ttlJitter,
                keyPrefix,
                useKeyPrefix,
                cacheNullValues,
                serializer,
                keyConverter,
                localTier);
    }

    /**
     * Makes entries expire after this long without being read: each read extends the entry with
     * {@code GETEX}. When set, it replaces the time to live.
     *
     * @param tti the idle time; zero to switch it off
     * @return a copy with this time to idle
     */
    public DragonflyCacheSettings withTimeToIdle(Duration tti) {
        return new DragonflyCacheSettings(
                timeToLive,
                notNegative(tti, "timeToIdle"),
                ttlJitter,
                keyPrefix,
                useKeyPrefix,
                cacheNullValues,
                serializer,
                keyConverter,
                localTier);
    }

    /**
     * Adds a random extra of up to this much to each entry's expiry, so that entries written
     * together do not all expire together and send a burst of misses to the backing service.
     *
     * @param jitter the largest extra; zero for none
     * @return a copy with this jitter
     */
    public DragonflyCacheSettings withTtlJitter(Duration jitter) {
        return new DragonflyCacheSettings(
                timeToLive,
                timeToIdle,
                notNegative(jitter, "ttlJitter"),
                keyPrefix,
                useKeyPrefix,
                cacheNullValues,
                serializer,
                keyConverter,
                localTier);
    }

    /**
     * @param prefix put before {@code cacheName::} in every key, such as {@code "myapp:"}; {@code null} for none
     * @return a copy with this prefix
     */
    public DragonflyCacheSettings withKeyPrefix(String prefix) {
        return new DragonflyCacheSettings(
                timeToLive,
                timeToIdle,
                ttlJitter,
                prefix,
                useKeyPrefix,
                cacheNullValues,
                serializer,
                keyConverter,
                localTier);
    }

    /**
     * @param use {@code false} to store entries under the bare key, without prefix or cache name;
     *     caches then share one key space and {@code clear()} is refused
     * @return a copy with this choice
     */
    public DragonflyCacheSettings withUseKeyPrefix(boolean use) {
        return new DragonflyCacheSettings(
                timeToLive,
                timeToIdle,
                ttlJitter,
                keyPrefix,
                use,
                cacheNullValues,
                serializer,
                keyConverter,
                localTier);
    }

    /**
     * @param cache whether {@code null} results are cached (as a small marker)
     * @return a copy with this choice
     */
    public DragonflyCacheSettings withCacheNullValues(boolean cache) {
        return new DragonflyCacheSettings(
                timeToLive, timeToIdle, ttlJitter, keyPrefix, useKeyPrefix, cache, serializer, keyConverter, localTier);
    }

    /**
     * @param serializer turns values into bytes and back
     * @return a copy with this serializer
     */
    public DragonflyCacheSettings withSerializer(CacheValueSerializer serializer) {
        return new DragonflyCacheSettings(
                timeToLive,
                timeToIdle,
                ttlJitter,
                keyPrefix,
                useKeyPrefix,
                cacheNullValues,
                Objects.requireNonNull(serializer, "serializer"),
                keyConverter,
                localTier);
    }

    /**
     * @param converter turns keys into text
     * @return a copy with this converter
     */
    public DragonflyCacheSettings withKeyConverter(CacheKeyConverter converter) {
        return new DragonflyCacheSettings(
                timeToLive,
                timeToIdle,
                ttlJitter,
                keyPrefix,
                useKeyPrefix,
                cacheNullValues,
                serializer,
                Objects.requireNonNull(converter, "converter"),
                localTier);
    }

    /**
     * Keeps a copy of the entries this cache reads in this JVM, dropped when the server reports
     * that their key changed (needs a client with tracking on, RESP3). Local hits return the same
     * value instance to every caller, as any in-memory cache does: treat cached values as immutable.
     *
     * @param tier the local tier, or {@link LocalTier#disabled()}
     * @return a copy with this local tier
     */
    public DragonflyCacheSettings withLocalTier(LocalTier tier) {
        return new DragonflyCacheSettings(
                timeToLive,
                timeToIdle,
                ttlJitter,
                keyPrefix,
                useKeyPrefix,
                cacheNullValues,
                serializer,
                keyConverter,
                Objects.requireNonNull(tier, "tier"));
    }

    /** @return the time to live, {@link Duration#ZERO} for none */
    public Duration timeToLive() {
        return timeToLive;
    }

    /** @return the time to idle, {@link Duration#ZERO} for none */
    public Duration timeToIdle() {
        return timeToIdle;
    }

    /** @return the largest random extra added to each expiry */
    public Duration ttlJitter() {
        return ttlJitter;
    }

    /** @return the prefix before {@code cacheName::}, or {@code null} */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** @return whether keys carry the prefix and the cache name */
    public boolean useKeyPrefix() {
        return useKeyPrefix;
    }

    /** @return whether {@code null} values are cached */
    public boolean cacheNullValues() {
        return cacheNullValues;
    }

    /** @return the value serializer */
    public CacheValueSerializer serializer() {
        return serializer;
    }

    /** @return the key converter */
    public CacheKeyConverter keyConverter() {
        return keyConverter;
    }

    /** @return the local tier, {@link LocalTier#disabled()} by default */
    public LocalTier localTier() {
        return localTier;
    }

    /** @return whether reads extend the expiry */
    boolean idleExpiry() {
        return !timeToIdle.isZero();
    }

    /**
     * @param cacheName the cache
     * @return the text every key of that cache starts with, empty without key prefix
     */
    String keyPrefixFor(String cacheName) {
        if (!useKeyPrefix) {
            return "";
        }
        return (keyPrefix != null ? keyPrefix : "") + cacheName + "::";
    }

    /**
     * Picks the expiry of one write (or of one read, with time to idle), jitter included.
     *
     * @return milliseconds, or 0 for no expiry
     */
    long nextExpiryMillis() {
        Duration base = idleExpiry() ? timeToIdle : timeToLive;
        if (base.isZero()) {
            return 0;
        }
        long millis = Math.max(1, base.toMillis());
        long jitter = ttlJitter.toMillis();
        return jitter <= 0 ? millis : millis + ThreadLocalRandom.current().nextLong(jitter + 1);
    }

    private static Duration notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "DragonflyCacheSettings[timeToLive=" + timeToLive + ", timeToIdle=" + timeToIdle + ", ttlJitter="
                + ttlJitter + ", keyPrefix=" + keyPrefix + ", useKeyPrefix=" + useKeyPrefix + ", cacheNullValues="
                + cacheNullValues + ", serializer=" + serializer + ", localTier=" + localTier + "]";
    }
}
