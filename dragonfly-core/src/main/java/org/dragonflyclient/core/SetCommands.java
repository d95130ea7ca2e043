package org.dragonflyclient.core;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Set commands. Part of {@link DragonflyCommands}, whose conventions apply; the asynchronous
 * forms are in {@link SetAsyncCommands}.
 *
 * <p>{@link #smembers(byte[])} returns a set sorted by
 * {@link java.util.Arrays#compareUnsigned(byte[], byte[])}, so {@code contains} finds a
 * {@code byte[]} member by content (a {@code HashSet<byte[]>} would compare by identity and never
 * find it). The text form returns a {@code LinkedHashSet} in the server's order.
 */
public interface SetCommands {

    /**
     * {@code SADD key member [member ...]}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members that were not in the set yet
     */
    long sadd(byte[] key, byte[]... members);

    /**
     * {@code SADD key member [member ...]}, as text.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members that were not in the set yet
     */
    long sadd(String key, String... members);

    /**
     * {@code SREM key member [member ...]}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members that were in the set and were removed
     */
    long srem(byte[] key, byte[]... members);

    /**
     * {@code SREM key member [member ...]}, as text.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members that were in the set and were removed
     */
    long srem(String key, String... members);

    /**
     * {@code SMEMBERS key}.
     *
     * @param key the key
     * @return every member, in a mutable set whose lookups compare {@code byte[]} by content; empty,
     *     never {@code null}, when the key does not exist
     */
    Set<byte[]> smembers(byte[] key);

    /**
     * {@code SMEMBERS key}, as text.
     *
     * @param key the key
     * @return every member; empty, never {@code null}, when the key does not exist
     */
    Set<String> smembers(String key);

    /**
     * {@code SISMEMBER key member}.
     *
     * @param key the key
     * @param member the member
     * @return {@code true} when the member is in the set
     */
    boolean sismember(byte[] key, byte[] member);

    /**
     * {@code SISMEMBER key member}.
     *
     * @param key the key
     * @param member the member
     * @return {@code true} when the member is in the set
     */
    boolean sismember(String key, String member);

    /**
     * {@code SCARD key}.
     *
     * @param key the key
     * @return the number of members, 0 when the key does not exist
     */
    long scard(byte[] key);

    /**
     * {@code SCARD key}.
     *
     * @param key the key
     * @return the number of members, 0 when the key does not exist
     */
    long scard(String key);

    /**
     * One {@code SSCAN key cursor [MATCH pattern] [COUNT count]} call. Pages may be empty before
     * the end; the walk is over when the page's cursor is {@code "0"}.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args member pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return the page; its {@link ScanPage#keys()} are the members
     */
    ScanPage<byte[]> sscan(byte[] key, String cursor, @Nullable ScanArgs args);

    /**
     * One {@code SSCAN} call, as text.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args member pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return the page; its {@link ScanPage#keys()} are the members
     */
    ScanPage<String> sscan(String key, String cursor, @Nullable ScanArgs args);
}
