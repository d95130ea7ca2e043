package org.dragonflyclient.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The string commands: values stored under a key, read, written, counted. Part of
 * {@link DragonflyAsyncCommands}, which says what every method may throw and how futures complete.
 */
public interface StringAsyncCommands {

    /**
     * {@code GET key}.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<byte @Nullable []> get(byte[] key);

    /**
     * {@code GET key}, as text.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<@Nullable String> get(String key);

    /**
     * {@code SET key value}: stores the value and removes any expiry.
     *
     * @param key the key
     * @param value the value
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> set(byte[] key, byte[] value);

    /**
     * {@code SET key value}, as text.
     *
     * @param key the key
     * @param value the value
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> set(String key, String value);

    /**
     * {@code SET key value [EX|PX|EXAT|PXAT|KEEPTTL] [NX|XX]}.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition
     * @return a future of {@code true} when the value was stored, {@code false} when {@code NX} or {@code XX} prevented it
     */
    CompletableFuture<Boolean> set(byte[] key, byte[] value, SetArgs args);

    /**
     * {@code SET key value [options]}, as text.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition
     * @return a future of {@code true} when the value was stored, {@code false} when {@code NX} or {@code XX} prevented it
     */
    CompletableFuture<Boolean> set(String key, String value, SetArgs args);

    /**
     * {@code SET key value [options] GET}: stores the value and returns the previous one.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition, or {@link SetArgs#none()}
     * @return a future of the previous value, or {@code null} when there was none
     */
    CompletableFuture<byte @Nullable []> setGet(byte[] key, byte[] value, SetArgs args);

    /**
     * {@code SET key value [options] GET}, as text.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition, or {@link SetArgs#none()}
     * @return a future of the previous value, or {@code null} when there was none
     */
    CompletableFuture<@Nullable String> setGet(String key, String value, SetArgs args);

    /**
     * {@code MSET key value [key value ...]}: sets all pairs atomically.
     *
     * @param keysAndValues key, value, key, value...; an even number of at least two
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> mset(byte[]... keysAndValues);

    /**
     * {@code MSET key value [key value ...]}, as text.
     *
     * @param keysAndValues key, value, key, value...; an even number of at least two
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> mset(String... keysAndValues);

    /**
     * {@code MSET} of every entry of a map.
     *
     * @param entries the keys and values, at least one
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> mset(Map<String, String> entries);

    /**
     * {@code MGET key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return a future of one element per key, in order: the value, or {@code null} for a missing key
     */
    CompletableFuture<List<byte @Nullable []>> mget(byte[]... keys);

    /**
     * {@code MGET key [key ...]}, as text.
     *
     * @param keys the keys, at least one
     * @return a future of one element per key, in order: the value, or {@code null} for a missing key
     */
    CompletableFuture<List<@Nullable String>> mget(String... keys);

    /**
     * {@code GETEX key [EX|PX|EXAT|PXAT|PERSIST]}: reads the value and changes its expiry.
     *
     * @param key the key
     * @param args the new expiry
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<byte @Nullable []> getex(byte[] key, GetExArgs args);

    /**
     * {@code GETEX key [options]}, as text.
     *
     * @param key the key
     * @param args the new expiry
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<@Nullable String> getex(String key, GetExArgs args);

    /**
     * {@code GETDEL key}: reads the value and deletes the key.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key did not exist
     */
    CompletableFuture<byte @Nullable []> getdel(byte[] key);

    /**
     * {@code GETDEL key}, as text.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key did not exist
     */
    CompletableFuture<@Nullable String> getdel(String key);

    /**
     * {@code INCR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return a future of the new value
     */
    CompletableFuture<Long> incr(byte[] key);

    /**
     * {@code INCR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return a future of the new value
     */
    CompletableFuture<Long> incr(String key);

    /**
     * {@code INCRBY key increment}.
     *
     * @param key the key; a missing key counts as 0
     * @param increment the amount to add, may be negative
     * @return a future of the new value
     */
    CompletableFuture<Long> incrBy(byte[] key, long increment);

    /**
     * {@code INCRBY key increment}.
     *
     * @param key the key; a missing key counts as 0
     * @param increment the amount to add, may be negative
     * @return a future of the new value
     */
    CompletableFuture<Long> incrBy(String key, long increment);

    /**
     * {@code DECR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return a future of the new value
     */
    CompletableFuture<Long> decr(byte[] key);

    /**
     * {@code DECR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return a future of the new value
     */
    CompletableFuture<Long> decr(String key);

    /**
     * {@code DECRBY key decrement}.
     *
     * @param key the key; a missing key counts as 0
     * @param decrement the amount to subtract
     * @return a future of the new value
     */
    CompletableFuture<Long> decrBy(byte[] key, long decrement);

    /**
     * {@code DECRBY key decrement}.
     *
     * @param key the key; a missing key counts as 0
     * @param decrement the amount to subtract
     * @return a future of the new value
     */
    CompletableFuture<Long> decrBy(String key, long decrement);
}
