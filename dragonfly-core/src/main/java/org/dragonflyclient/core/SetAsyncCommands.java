package org.dragonflyclient.core;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The asynchronous forms of {@link SetCommands}: the same commands, arguments and results, as
 * futures. Part of {@link DragonflyAsyncCommands}, which says how futures complete and fail.
 */
public interface SetAsyncCommands {

    /**
     * {@code SADD key member [member ...]}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return a future of the number of members that were not in the set yet
     */
    CompletableFuture<Long> sadd(byte[] key, byte[]... members);

    /**
     * {@code SADD key member [member ...]}, as text.
     *
     * @param key the key
     * @param members the members, at least one
     * @return a future of the number of members that were not in the set yet
     */
    CompletableFuture<Long> sadd(String key, String... members);

    /**
     * {@code SREM key member [member ...]}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return a future of the number of members that were in the set and were removed
     */
    CompletableFuture<Long> srem(byte[] key, byte[]... members);

    /**
     * {@code SREM key member [member ...]}, as text.
     *
     * @param key the key
     * @param members the members, at least one
     * @return a future of the number of members that were in the set and were removed
     */
    CompletableFuture<Long> srem(String key, String... members);

    /**
     * {@code SMEMBERS key}.
     *
     * @param key the key
     * @return a future of every member, in a mutable set whose lookups compare {@code byte[]} by content; empty,
     *     never {@code null}, when the key does not exist
     */
    CompletableFuture<Set<byte[]>> smembers(byte[] key);

    /**
     * {@code SMEMBERS key}, as text.
     *
     * @param key the key
     * @return a future of every member; empty, never {@code null}, when the key does not exist
     */
    CompletableFuture<Set<String>> smembers(String key);

    /**
     * {@code SISMEMBER key member}.
     *
     * @param key the key
     * @param member the member
     * @return a future of {@code true} when the member is in the set
     */
    CompletableFuture<Boolean> sismember(byte[] key, byte[] member);

    /**
     * {@code SISMEMBER key member}.
     *
     * @param key the key
     * @param member the member
     * @return a future of {@code true} when the member is in the set
     */
    CompletableFuture<Boolean> sismember(String key, String member);

    /**
     * {@code SCARD key}.
     *
     * @param key the key
     * @return a future of the number of members, 0 when the key does not exist
     */
    CompletableFuture<Long> scard(byte[] key);

    /**
     * {@code SCARD key}.
     *
     * @param key the key
     * @return a future of the number of members, 0 when the key does not exist
     */
    CompletableFuture<Long> scard(String key);

    /**
     * One {@code SSCAN key cursor [MATCH pattern] [COUNT count]} call. Pages may be empty before
     * the end; the walk is over when the page's cursor is {@code "0"}.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args member pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return a future of the page; its {@link ScanPage#keys()} are the members
     */
    CompletableFuture<ScanPage<byte[]>> sscan(byte[] key, String cursor, @Nullable ScanArgs args);

    /**
     * One {@code SSCAN} call, as text.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args member pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return a future of the page; its {@link ScanPage#keys()} are the members
     */
    CompletableFuture<ScanPage<String>> sscan(String key, String cursor, @Nullable ScanArgs args);
}
