package org.dragonflyclient.spring.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * The local tier of one cache: a copy of the entries it reads, kept in this JVM (in a Caffeine
 * cache) and dropped as soon as the server reports that the key changed ({@code CLIENT TRACKING}
 * invalidations, RESP3 only). Immutable, like {@link DragonflyCacheSettings}:
 *
 * <pre>{@code
 * LocalTier tier = LocalTier.maximumSize(10_000).withTimeToLive(Duration.ofMinutes(5));
 * DragonflyCacheSettings settings = DragonflyCacheSettings.defaults().withLocalTier(tier);
 * }</pre>
 *
 * <p>A local entry is bounded by the number of entries or by the bytes of its values (as read
 * from the server), evicted by Caffeine's W-TinyLFU policy; and it never outlives the server
 * entry it copies: its expiry is the smaller of {@link #timeToLive()} and the time the server
 * entry has left.
 */
public final class LocalTier {

    /** The bound of the local tier when none is given: this many entries per cache. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    /**
     * The longest a local copy is kept when no time to live is given: a bound for when
     * invalidations are late, not the usual way out (that is the server's invalidation).
     */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final LocalTier DISABLED = new LocalTier(false, 0, 0, DEFAULT_TIME_TO_LIVE);

    private final boolean enabled;
    private final long maximumSize;
    private final long maximumWeight;
    private final Duration timeToLive;

    private LocalTier(boolean enabled, long maximumSize, long maximumWeight, Duration timeToLive) {
        this.enabled = enabled;
        this.maximumSize = maximumSize;
        this.maximumWeight = maximumWeight;
        this.timeToLive = timeToLive;
    }

    /** @return no local tier: every read goes to the server (the default) */
    public static LocalTier disabled() {
        return DISABLED;
    }

    /**
     * @param entries the most entries kept in this JVM, at least 1
     * @return a local tier bounded by the number of entries, with the default time to live
     */
    public static LocalTier maximumSize(long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException(
                    "The local tier's maximum size must be at least 1 entry, got " + entries);
        }
        return new LocalTier(true, entries, 0, DEFAULT_TIME_TO_LIVE);
    }

    /**
     * @param bytes the most bytes of keys and values (as stored on the server) kept in this JVM, at least 1
     * @return a local tier bounded by the size of its values, with the default time to live
     */
    public static LocalTier maximumWeight(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The local tier's maximum weight must be at least 1 byte, got " + bytes);
        }
        return new LocalTier(true, 0, bytes, DEFAULT_TIME_TO_LIVE);
    }

    /**
     * @param ttl the longest a local entry is kept, positive; it never outlives the server entry
     *     either way
     * @return a copy with this time to live
     */
    public LocalTier withTimeToLive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The local tier's time to live must be positive, got " + ttl);
        }
        return new LocalTier(enabled, maximumSize, maximumWeight, ttl);
    }

    /** @return whether the cache keeps local copies */
    public boolean enabled() {
        return enabled;
    }

    /** @return the most entries kept, or 0 when the tier is bounded by weight */
    public long maximumSize() {
        return maximumSize;
    }

    /** @return the most bytes of values kept, or 0 when the tier is bounded by the number of entries */
    public long maximumWeight() {
        return maximumWeight;
    }

    /** @return the longest a local entry is kept ({@link #DEFAULT_TIME_TO_LIVE} unless set) */
    public Duration timeToLive() {
        return timeToLive;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalTier that
                && enabled == that.enabled
                && maximumSize == that.maximumSize
                && maximumWeight == that.maximumWeight
                && timeToLive.equals(that.timeToLive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, maximumSize, maximumWeight, timeToLive);
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "LocalTier[disabled]";
        }
        return "LocalTier[" + (maximumWeight > 0 ? "maximumWeight=" + maximumWeight : "maximumSize=" + maximumSize)
                + ", timeToLive=" + timeToLive + "]";
    }
}
