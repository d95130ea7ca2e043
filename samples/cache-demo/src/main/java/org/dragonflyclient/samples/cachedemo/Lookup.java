package org.dragonflyclient.samples.cachedemo;

import java.time.Duration;
import java.time.Instant;

/**
 * What the lookup endpoints answer: the value, whether it came from the cache, and how long the
 * request took.
 *
 * @param cacheHit {@code true} when the value was in the cache before this request started;
 *     {@code false} when the slow store was read for it
 * @param elapsedMs how long the request took, in milliseconds
 * @param value the book or price
 * @param <T> the type of the value
 */
public record Lookup<T>(boolean cacheHit, long elapsedMs, T value) {

    /**
     * Tells a hit from a load by the value's own timestamp: the store stamps every value it
     * produces, so a value produced before the request started must have come from the cache.
     *
     * @param started when the request started
     * @param value the value returned by the cached method
     * @param producedAt when the store produced that value
     * @param <T> the type of the value
     * @return the answer for the client
     */
    static <T> Lookup<T> of(Instant started, T value, Instant producedAt) {
        return new Lookup<>(
                producedAt.isBefore(started),
                Duration.between(started, Instant.now()).toMillis(),
                value);
    }
}
