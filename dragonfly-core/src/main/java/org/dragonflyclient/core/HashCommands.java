package org.dragonflyclient.core;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Hash commands: a key holding field/value pairs. Part of {@link DragonflyCommands}, whose
 * conventions apply (binary and text forms, {@code null} for absent values, the exceptions); the
 * asynchronous forms are in {@link HashAsyncCommands}.
 *
 * <h2>Binary maps</h2>
 * {@code byte[]} compares by identity, so a {@code HashMap<byte[], byte[]>} would never find a
 * field passed as a new array. {@link #hgetall(byte[])} therefore returns a map sorted by
 * {@link java.util.Arrays#compareUnsigned(byte[], byte[])}: {@code get}, {@code containsKey} and
 * {@code remove} find fields by content, and iteration runs in unsigned byte order rather than
 * the server's order. Its values are still arrays, so comparing two such maps with
 * {@code equals} compares the values by identity; compare values with
 * {@link java.util.Arrays#equals(byte[], byte[])}. The text form returns a {@code LinkedHashMap}
 * in the server's order.
 */
public interface HashCommands {

    /**
     * {@code HSET key field value}.
     *
     * @param key the key
     * @param field the field
     * @param value the value
     * @return 1 when the field is new, 0 when an existing field was updated
     */
    long hset(byte[] key, byte[] field, byte[] value);

    /**
     * {@code HSET key field value}, as text.
     *
     * @param key the key
     * @param field the field
     * @param value the value
     * @return 1 when the field is new, 0 when an existing field was updated
     */
    long hset(String key, String field, String value);

    /**
     * {@code HSET key field value [field value ...]}: sets every entry of the map.
     *
     * @param key the key
     * @param fields the fields and values, at least one
     * @return the number of fields that were new
     */
    long hset(byte[] key, Map<byte[], byte[]> fields);

    /**
     * {@code HSET key field value [field value ...]}, as text.
     *
     * @param key the key
     * @param fields the fields and values, at least one
     * @return the number of fields that were new
     */
    long hset(String key, Map<String, String> fields);

    /**
     * {@code HGET key field}.
     *
     * @param key the key
     * @param field the field
     * @return the value, or {@code null} when the field or the key does not exist
     */
    byte @Nullable [] hget(byte[] key, byte[] field);

    /**
     * {@code HGET key field}, as text.
     *
     * @param key the key
     * @param field the field
     * @return the value, or {@code null} when the field or the key does not exist
     */
    @Nullable
    String hget(String key, String field);

    /**
     * {@code HMGET key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return one element per field, in order: the value, or {@code null} for a missing field
     */
    List<byte @Nullable []> hmget(byte[] key, byte[]... fields);

    /**
     * {@code HMGET key field [field ...]}, as text.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return one element per field, in order: the value, or {@code null} for a missing field
     */
    List<@Nullable String> hmget(String key, String... fields);

    /**
     * {@code HGETALL key}.
     *
     * @param key the key
     * @return every field and value, in a mutable map sorted by unsigned bytes whose lookups compare
     *     {@code byte[]} fields by content (see the interface documentation); empty, never
     *     {@code null}, when the key does not exist
     */
    Map<byte[], byte[]> hgetall(byte[] key);

    /**
     * {@code HGETALL key}, as text.
     *
     * @param key the key
     * @return every field and value, in the server's order; empty, never {@code null}, when the
     *     key does not exist
     */
    Map<String, String> hgetall(String key);

    /**
     * {@code HDEL key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return the number of fields that existed and were removed
     */
    long hdel(byte[] key, byte[]... fields);

    /**
     * {@code HDEL key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return the number of fields that existed and were removed
     */
    long hdel(String key, String... fields);

    /**
     * {@code HEXISTS key field}.
     *
     * @param key the key
     * @param field the field
     * @return {@code true} when the field exists
     */
    boolean hexists(byte[] key, byte[] field);

    /**
     * {@code HEXISTS key field}.
     *
     * @param key the key
     * @param field the field
     * @return {@code true} when the field exists
     */
    boolean hexists(String key, String field);

    /**
     * {@code HINCRBY key field increment}.
     *
     * @param key the key
     * @param field the field; a missing field counts as 0
     * @param increment the amount to add, may be negative
     * @return the new value
     */
    long hincrBy(byte[] key, byte[] field, long increment);

    /**
     * {@code HINCRBY key field increment}.
     *
     * @param key the key
     * @param field the field; a missing field counts as 0
     * @param increment the amount to add, may be negative
     * @return the new value
     */
    long hincrBy(String key, String field, long increment);

    /**
     * {@code HLEN key}.
     *
     * @param key the key
     * @return the number of fields, 0 when the key does not exist
     */
    long hlen(byte[] key);

    /**
     * {@code HLEN key}.
     *
     * @param key the key
     * @return the number of fields, 0 when the key does not exist
     */
    long hlen(String key);

    /**
     * One {@code HSCAN key cursor [MATCH pattern] [COUNT count]} call. Pages may be empty before
     * the end; the walk is over when the page's cursor is {@code "0"}.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args field pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return the page; its {@link ScanPage#keys()} are the field/value entries
     */
    ScanPage<Map.Entry<byte[], byte[]>> hscan(byte[] key, String cursor, @Nullable ScanArgs args);

    /**
     * One {@code HSCAN} call, as text.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the cursor of the previous page
     * @param args field pattern and page size ({@code TYPE} is not allowed), {@code null} for none
     * @return the page; its {@link ScanPage#keys()} are the field/value entries
     */
    ScanPage<Map.Entry<String, String>> hscan(String key, String cursor, @Nullable ScanArgs args);
}
