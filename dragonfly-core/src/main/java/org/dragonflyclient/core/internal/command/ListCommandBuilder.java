package org.dragonflyclient.core.internal.command;

import java.time.Duration;
import java.util.List;

import org.dragonflyclient.core.KeyValue;
import org.dragonflyclient.core.internal.output.KeyValueOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueListOutput;
import org.dragonflyclient.core.internal.output.ValueOutput;

/** Builds the list commands ({@code LPUSH}, {@code LRANGE}, {@code BLPOP}, ...). */
public final class ListCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final ListCommandBuilder INSTANCE = new ListCommandBuilder();

    private ListCommandBuilder() {}

    /**
     * {@code LPUSH} or {@code RPUSH key value [value ...]}.
     *
     * @param name {@link Keyword#LPUSH} or {@link Keyword#RPUSH}
     * @param key the key
     * @param values the values
     * @return the command, answering the length of the list afterwards
     */
    public Command<Long> push(byte[] name, Object key, Object[] values) {
        return new Command<>(name, Arguments.keyAndItems(key, values, Keyword.nameOf(name), "value"), new LongOutput());
    }

    /**
     * {@code LPOP} or {@code RPOP key}.
     *
     * @param name {@link Keyword#LPOP} or {@link Keyword#RPOP}
     * @param key the key
     * @param decoder how the value is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> pop(byte[] name, Object key, ValueDecoder<V> decoder) {
        return new Command<>(name, new Object[] {Arguments.key(key)}, new ValueOutput<>(decoder));
    }

    /**
     * {@code LPOP} or {@code RPOP key count}.
     *
     * @param name {@link Keyword#LPOP} or {@link Keyword#RPOP}
     * @param key the key
     * @param count how many values to pop, positive
     * @param decoder how values are decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<List<V>> pop(byte[] name, Object key, long count, ValueDecoder<V> decoder) {
        if (count <= 0) {
            throw new IllegalArgumentException(Keyword.nameOf(name) + " count must be positive, got " + count);
        }
        return new Command<>(name, new Object[] {Arguments.key(key), count}, new ValueListOutput<>(decoder));
    }

    /**
     * {@code LRANGE key start stop}.
     *
     * @param key the key
     * @param start first index, negative counts from the end
     * @param stop last index, included; {@code -1} for the last element
     * @param decoder how values are decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<List<V>> lrange(Object key, long start, long stop, ValueDecoder<V> decoder) {
        return new Command<>(
                Keyword.LRANGE, new Object[] {Arguments.key(key), start, stop}, new ValueListOutput<>(decoder));
    }

    /**
     * {@code LLEN key}.
     *
     * @param key the key
     * @return the command
     */
    public Command<Long> llen(Object key) {
        return new Command<>(Keyword.LLEN, new Object[] {Arguments.key(key)}, new LongOutput());
    }

    /**
     * {@code BLPOP} or {@code BRPOP key [key ...] timeout}.
     *
     * @param name {@link Keyword#BLPOP} or {@link Keyword#BRPOP}
     * @param timeout how long the server waits for a value, zero for no limit
     * @param keys the lists to wait on, in priority order
     * @param decoder how the key and value are decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<KeyValue<V>> blockingPop(byte[] name, Duration timeout, Object[] keys, ValueDecoder<V> decoder) {
        String command = Keyword.nameOf(name);
        String seconds = Arguments.blockingTimeout(timeout, command);
        Object[] checked = Arguments.keys(keys, command);
        Object[] args = new Object[checked.length + 1];
        System.arraycopy(checked, 0, args, 0, checked.length);
        args[checked.length] = seconds;
        return new Command<>(name, args, new KeyValueOutput<>(decoder));
    }
}
