package org.dragonflyclient.core;

import java.util.List;
import java.util.Map;

/**
 * The synchronous commands. Each call blocks until its reply arrives or the command timeout
 * passes. Every key and value command has a binary form ({@code byte[]} keys and values, returned
 * as {@code byte[]}) and a text form ({@code String}, encoded and decoded as UTF-8).
 *
 * <p>Absent values are {@code null}, never an empty array. Every method may throw
 * {@link DragonflyConnectionException}, {@link DragonflyTimeoutException},
 * {@link DragonflyServerException} (for example {@code WRONGTYPE}) or
 * {@link DragonflyInterruptedException}; {@link IllegalArgumentException} means the arguments were
 * wrong and nothing was sent.
 *
 * <p>Beyond strings, keys and server commands (declared here), it holds the command families of
 * {@link HashCommands}, {@link ListCommands}, {@link SetCommands}, {@link SortedSetCommands},
 * {@link ScriptingCommands} and {@link PubSubCommands}. Subscriptions and transactions have objects
 * of their own: {@link DragonflyClient#pubSub()} and {@link DragonflyClient#transaction()}.
 */
public interface DragonflyCommands extends HashCommands, ListCommands, SetCommands, SortedSetCommands,
        ScriptingCommands, PubSubCommands {

    /**
     * {@code GET key}.
     *
     * @param key the key
     * @return the value, or {@code null} when the key does not exist
     */
    byte[] get(byte[] key);

    /**
     * {@code GET key}, as text.
     *
     * @param key the key
     * @return the value, or {@code null} when the key does not exist
     */
    String get(String key);

    /**
     * {@code SET key value}: stores the value and removes any expiry.
     *
     * @param key the key
     * @param value the value
     */
    void set(byte[] key, byte[] value);

    /**
     * {@code SET key value}, as text.
     *
     * @param key the key
     * @param value the value
     */
    void set(String key, String value);

    /**
     * {@code SET key value [EX|PX|EXAT|PXAT|KEEPTTL] [NX|XX]}.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition
     * @return {@code true} when the value was stored, {@code false} when {@code NX} or {@code XX} prevented it
     */
    boolean set(byte[] key, byte[] value, SetArgs args);

    /**
     * {@code SET key value [options]}, as text.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition
     * @return {@code true} when the value was stored, {@code false} when {@code NX} or {@code XX} prevented it
     */
    boolean set(String key, String value, SetArgs args);

    /**
     * {@code SET key value [options] GET}: stores the value and returns the previous one.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition, or {@link SetArgs#none()}
     * @return the previous value, or {@code null} when there was none
     */
    byte[] setGet(byte[] key, byte[] value, SetArgs args);

    /**
     * {@code SET key value [options] GET}, as text.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition, or {@link SetArgs#none()}
     * @return the previous value, or {@code null} when there was none
     */
    String setGet(String key, String value, SetArgs args);

    /**
     * {@code MSET key value [key value ...]}: sets all pairs atomically.
     *
     * @param keysAndValues key, value, key, value...; an even number of at least two
     */
    void mset(byte[]... keysAndValues);

    /**
     * {@code MSET key value [key value ...]}, as text.
     *
     * @param keysAndValues key, value, key, value...; an even number of at least two
     */
    void mset(String... keysAndValues);

    /**
     * {@code MSET} of every entry of a map.
     *
     * @param entries the keys and values, at least one
     */
    void mset(Map<String, String> entries);

    /**
     * {@code MGET key [key ...]}.
     *
     * @param keys the keys, at least one
     * @return one element per key, in order: the value, or {@code null} for a missing key
     */
    List<byte[]> mget(byte[]... keys);

    /**
     * {@code MGET key [key ...]}, as text.
     *
     * @param keys the keys, at least one
     * @return one element per key, in order: the value, or {@code null} for a missing key
     */
    List<String> mget(String... keys);

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
     * {@code GETEX key [EX|PX|EXAT|PXAT|PERSIST]}: reads the value and changes its expiry.
     *
     * @param key the key
     * @param args the new expiry
     * @return the value, or {@code null} when the key does not exist
     */
    byte[] getex(byte[] key, GetExArgs args);

    /**
     * {@code GETEX key [options]}, as text.
     *
     * @param key the key
     * @param args the new expiry
     * @return the value, or {@code null} when the key does not exist
     */
    String getex(String key, GetExArgs args);

    /**
     * {@code GETDEL key}: reads the value and deletes the key.
     *
     * @param key the key
     * @return the value, or {@code null} when the key did not exist
     */
    byte[] getdel(byte[] key);

    /**
     * {@code GETDEL key}, as text.
     *
     * @param key the key
     * @return the value, or {@code null} when the key did not exist
     */
    String getdel(String key);

    /**
     * {@code INCR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return the new value
     */
    long incr(byte[] key);

    /**
     * {@code INCR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return the new value
     */
    long incr(String key);

    /**
     * {@code INCRBY key increment}.
     *
     * @param key the key; a missing key counts as 0
     * @param increment the amount to add, may be negative
     * @return the new value
     */
    long incrBy(byte[] key, long increment);

    /**
     * {@code INCRBY key increment}.
     *
     * @param key the key; a missing key counts as 0
     * @param increment the amount to add, may be negative
     * @return the new value
     */
    long incrBy(String key, long increment);

    /**
     * {@code DECR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return the new value
     */
    long decr(byte[] key);

    /**
     * {@code DECR key}.
     *
     * @param key the key; a missing key counts as 0
     * @return the new value
     */
    long decr(String key);

    /**
     * {@code DECRBY key decrement}.
     *
     * @param key the key; a missing key counts as 0
     * @param decrement the amount to subtract
     * @return the new value
     */
    long decrBy(byte[] key, long decrement);

    /**
     * {@code DECRBY key decrement}.
     *
     * @param key the key; a missing key counts as 0
     * @param decrement the amount to subtract
     * @return the new value
     */
    long decrBy(String key, long decrement);

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

    /**
     * {@code PING}.
     *
     * @return {@code PONG}
     */
    String ping();

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return the same message
     */
    byte[] echo(byte[] message);

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return the same message
     */
    String echo(String message);

    /**
     * {@code INFO}: the server's default information sections.
     *
     * @return the text, {@code field:value} lines grouped under {@code # Section} headers
     */
    String info();

    /**
     * {@code INFO section}.
     *
     * @param section such as {@code server}, {@code memory}, {@code stats}, {@code keyspace}
     * @return the section's text
     */
    String info(String section);

    /**
     * {@code DBSIZE}.
     *
     * @return the number of keys in the selected database
     */
    long dbsize();

    /** {@code FLUSHDB}: deletes every key of the selected database. */
    void flushdb();

    /** {@code FLUSHALL}: deletes every key of every database. */
    void flushall();

    /**
     * Runs any command, for those without a typed method:
     * {@code execute("CLIENT", "LIST")}, {@code execute("HSET", "h", "f", "v")}.
     *
     * @param command the command name
     * @param args arguments: {@code byte[]}, {@code String} or numbers
     * @return the reply; nested errors are {@link Reply.Error} elements, a top-level error throws
     * @throws DragonflyServerException when the server answers with an error
     */
    Reply execute(String command, Object... args);
}
