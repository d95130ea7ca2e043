package org.dragonflyclient.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The asynchronous forms of {@link HashCommands}: the same commands, arguments and results, as
 * futures. Part of {@link DragonflyAsyncCommands}, which says how futures complete and fail. The
 * binary {@code hgetall} map finds {@code byte[]} fields by content, as described on
 * {@link HashCommands}.
 */
public interface HashAsyncCommands {

    /**
     * {@code HSET key field value}.
     *
     * @param key the key
     * @param field the field
     * @param value the value
     * @return a future of 1 when the field is new, 0 when an existing field was updated
     */
    CompletableFuture<Long> hset(byte[] key, byte[] field, byte[] value);

    /**
     * {@code HSET key field value}, as text.
     *
     * @param key the key
     * @param field the field
     * @param value the value
     * @return a future of 1 when the field is new, 0 when an existing field was updated
     */
    CompletableFuture<Long> hset(String key, String field, String value);

    /**
     * {@code HSET key field value [field value ...]}: sets every entry of the map.
     *
     * @param key the key
     * @param fields the fields and values, at least one
     * @return a future of the number of fields that were new
     */
    CompletableFuture<Long> hset(byte[] key, Map<byte[], byte[]> fields);

    /**
     * {@code HSET key field value [field value ...]}, as text.
     *
     * @param key the key
     * @param fields the fields and values, at least one
     * @return a future of the number of fields that were new
     */
    CompletableFuture<Long> hset(String key, Map<String, String> fields);

    /**
     * {@code HGET key field}.
     *
     * @param key the key
     * @param field the field
     * @return a future of the value, or {@code null} when the field or the key does not exist
     */
    CompletableFuture<byte @Nullable []> hget(byte[] key, byte[] field);

    /**
     * {@code HGET key field}, as text.
     *
     * @param key the key
     * @param field the field
     * @return a future of the value, or {@code null} when the field or the key does not exist
     */
    CompletableFuture<@Nullable String> hget(String key, String field);

    /**
     * {@code HMGET key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return a future of one element per field, in order: the value, or {@code null} for a missing field
     */
    CompletableFuture<List<byte @Nullable []>> hmget(byte[] key, byte[]... fields);

    /**
     * {@code HMGET key field [field ...]}, as text.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return a future of one element per field, in order: the value, or {@code null} for a missing field
     */
    CompletableFuture<List<@Nullable String>> hmget(String key, String... fields);

    /**
     * {@code HGETALL key}.
     *
     * @param key the key
     * @return a future of every field and value, in a mutable map sorted by unsigned bytes whose lookups compare
     *     {@code byte[]} fields by content (see the interface documentation); empty, never
     *     {@code null}, when the key does not exist
     */
    CompletableFuture<Map<byte[], byte[]>> hgetall(byte[] key);

    /**
     * {@code HGETALL key}, as text.
     *
     * @param key the key
     * @return a future of every field and value, in the server's order; empty, never {@code null}, when the
     *     key does not exist
     */
    CompletableFuture<Map<String, String>> hgetall(String key);

    /**
     * {@code HDEL key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return a future of the number of fields that existed and were removed
     */
    CompletableFuture<Long> hdel(byte[] key, byte[]... fields);

    /**
     * {@code HDEL key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return a future of the number of fields that existed and were removed
     */
    CompletableFuture<Long> hdel(String key, String... fields);

    /**
     * {@code HEXISTS key field}.
     *
     * @param key the key
     * @param field the field
     * @return a future of {@code true} when the field exists
     */
    CompletableFuture<Boolean> hexists(byte[] key, byte[] field);

    /**
     * {@code HEXISTS key field}.
     *
     * @param key the key
     * @param field the field
     * @return a future of {@code true} when the field exists
     */
    CompletableFuture<Boolean> hexists(String key, String field);

    /**
     * {@code HINCRBY key field increment}.
     *
     * @param key the key
     * @param field the field; a missing field counts as 0
     * @param increment the amount to add, may be negative
     * @return a future of the new value
     */
    CompletableFuture<Long> hincrBy(byte[] key, byte[] field, long increment);

    /**
     * {@code HINCRBY key field increment}.
     *
     * @param key the key
     * @param field the field; a missing field counts as 0
     * @param increment the amount to add, may be negative
     * @return a future of the new value
     */
    CompletableFuture<Long> hincrBy(String key, String field, long increment);

    /**
     * {@code HLEN key}.
     *
     * @param key the key
     * @return a future of the number of fields, 0 when the key does not exist
     */
    CompletableFuture<Long> hlen(byte[] key);

    /**
     * {@code HLEN key}.
     *
     * @param key the key
     * @return a future of the number of fields, 0 when the key does not exist
     */
    CompletableFuture<Long> hlen(String key);

    /**
     * One {@code HSCAN key cursor [MATCH pattern] [COUNT count]} call. Pages may be empty before
     * the end; the walk is over when the page's cursor is {@code "0"}.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args field pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return a future of the page; its {@link ScanPage#keys()} are the field/value entries
     */
    CompletableFuture<ScanPage<Map.Entry<byte[], byte[]>>> hscan(byte[] key, String cursor, @Nullable ScanArgs args);

    /**
     * One {@code HSCAN} call, as text.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args field pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return a future of the page; its {@link ScanPage#keys()} are the field/value entries
     */
    CompletableFuture<ScanPage<Map.Entry<String, String>>> hscan(String key, String cursor, @Nullable ScanArgs args);
}
