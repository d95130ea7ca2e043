package org.dragonflyclient.core;

/**
 * The commands on keys of any type: delete, test, expire, scan. Part of
 * {@link DragonflyCommands}, which says what every method may throw.
 */
public interface KeyCommands {

    /**
     * {@code DEL key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return the number of keys that existed and were removed
     */
    long del(byte[]... keys);

    /**
     * {@code DEL key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return the number of keys that existed and were removed
     */
    long del(String... keys);

    /**
     * {@code UNLINK key [key ...]}: like {@code DEL}, but frees memory in the background.
     *
     * @param keys the keys, at least one
     * @return the number of keys that existed and were removed
     */
    long unlink(byte[]... keys);

    /**
     * {@code UNLINK key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return the number of keys that existed and were removed
     */
    long unlink(String... keys);

    /**
     * {@code EXISTS key [key ...]}.
     *
     * @param keys the keys, at least one; a key named twice counts twice
     * @return how many of the keys exist
     */
    long exists(byte[]... keys);

    /**
     * {@code EXISTS key [key ...]}.
     *
     * @param keys the keys, at least one; a key named twice counts twice
     * @return how many of the keys exist
     */
    long exists(String... keys);

    /**
     * {@code EXPIRE key seconds}.
     *
     * @param key the key
     * @param seconds time to live; zero or negative deletes the key
     * @return {@code true} when the key exists and the expiry was set
     */
    boolean expire(byte[] key, long seconds);

    /**
     * {@code EXPIRE key seconds}.
     *
     * @param key the key
     * @param seconds time to live; zero or negative deletes the key
     * @return {@code true} when the key exists and the expiry was set
     */
    boolean expire(String key, long seconds);

    /**
     * {@code PEXPIRE key milliseconds}.
     *
     * @param key the key
     * @param millis time to live; zero or negative deletes the key
     * @return {@code true} when the key exists and the expiry was set
     */
    boolean pexpire(byte[] key, long millis);

    /**
     * {@code PEXPIRE key milliseconds}.
     *
     * @param key the key
     * @param millis time to live; zero or negative deletes the key
     * @return {@code true} when the key exists and the expiry was set
     */
    boolean pexpire(String key, long millis);

    /**
     * {@code TTL key}.
     *
     * @param key the key
     * @return seconds to live, {@code -1} when the key has no expiry, {@code -2} when it does not exist
     */
    long ttl(byte[] key);

    /**
     * {@code TTL key}.
     *
     * @param key the key
     * @return seconds to live, {@code -1} when the key has no expiry, {@code -2} when it does not exist
     */
    long ttl(String key);

    /**
     * {@code PTTL key}.
     *
     * @param key the key
     * @return milliseconds to live, {@code -1} without expiry, {@code -2} when the key does not exist
     */
    long pttl(byte[] key);

    /**
     * {@code PTTL key}.
     *
     * @param key the key
     * @return milliseconds to live, {@code -1} without expiry, {@code -2} when the key does not exist
     */
    long pttl(String key);

    /**
     * {@code PERSIST key}: removes the expiry.
     *
     * @param key the key
     * @return {@code true} when an expiry was removed
     */
    boolean persist(byte[] key);

    /**
     * {@code PERSIST key}: removes the expiry.
     *
     * @param key the key
     * @return {@code true} when an expiry was removed
     */
    boolean persist(String key);

    /**
     * Walks every key matching the options with {@code SCAN}, fetching pages as the iterator advances.
     * Never use {@code KEYS} on a large database: Dragonfly truncates its output and Redis blocks on it.
     *
     * @param args pattern, page size and type filter
     * @return a lazy iterator over the keys, as text
     */
    KeyScanner<String> scan(ScanArgs args);

    /**
     * Walks every key matching the options with {@code SCAN}, as raw bytes.
     *
     * @param args pattern, page size and type filter
     * @return a lazy iterator over the keys
     */
    KeyScanner<byte[]> scanBinary(ScanArgs args);

    /**
     * One {@code SCAN cursor [MATCH] [COUNT] [TYPE]} call.
     *
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args pattern, page size and type filter
     * @return the page; the walk is over when {@link ScanPage#isLast()}
     */
    ScanPage<String> scan(String cursor, ScanArgs args);

    /**
     * One {@code SCAN} call, keys as raw bytes.
     *
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args pattern, page size and type filter
     * @return the page; the walk is over when {@link ScanPage#isLast()}
     */
    ScanPage<byte[]> scanBinary(String cursor, ScanArgs args);
}
