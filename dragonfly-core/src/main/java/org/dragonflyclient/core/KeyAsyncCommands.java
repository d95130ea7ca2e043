package org.dragonflyclient.core;

import java.util.concurrent.CompletableFuture;

/**
 * The commands on keys of any type: delete, test, expire, scan. Part of
 * {@link DragonflyAsyncCommands}, which says what every method may throw and how futures complete.
 */
public interface KeyAsyncCommands {

    /**
     * {@code DEL key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return a future of the number of keys that existed and were removed
     */
    CompletableFuture<Long> del(byte[]... keys);

    /**
     * {@code DEL key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return a future of the number of keys that existed and were removed
     */
    CompletableFuture<Long> del(String... keys);

    /**
     * {@code UNLINK key [key ...]}: like {@code DEL}, but frees memory in the background.
     *
     * @param keys the keys, at least one
     * @return a future of the number of keys that existed and were removed
     */
    CompletableFuture<Long> unlink(byte[]... keys);

    /**
     * {@code UNLINK key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return a future of the number of keys that existed and were removed
     */
    CompletableFuture<Long> unlink(String... keys);

    /**
     * {@code EXISTS key [key ...]}.
     *
     * @param keys the keys, at least one; a key named twice counts twice
     * @return a future of how many of the keys exist
     */
    CompletableFuture<Long> exists(byte[]... keys);

    /**
     * {@code EXISTS key [key ...]}.
     *
     * @param keys the keys, at least one; a key named twice counts twice
     * @return a future of how many of the keys exist
     */
    CompletableFuture<Long> exists(String... keys);

    /**
     * {@code EXPIRE key seconds}.
     *
     * @param key the key
     * @param seconds time to live; zero or negative deletes the key
     * @return a future of {@code true} when the key exists and the expiry was set
     */
    CompletableFuture<Boolean> expire(byte[] key, long seconds);

    /**
     * {@code EXPIRE key seconds}.
     *
     * @param key the key
     * @param seconds time to live; zero or negative deletes the key
     * @return a future of {@code true} when the key exists and the expiry was set
     */
    CompletableFuture<Boolean> expire(String key, long seconds);

    /**
     * {@code PEXPIRE key milliseconds}.
     *
     * @param key the key
     * @param millis time to live; zero or negative deletes the key
     * @return a future of {@code true} when the key exists and the expiry was set
     */
    CompletableFuture<Boolean> pexpire(byte[] key, long millis);

    /**
     * {@code PEXPIRE key milliseconds}.
     *
     * @param key the key
     * @param millis time to live; zero or negative deletes the key
     * @return a future of {@code true} when the key exists and the expiry was set
     */
    CompletableFuture<Boolean> pexpire(String key, long millis);

    /**
     * {@code TTL key}.
     *
     * @param key the key
     * @return a future of seconds to live, {@code -1} when the key has no expiry, {@code -2} when it does not exist
     */
    CompletableFuture<Long> ttl(byte[] key);

    /**
     * {@code TTL key}.
     *
     * @param key the key
     * @return a future of seconds to live, {@code -1} when the key has no expiry, {@code -2} when it does not exist
     */
    CompletableFuture<Long> ttl(String key);

    /**
     * {@code PTTL key}.
     *
     * @param key the key
     * @return a future of milliseconds to live, {@code -1} without expiry, {@code -2} when the key does not exist
     */
    CompletableFuture<Long> pttl(byte[] key);

    /**
     * {@code PTTL key}.
     *
     * @param key the key
     * @return a future of milliseconds to live, {@code -1} without expiry, {@code -2} when the key does not exist
     */
    CompletableFuture<Long> pttl(String key);

    /**
     * {@code PERSIST key}: removes the expiry.
     *
     * @param key the key
     * @return a future of {@code true} when an expiry was removed
     */
    CompletableFuture<Boolean> persist(byte[] key);

    /**
     * {@code PERSIST key}: removes the expiry.
     *
     * @param key the key
     * @return a future of {@code true} when an expiry was removed
     */
    CompletableFuture<Boolean> persist(String key);

    /**
     * One {@code SCAN cursor [MATCH] [COUNT] [TYPE]} call.
     *
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args pattern, page size and type filter
     * @return a future of the page; the walk is over when {@link ScanPage#isLast()}
     */
    CompletableFuture<ScanPage<String>> scan(String cursor, ScanArgs args);

    /**
     * One {@code SCAN} call, keys as raw bytes.
     *
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args pattern, page size and type filter
     * @return a future of the page; the walk is over when {@link ScanPage#isLast()}
     */
    CompletableFuture<ScanPage<byte[]>> scanBinary(String cursor, ScanArgs args);
}
