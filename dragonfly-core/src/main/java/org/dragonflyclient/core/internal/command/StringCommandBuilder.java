package org.dragonflyclient.core.internal.command;

import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.core.internal.output.BooleanOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueListOutput;
import org.dragonflyclient.core.internal.output.ValueOutput;
import org.dragonflyclient.core.internal.output.VoidOutput;

/**
 * Builds the string commands ({@code GET}, {@code SET}, {@code MGET}, ...), once for the synchronous, asynchronous,
 * pipelined and transactional APIs: they differ only in what they do with the command. The binary
 * and text forms differ only in their {@link ValueDecoder}.
 */
public final class StringCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final StringCommandBuilder INSTANCE = new StringCommandBuilder();

    private StringCommandBuilder() {}

    /**
     * {@code GET key}.
     *
     * @param key the key
     * @param decoder how the value is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> get(Object key, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.GET, new Object[] {Arguments.key(key)}, new ValueOutput<>(decoder));
    }

    /**
     * {@code SET key value}.
     *
     * @param key the key
     * @param value the value
     * @return the command
     */
    public Command<Void> set(Object key, Object value) {
        return new Command<>(Keyword.SET, new Object[] {Arguments.key(key), Arguments.value(value)}, new VoidOutput());
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
        return new Command<>(
                Keyword.SET,
                Arguments.set(
                        Arguments.key(key), Arguments.value(value), (args == null ? SetArgs.none() : args), false),
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
        return new Command<>(
                Keyword.SET,
                Arguments.set(Arguments.key(key), Arguments.value(value), (args == null ? SetArgs.none() : args), true),
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
            throw new IllegalArgumentException(
                    "MSET needs key, value pairs: an even number of at least two arguments, got "
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
            args[i++] = Arguments.key(e.getKey());
            args[i++] = Arguments.value(e.getValue());
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
        return new Command<>(Keyword.MGET, Arguments.keys(keys, "MGET"), new ValueListOutput<>(decoder));
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
        return new Command<>(Keyword.GETEX, Arguments.getex(Arguments.key(key), args), new ValueOutput<>(decoder));
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
        return new Command<>(Keyword.GETDEL, new Object[] {Arguments.key(key)}, new ValueOutput<>(decoder));
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
        Object[] args = amount == null ? new Object[] {Arguments.key(key)} : new Object[] {Arguments.key(key), amount};
        return new Command<>(name, args, new LongOutput());
    }
}
