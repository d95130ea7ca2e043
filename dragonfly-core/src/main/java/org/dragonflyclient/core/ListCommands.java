package org.dragonflyclient.core;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * List commands. Part of {@link DragonflyCommands}, whose conventions apply; the asynchronous
 * forms are in {@link ListAsyncCommands}.
 *
 * <h2>Blocking pops</h2>
 * {@code BLPOP} and {@code BRPOP} keep their connection busy until a value arrives or their
 * timeout passes. They therefore never run on the shared connections (which would stall every
 * other caller) but on a dedicated connection leased for the call from a small, bounded set that
 * the client opens on demand and reuses. The client waits for the reply up to the blocking
 * timeout plus the command timeout. A call given up early (interrupted, or timed out by the
 * client) closes its dedicated connection, so the server stops waiting and pops nothing for it.
 * Inside a {@link Transaction} they do not block (the server answers at once, as {@code LPOP}
 * would); a {@link Pipeline} refuses them.
 */
public interface ListCommands {

    /**
     * {@code LPUSH key value [value ...]}: inserts at the head, each value in turn.
     *
     * @param key the key
     * @param values the values, at least one
     * @return the length of the list afterwards
     */
    long lpush(byte[] key, byte[]... values);

    /**
     * {@code LPUSH key value [value ...]}, as text.
     *
     * @param key the key
     * @param values the values, at least one
     * @return the length of the list afterwards
     */
    long lpush(String key, String... values);

    /**
     * {@code RPUSH key value [value ...]}: appends at the tail.
     *
     * @param key the key
     * @param values the values, at least one
     * @return the length of the list afterwards
     */
    long rpush(byte[] key, byte[]... values);

    /**
     * {@code RPUSH key value [value ...]}, as text.
     *
     * @param key the key
     * @param values the values, at least one
     * @return the length of the list afterwards
     */
    long rpush(String key, String... values);

    /**
     * {@code LPOP key}.
     *
     * @param key the key
     * @return the first value, or {@code null} when the list is empty or missing
     */
    byte @Nullable [] lpop(byte[] key);

    /**
     * {@code LPOP key}, as text.
     *
     * @param key the key
     * @return the first value, or {@code null} when the list is empty or missing
     */
    @Nullable
    String lpop(String key);

    /**
     * {@code LPOP key count}.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return the values popped, head first, or {@code null} when the list is missing
     */
    @Nullable
    List<byte[]> lpop(byte[] key, long count);

    /**
     * {@code LPOP key count}, as text.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return the values popped, head first, or {@code null} when the list is missing
     */
    @Nullable
    List<String> lpop(String key, long count);

    /**
     * {@code RPOP key}.
     *
     * @param key the key
     * @return the last value, or {@code null} when the list is empty or missing
     */
    byte @Nullable [] rpop(byte[] key);

    /**
     * {@code RPOP key}, as text.
     *
     * @param key the key
     * @return the last value, or {@code null} when the list is empty or missing
     */
    @Nullable
    String rpop(String key);

    /**
     * {@code RPOP key count}.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return the values popped, tail first, or {@code null} when the list is missing
     */
    @Nullable
    List<byte[]> rpop(byte[] key, long count);

    /**
     * {@code RPOP key count}, as text.
     *
     * @param key the key
     * @param count how many values to pop at most, positive
     * @return the values popped, tail first, or {@code null} when the list is missing
     */
    @Nullable
    List<String> rpop(String key, long count);

    /**
     * {@code LRANGE key start stop}.
     *
     * @param key the key
     * @param start first index; negative indexes count from the end ({@code -1} is the last)
     * @param stop last index, included
     * @return the values in the range; empty, never {@code null}, when the key does not exist
     */
    List<byte[]> lrange(byte[] key, long start, long stop);

    /**
     * {@code LRANGE key start stop}, as text.
     *
     * @param key the key
     * @param start first index; negative indexes count from the end ({@code -1} is the last)
     * @param stop last index, included
     * @return the values in the range; empty, never {@code null}, when the key does not exist
     */
    List<String> lrange(String key, long start, long stop);

    /**
     * {@code LLEN key}.
     *
     * @param key the key
     * @return the length, 0 when the key does not exist
     */
    long llen(byte[] key);

    /**
     * {@code LLEN key}.
     *
     * @param key the key
     * @return the length, 0 when the key does not exist
     */
    long llen(String key);

    /**
     * {@code BLPOP key [key ...] timeout}: pops the head of the first non-empty list, waiting up
     * to {@code timeout} for one, on a dedicated connection (see the interface documentation).
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return the list and the value popped, or {@code null} when the timeout passed
     * @throws DragonflyTimeoutException when every dedicated connection stayed busy for the command
     *     timeout, or the reply did not come within the blocking timeout plus the command timeout
     */
    @Nullable
    KeyValue<byte[]> blpop(Duration timeout, byte[]... keys);

    /**
     * {@code BLPOP key [key ...] timeout}, as text.
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return the list and the value popped, or {@code null} when the timeout passed
     * @throws DragonflyTimeoutException when every dedicated connection stayed busy for the command
     *     timeout, or the reply did not come within the blocking timeout plus the command timeout
     */
    @Nullable
    KeyValue<String> blpop(Duration timeout, String... keys);

    /**
     * {@code BRPOP key [key ...] timeout}: as {@link #blpop(Duration, byte[]...)}, from the tail.
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return the list and the value popped, or {@code null} when the timeout passed
     * @throws DragonflyTimeoutException as for {@code blpop}
     */
    @Nullable
    KeyValue<byte[]> brpop(Duration timeout, byte[]... keys);

    /**
     * {@code BRPOP key [key ...] timeout}, as text.
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return the list and the value popped, or {@code null} when the timeout passed
     * @throws DragonflyTimeoutException as for {@code blpop}
     */
    @Nullable
    KeyValue<String> brpop(Duration timeout, String... keys);
}
