package org.dragonflyclient.spring.cache;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one cache since it was created, for Micrometer (see
 * {@code DragonflyCacheMeterBinderProvider}) or for direct inspection. Always on: a counter
 * increment is a few nanoseconds next to a network round trip.
 */
public final class CacheStatistics {

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder removals = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final LongAdder unreadable = new LongAdder();

    CacheStatistics() {}

    /** @return reads that found a value */
    public long hits() {
        return hits.sum();
    }

    /** @return reads that found nothing, including reads that failed or found an unreadable value */
    public long misses() {
        return misses.sum();
    }

    /** @return values written */
    public long puts() {
        return puts.sum();
    }

    /** @return {@code evict} and {@code evictIfPresent} calls that reached the server */
    public long evictions() {
        return evictions.sum();
    }

    /** @return keys actually deleted on the server, by evictions and by {@code clear}/{@code invalidate} */
    public long removals() {
        return removals.sum();
    }

    /** @return commands that failed (connection, timeout, server error), whatever the failure mode */
    public long errors() {
        return errors.sum();
    }

    /** @return operations skipped without contacting the server because the circuit breaker was open */
    public long rejections() {
        return rejections.sum();
    }

    /** @return stored values that could not be deserialized and were treated as misses */
    public long unreadable() {
        return unreadable.sum();
    }

    void recordHit() {
        hits.increment();
    }

    void recordMiss() {
        misses.increment();
    }

    void recordPut() {
        puts.increment();
    }

    void recordEviction(long removed) {
        evictions.increment();
        removals.add(removed);
    }

    void recordRemovals(long removed) {
        removals.add(removed);
    }

    void recordError() {
        errors.increment();
    }

    void recordRejection() {
        rejections.increment();
    }

    void recordUnreadable() {
        unreadable.increment();
    }

    @Override
    public String toString() {
        return "CacheStatistics[hits=" + hits() + ", misses=" + misses() + ", puts=" + puts() + ", evictions="
                + evictions() + ", removals=" + removals() + ", errors=" + errors() + ", rejections=" + rejections()
                + ", unreadable=" + unreadable() + "]";
    }
}
