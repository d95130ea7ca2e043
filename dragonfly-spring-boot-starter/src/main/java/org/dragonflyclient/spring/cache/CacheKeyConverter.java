package org.dragonflyclient.spring.cache;

/**
 * Turns a cache key (whatever {@code @Cacheable}'s key expression produced) into the text that
 * follows the cache's prefix in the server-side key. Two keys that are not equal must give two
 * different texts, or their entries overwrite each other.
 */
@FunctionalInterface
public interface CacheKeyConverter {

    /**
     * Converts a key.
     *
     * @param key the key, never {@code null}
     * @return its text form
     * @throws IllegalArgumentException when the key has no reliable text form; the message says
     *     what to do
     */
    String convert(Object key);

    /**
     * Returns the default conversion: strings as they are, numbers, booleans, enums, UUIDs and
     * {@code java.time} values by {@code toString()}, Spring's {@code SimpleKey} and collections by
     * their {@code toString()}, and any other object only when its class overrides
     * {@code toString()} (the inherited {@code Object.toString()} contains an identity hash, so
     * equal keys would not meet).
     *
     * @return the default converter
     */
    static CacheKeyConverter defaults() {
        return DefaultCacheKeyConverter.INSTANCE;
    }
}
