package org.dragonflyclient.core.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetArgs;

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

    public <V> Command<V> get(Object key, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.GET, new Object[] {requireKey(key)}, new ValueOutput<>(decoder));
    }

    public Command<Void> set(Object key, Object value) {
        return new Command<>(Keyword.SET, new Object[] {requireKey(key), requireValue(value)}, new VoidOutput());
    }

    public Command<Boolean> set(Object key, Object value, SetArgs args) {
        return new Command<>(Keyword.SET, requireArgs(args).toArguments(requireKey(key), requireValue(value), false),
                new BooleanOutput());
    }

    public <V> Command<V> setGet(Object key, Object value, SetArgs args, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.SET, requireArgs(args).toArguments(requireKey(key), requireValue(value), true),
                new ValueOutput<>(decoder));
    }

    public Command<Void> mset(Object[] keysAndValues) {
        if (keysAndValues == null || keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("MSET needs key, value pairs: an even number of at least two arguments, got "
                    + (keysAndValues == null ? 0 : keysAndValues.length));
        }
        return new Command<>(Keyword.MSET, keysAndValues.clone(), new VoidOutput());
    }

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

    public <V> Command<List<V>> mget(Object[] keys, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.MGET, requireKeys(keys, "MGET"), new ValueListOutput<>(decoder));
    }

    public <V> Command<V> getex(Object key, GetExArgs args, ValueDecoder<V> decoder) {
        if (args == null) {
            throw new IllegalArgumentException("GETEX needs an expiry option; use get(key) to read without one");
        }
        return new Command<>(Keyword.GETEX, args.toArguments(requireKey(key)), new ValueOutput<>(decoder));
    }

    public <V> Command<V> getdel(Object key, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.GETDEL, new Object[] {requireKey(key)}, new ValueOutput<>(decoder));
    }

    public Command<Long> incrBy(byte[] name, Object key, Long amount) {
        Object[] args = amount == null ? new Object[] {requireKey(key)} : new Object[] {requireKey(key), amount};
        return new Command<>(name, args, new LongOutput());
    }

    // ---------------------------------------------------------------- keys

    public Command<Long> count(byte[] name, Object[] keys) {
        return new Command<>(name, requireKeys(keys, new String(name, StandardCharsets.US_ASCII)), new LongOutput());
    }

    public Command<Boolean> expire(byte[] name, Object key, long amount) {
        return new Command<>(name, new Object[] {requireKey(key), amount}, new BooleanOutput());
    }

    public Command<Long> keyToLong(byte[] name, Object key) {
        return new Command<>(name, new Object[] {requireKey(key)}, new LongOutput());
    }

    public Command<Boolean> persist(Object key) {
        return new Command<>(Keyword.PERSIST, new Object[] {requireKey(key)}, new BooleanOutput());
    }

    public <K> Command<ScanPage<K>> scan(String cursor, ScanArgs args, ValueDecoder<K> decoder) {
        if (cursor == null || cursor.isEmpty()) {
            throw new IllegalArgumentException("SCAN cursor must be \"0\" to start, or the cursor of the previous page");
        }
        ScanArgs options = args == null ? ScanArgs.all() : args;
        return new Command<>(Keyword.SCAN, options.toArguments(cursor), new ScanOutput<>(decoder));
    }

    // ---------------------------------------------------------------- server

    public Command<String> ping() {
        return new Command<>(Keyword.PING, new Object[0], new StatusOutput());
    }

    public <V> Command<V> echo(Object message, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.ECHO, new Object[] {requireValue(message)}, new ValueOutput<>(decoder));
    }

    public Command<String> info(String section) {
        Object[] args = section == null ? new Object[0] : new Object[] {section};
        return new Command<>(Keyword.INFO, args, new ValueOutput<>(ValueDecoder.UTF8));
    }

    public Command<Long> dbsize() {
        return new Command<>(Keyword.DBSIZE, new Object[0], new LongOutput());
    }

    public Command<Void> flush(byte[] name) {
        return new Command<>(name, new Object[0], new VoidOutput());
    }

    public Command<Reply> execute(String command, Object[] args) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("execute needs a command name such as \"PING\"");
        }
        if (command.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("Pass each word as its own argument: execute(\"CLIENT\", \"LIST\"), not \""
                    + command + "\"");
        }
        return new Command<>(command.getBytes(StandardCharsets.UTF_8), args == null ? new Object[0] : args.clone(),
                new ReplyTreeOutput());
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
