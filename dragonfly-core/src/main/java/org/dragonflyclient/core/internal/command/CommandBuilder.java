package org.dragonflyclient.core.internal.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.core.internal.output.BooleanOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;
import org.dragonflyclient.core.internal.output.ScanOutput;
import org.dragonflyclient.core.internal.output.StatusOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueListOutput;
import org.dragonflyclient.core.internal.output.ValueOutput;
import org.dragonflyclient.core.internal.output.VoidOutput;

/**
 * Builds the {@link Command} of every typed method, once for the synchronous, asynchronous and
 * pipelined APIs alike: they differ only in what they do with the command. The binary and text
 * forms differ only in their {@link ValueDecoder}.
 */
public final class CommandBuilder {

    /** Shared: the builder holds no state. */
    public static final CommandBuilder INSTANCE = new CommandBuilder();

    private CommandBuilder() {
    }

    // ---------------------------------------------------------------- strings

    /**
     * {@code GET key}.
     *
     * @param key the key
     * @param decoder how the value is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> get(Object key, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.GET, new Object[] {requireKey(key)}, new ValueOutput<>(decoder));
    }

    /**
     * {@code SET key value}.
     *
     * @param key the key
     * @param value the value
     * @return the command
     */
    public Command<Void> set(Object key, Object value) {
        return new Command<>(Keyword.SET, new Object[] {requireKey(key), requireValue(value)}, new VoidOutput());
    }

    /**
     * {@code SET key value [options]}, reporting whether it wrote.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition, {@code null} for none
     * @return the command
     */
    public Command<Boolean> set(Object key, Object value, SetArgs args) {
        return new Command<>(Keyword.SET, Arguments.set(requireKey(key), requireValue(value), requireArgs(args), false),
                new BooleanOutput());
    }

    /**
     * {@code SET key value [options] GET}.
     *
     * @param key the key
     * @param value the value
     * @param args expiry and condition, {@code null} for none
     * @param decoder how the previous value is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> setGet(Object key, Object value, SetArgs args, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.SET, Arguments.set(requireKey(key), requireValue(value), requireArgs(args), true),
                new ValueOutput<>(decoder));
    }

    /**
     * {@code MSET key value [key value ...]}.
     *
     * @param keysAndValues key, value pairs
     * @return the command
     */
    public Command<Void> mset(Object[] keysAndValues) {
        if (keysAndValues == null || keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("MSET needs key, value pairs: an even number of at least two arguments, got "
                    + (keysAndValues == null ? 0 : keysAndValues.length));
        }
        return new Command<>(Keyword.MSET, keysAndValues.clone(), new VoidOutput());
    }

    /**
     * {@code MSET} of a map's entries.
     *
     * @param entries keys and values
     * @return the command
     */
    public Command<Void> mset(Map<String, String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("MSET needs at least one entry");
        }
        Object[] args = new Object[entries.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            args[i++] = requireKey(e.getKey());
            args[i++] = requireValue(e.getValue());
        }
        return new Command<>(Keyword.MSET, args, new VoidOutput());
    }

    /**
     * {@code MGET key [key ...]}.
     *
     * @param keys the keys
     * @param decoder how values are decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<List<V>> mget(Object[] keys, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.MGET, requireKeys(keys, "MGET"), new ValueListOutput<>(decoder));
    }

    /**
     * {@code GETEX key option}.
     *
     * @param key the key
     * @param args the new expiry
     * @param decoder how the value is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> getex(Object key, GetExArgs args, ValueDecoder<V> decoder) {
        if (args == null) {
            throw new IllegalArgumentException("GETEX needs an expiry option; use get(key) to read without one");
        }
        return new Command<>(Keyword.GETEX, Arguments.getex(requireKey(key), args), new ValueOutput<>(decoder));
    }

    /**
     * {@code GETDEL key}.
     *
     * @param key the key
     * @param decoder how the value is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> getdel(Object key, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.GETDEL, new Object[] {requireKey(key)}, new ValueOutput<>(decoder));
    }

    /**
     * {@code INCR}, {@code INCRBY}, {@code DECR} or {@code DECRBY}.
     *
     * @param name the command name
     * @param key the key
     * @param amount the amount, {@code null} for the one-step forms
     * @return the command
     */
    public Command<Long> incrBy(byte[] name, Object key, Long amount) {
        Object[] args = amount == null ? new Object[] {requireKey(key)} : new Object[] {requireKey(key), amount};
        return new Command<>(name, args, new LongOutput());
    }

    // ---------------------------------------------------------------- keys

    /**
     * A command over keys that answers a count: {@code DEL}, {@code UNLINK}, {@code EXISTS}.
     *
     * @param name the command name
     * @param keys the keys
     * @return the command
     */
    public Command<Long> count(byte[] name, Object[] keys) {
        return new Command<>(name, requireKeys(keys, new String(name, StandardCharsets.US_ASCII)), new LongOutput());
    }

    /**
     * {@code EXPIRE} or {@code PEXPIRE}.
     *
     * @param name the command name
     * @param key the key
     * @param amount seconds or milliseconds
     * @return the command
     */
    public Command<Boolean> expire(byte[] name, Object key, long amount) {
        return new Command<>(name, new Object[] {requireKey(key), amount}, new BooleanOutput());
    }

    /**
     * A command on one key that answers an integer: {@code TTL}, {@code PTTL}.
     *
     * @param name the command name
     * @param key the key
     * @return the command
     */
    public Command<Long> keyToLong(byte[] name, Object key) {
        return new Command<>(name, new Object[] {requireKey(key)}, new LongOutput());
    }

    /**
     * {@code PERSIST key}.
     *
     * @param key the key
     * @return the command
     */
    public Command<Boolean> persist(Object key) {
        return new Command<>(Keyword.PERSIST, new Object[] {requireKey(key)}, new BooleanOutput());
    }

    /**
     * {@code SCAN cursor [options]}.
     *
     * @param cursor the cursor
     * @param args the options, {@code null} for none
     * @param decoder how keys are decoded
     * @param <K> the key type
     * @return the command
     */
    public <K> Command<ScanPage<K>> scan(String cursor, ScanArgs args, ValueDecoder<K> decoder) {
        if (cursor == null || cursor.isEmpty()) {
            throw new IllegalArgumentException("SCAN cursor must be \"0\" to start, or the cursor of the previous page");
        }
        return new Command<>(Keyword.SCAN, Arguments.scanOptions(new ArrayList<>(7), cursor, args).toArray(),
                new ScanOutput<>(decoder));
    }

    // ---------------------------------------------------------------- server

    /**
     * {@code PING}.
     *
     * @return the command
     */
    public Command<String> ping() {
        return new Command<>(Keyword.PING, new Object[0], new StatusOutput());
    }

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @param decoder how the answer is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> echo(Object message, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.ECHO, new Object[] {requireValue(message)}, new ValueOutput<>(decoder));
    }

    /**
     * {@code INFO [section]}.
     *
     * @param section the section, {@code null} for the default ones
     * @return the command
     */
    public Command<String> info(String section) {
        Object[] args = section == null ? new Object[0] : new Object[] {section};
        return new Command<>(Keyword.INFO, args, new ValueOutput<>(ValueDecoder.UTF8));
    }

    /**
     * {@code DBSIZE}.
     *
     * @return the command
     */
    public Command<Long> dbsize() {
        return new Command<>(Keyword.DBSIZE, new Object[0], new LongOutput());
    }

    /**
     * {@code FLUSHDB} or {@code FLUSHALL}.
     *
     * @param name the command name
     * @return the command
     */
    public Command<Void> flush(byte[] name) {
        return new Command<>(name, new Object[0], new VoidOutput());
    }

    /**
     * Any command, decoded as a {@link Reply} tree.
     *
     * @param command the command name, one word
     * @param args the arguments
     * @return the command
     */
    public Command<Reply> execute(String command, Object[] args) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("execute needs a command name such as \"PING\"");
        }
        if (command.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("Pass each word as its own argument: execute(\"CLIENT\", \"LIST\"), not \""
                    + command + "\"");
        }
        Object[] copy = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!(copy[i] instanceof byte[] || copy[i] instanceof String || copy[i] instanceof Number)) {
                throw new IllegalArgumentException("Argument " + i + " of " + command + " is "
                        + (copy[i] == null ? "null" : "a " + copy[i].getClass().getName())
                        + "; pass byte[], String or a number (serialize other objects first)");
            }
        }
        return new Command<>(command.getBytes(StandardCharsets.UTF_8), copy, new ReplyTreeOutput());
    }

    // ---------------------------------------------------------------- validation

    private static Object requireKey(Object key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        return key;
    }

    private static Object requireValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null; to remove a key use del or unlink");
        }
        return value;
    }

    private static SetArgs requireArgs(SetArgs args) {
        return args == null ? SetArgs.none() : args;
    }

    private static Object[] requireKeys(Object[] keys, String command) {
        if (keys == null || keys.length == 0) {
            throw new IllegalArgumentException(command + " needs at least one key");
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null) {
                throw new IllegalArgumentException(command + " key " + i + " is null");
            }
        }
        return keys.clone();
    }
}
