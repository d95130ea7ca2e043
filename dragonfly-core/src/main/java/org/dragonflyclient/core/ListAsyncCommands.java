package org.dragonflyclient.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The asynchronous forms of {@link ListCommands}: the same commands, arguments and results, as
 * futures. Part of {@link DragonflyAsyncCommands}, which says how futures complete and fail.
 *
 * <p>The blocking pops are in {@link BlockingListAsyncCommands}: a {@link Pipeline} does not offer
 * them.
 */
public interface ListAsyncCommands {

    /**
     * {@code LPUSH key value [value ...]}: inserts at the head, each value in turn.
     *
     * @param key the key
     * @param values the values, at least one
     * @return a future of the length of the list afterwards
     */
    CompletableFuture<Long> lpush(byte[] key, byte[]... values);

    /**
     * {@code LPUSH key value [value ...]}, as text.
     *
     * @param key the key
     * @param values the values, at least one
     * @return a future of the length of the list afterwards
     */
    CompletableFuture<Long> lpush(String key, String... values);

    /**
     * {@code RPUSH key value [value ...]}: appends at the tail.
     *
     * @param key the key
     * @param values the values, at least one
     * @return a future of the length of the list afterwards
     */
    CompletableFuture<Long> rpush(byte[] key, byte[]... values);

    /**
     * {@code RPUSH key value [value ...]}, as text.
     *
     * @param key the key
     * @param values the values, at least one
     * @return a future of the length of the list afterwards
     */
    CompletableFuture<Long> rpush(String key, String... values);

    /**
     * {@code LPOP key}.
     *
     * @param key the key
     * @return a future of the first value, or {@code null} when the list is empty or missing
     */
    CompletableFuture<byte @Nullable []> lpop(byte[] key);

    /**
     * {@code LPOP key}, as text.
     *
     * @param key the key
     * @return a future of the first value, or {@code null} when the list is empty or missing
     */
    CompletableFuture<@Nullable String> lpop(String key);

    /**
     * {@code LPOP key count}.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return a future of the values popped, head first, or {@code null} when the list is missing
     */
    CompletableFuture<@Nullable List<byte[]>> lpop(byte[] key, long count);

    /**
     * {@code LPOP key count}, as text.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return a future of the values popped, head first, or {@code null} when the list is missing
     */
    CompletableFuture<@Nullable List<String>> lpop(String key, long count);

    /**
     * {@code RPOP key}.
     *
     * @param key the key
     * @return a future of the last value, or {@code null} when the list is empty or missing
     */
    CompletableFuture<byte @Nullable []> rpop(byte[] key);

    /**
     * {@code RPOP key}, as text.
     *
     * @param key the key
     * @return a future of the last value, or {@code null} when the list is empty or missing
     */
    CompletableFuture<@Nullable String> rpop(String key);

    /**
     * {@code RPOP key count}.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return a future of the values popped, tail first, or {@code null} when the list is missing
     */
    CompletableFuture<@Nullable List<byte[]>> rpop(byte[] key, long count);

    /**
     * {@code RPOP key count}, as text.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return a future of the values popped, tail first, or {@code null} when the list is missing
     */
    CompletableFuture<@Nullable List<String>> rpop(String key, long count);

    /**
     * {@code LRANGE key start stop}.
     *
     * @param key the key
     * @param start first index; negative indexes count from the end ({@code -1} is the last)
     * @param stop last index, included
     * @return a future of the values in the range; empty, never {@code null}, when the key does not exist
     */
    CompletableFuture<List<byte[]>> lrange(byte[] key, long start, long stop);

    /**
     * {@code LRANGE key start stop}, as text.
     *
     * @param key the key
     * @param start first index; negative indexes count from the end ({@code -1} is the last)
     * @param stop last index, included
     * @return a future of the values in the range; empty, never {@code null}, when the key does not exist
     */
    CompletableFuture<List<String>> lrange(String key, long start, long stop);

    /**
     * {@code LLEN key}.
     *
     * @param key the key
     * @return a future of the length, 0 when the key does not exist
     */
    CompletableFuture<Long> llen(byte[] key);

    /**
     * {@code LLEN key}.
     *
     * @param key the key
     * @return a future of the length, 0 when the key does not exist
     */
    CompletableFuture<Long> llen(String key);
}
