package org.dragonflyclient.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous commands: each method sends its command and returns at once with a future of
 * the reply; the same commands, arguments and results as {@link DragonflyCommands}, which documents
 * each of them.
 *
 * <p>Futures fail with the exceptions listed on {@link DragonflyCommands}; a future whose reply does
 * not arrive within the command timeout fails with {@link DragonflyTimeoutException}. Futures are
 * completed on the thread that reads the reply, which may be a client thread or another caller's:
 * callbacks must not block; use the {@code ...Async} variants of {@link CompletableFuture} with an
 * executor for slow work. Commands issued by one thread run on the server in the order issued.
 */
public interface DragonflyAsyncCommands {

    /**
     * {@code GET key}.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<byte[]> get(byte[] key);

    /**
     * {@code GET key}, as text.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<String> get(String key);

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
    CompletableFuture<byte[]> setGet(byte[] key, byte[] value, SetArgs args);

    /**
     * {@code SET key value [options] GET}, as text.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition, or {@link SetArgs#none()}
     * @return a future of the previous value, or {@code null} when there was none
     */
    CompletableFuture<String> setGet(String key, String value, SetArgs args);

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
    CompletableFuture<List<byte[]>> mget(byte[]... keys);

    /**
     * {@code MGET key [key ...]}, as text.
     *
     * @param keys the keys, at least one
     * @return a future of one element per key, in order: the value, or {@code null} for a missing key
     */
    CompletableFuture<List<String>> mget(String... keys);

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
     * {@code GETEX key [EX|PX|EXAT|PXAT|PERSIST]}: reads the value and changes its expiry.
     *
     * @param key the key
     * @param args the new expiry
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<byte[]> getex(byte[] key, GetExArgs args);

    /**
     * {@code GETEX key [options]}, as text.
     *
     * @param key the key
     * @param args the new expiry
     * @return a future of the value, or {@code null} when the key does not exist
     */
    CompletableFuture<String> getex(String key, GetExArgs args);

    /**
     * {@code GETDEL key}: reads the value and deletes the key.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key did not exist
     */
    CompletableFuture<byte[]> getdel(byte[] key);

    /**
     * {@code GETDEL key}, as text.
     *
     * @param key the key
     * @return a future of the value, or {@code null} when the key did not exist
     */
    CompletableFuture<String> getdel(String key);

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

    /**
     * {@code PING}.
     *
     * @return a future of {@code PONG}
     */
    CompletableFuture<String> ping();

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return a future of the same message
     */
    CompletableFuture<byte[]> echo(byte[] message);

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return a future of the same message
     */
    CompletableFuture<String> echo(String message);

    /**
     * {@code INFO}: the server's default information sections.
     *
     * @return a future of the text, {@code field:value} lines grouped under {@code # Section} headers
     */
    CompletableFuture<String> info();

    /**
     * {@code INFO section}.
     *
     * @param section such as {@code server}, {@code memory}, {@code stats}, {@code keyspace}
     * @return a future of the section's text
     */
    CompletableFuture<String> info(String section);

    /**
     * {@code DBSIZE}.
     *
     * @return a future of the number of keys in the selected database
     */
    CompletableFuture<Long> dbsize();

    /**
     * {@code FLUSHDB}: deletes every key of the selected database.
     *
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> flushdb();

    /**
     * {@code FLUSHALL}: deletes every key of every database.
     *
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> flushall();

    /**
     * Runs any command, for those without a typed method:
     * {@code execute("CLIENT", "LIST")}, {@code execute("HSET", "h", "f", "v")}.
     *
     * @param command the command name
     * @param args arguments: {@code byte[]}, {@code String} or numbers
     * @return a future of the reply; nested errors are {@link Reply.Error} elements, a top-level error throws
     * @throws DragonflyServerException when the server answers with an error
     */
    CompletableFuture<Reply> execute(String command, Object... args);
}
