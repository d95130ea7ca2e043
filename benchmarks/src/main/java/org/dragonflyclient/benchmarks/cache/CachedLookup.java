package org.dragonflyclient.benchmarks.cache;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cache.annotation.Cacheable;

/**
 * The service behind workload g: an expensive lookup made cheap by {@code @Cacheable}. It counts
 * its real invocations, so the benchmark can prove that every measured call was a cache hit.
 */
public class CachedLookup {

    /** The cache's name. */
    public static final String CACHE = "benchmark";

    private final AtomicLong loads = new AtomicLong();

    /**
     * @param id the entity's id
     * @return its 100-character value; loaded only on a cache miss
     */
    @Cacheable(CACHE)
    public String find(String id) {
        loads.incrementAndGet();
        return valueOf(id);
    }

    /** @return how often {@link #find} really ran, i.e. the number of cache misses */
    public long loads() {
        return loads.get();
    }

    /**
     * @param id the entity's id
     * @return the value {@link #find} returns for it: 100 ASCII characters
     */
    public static String valueOf(String id) {
        StringBuilder value = new StringBuilder(100).append(id).append('=');
        while (value.length() < 100) {
            value.append((char) ('a' + value.length() % 26));
        }
        return value.substring(0, 100);
    }
}
