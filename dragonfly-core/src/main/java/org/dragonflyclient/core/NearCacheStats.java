package org.dragonflyclient.core;

/**
 * Counters of one {@link NearCache} since it was created; a snapshot, each counter read on its own.
 *
 * @param hits reads answered from the local copy
 * @param misses reads that went to the server (whether the reply was then kept or not)
 * @param invalidations invalidations applied: one per key the server named, one per "everything"
 *     ({@code FLUSHALL}, {@code FLUSHDB}) and one per tracking connection lost
 * @param evictions entries the store dropped to stay within its bound ({@link NearCacheStore#evictionCount()})
 */
public record NearCacheStats(long hits, long misses, long invalidations, long evictions) {

    /** @return hits divided by reads, {@code 0} before the first read */
    public double hitRatio() {
        long reads = hits + misses;
        return reads == 0 ? 0 : (double) hits / reads;
    }
}
