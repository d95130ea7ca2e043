package org.dragonflyclient.core.internal.command;

import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.output.BooleanOutput;
import org.dragonflyclient.core.internal.output.EntryScanOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.MapOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueListOutput;
import org.dragonflyclient.core.internal.output.ValueOutput;

/**
 * Builds the hash commands ({@code HSET}, {@code HGET}, ...), once for the synchronous,
 * asynchronous, pipelined and transactional APIs, as {@link CommandBuilder} does for strings.
 */
public final class HashCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final HashCommandBuilder INSTANCE = new HashCommandBuilder();

    private HashCommandBuilder() {}

    /**
     * {@code HSET key field value}.
     *
     * @param key the key
     * @param field the field
     * @param value the value
     * @return the command, answering the number of fields added
     */
    public Command<Long> hset(Object key, Object field, Object value) {
        return new Command<>(
                Keyword.HSET,
                new Object[] {
                    Arguments.key(key),
                    Arguments.notNull(field, "field"),
                    Arguments.notNull(value, "value; to remove a field use hdel")
                },
                new LongOutput());
    }

    /**
     * {@code HSET key field value [field value ...]}.
     *
     * @param key the key
     * @param fields fields and values
     * @return the command, answering the number of fields added
     */
    public Command<Long> hset(Object key, Map<?, ?> fields) {
        return new Command<>(Keyword.HSET, Arguments.keyAndPairs(key, fields, "HSET"), new LongOutput());
    }

    /**
     * {@code HGET key field}.
     *
     * @param key the key
     * @param field the field
     * @param decoder how the value is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> hget(Object key, Object field, ValueDecoder<V> decoder) {
        return new Command<>(
                Keyword.HGET,
                new Object[] {Arguments.key(key), Arguments.notNull(field, "field")},
                new ValueOutput<>(decoder));
    }

    /**
     * {@code HMGET key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields
     * @param decoder how values are decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<List<V>> hmget(Object key, Object[] fields, ValueDecoder<V> decoder) {
        return new Command<>(
                Keyword.HMGET, Arguments.keyAndItems(key, fields, "HMGET", "field"), new ValueListOutput<>(decoder));
    }

    /**
     * {@code HGETALL key}.
     *
     * @param key the key
     * @param decoder how fields and values are decoded, and which map holds them
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<Map<V, V>> hgetall(Object key, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.HGETALL, new Object[] {Arguments.key(key)}, new MapOutput<>(decoder));
    }

    /**
     * {@code HDEL key field [field ...]}.
     *
     * @param key the key
     * @param fields the fields
     * @return the command, answering the number of fields removed
     */
    public Command<Long> hdel(Object key, Object[] fields) {
        return new Command<>(Keyword.HDEL, Arguments.keyAndItems(key, fields, "HDEL", "field"), new LongOutput());
    }

    /**
     * {@code HEXISTS key field}.
     *
     * @param key the key
     * @param field the field
     * @return the command
     */
    public Command<Boolean> hexists(Object key, Object field) {
        return new Command<>(
                Keyword.HEXISTS,
                new Object[] {Arguments.key(key), Arguments.notNull(field, "field")},
                new BooleanOutput());
    }

    /**
     * {@code HINCRBY key field increment}.
     *
     * @param key the key
     * @param field the field
     * @param increment the amount to add
     * @return the command, answering the new value
     */
    public Command<Long> hincrBy(Object key, Object field, long increment) {
        return new Command<>(
                Keyword.HINCRBY,
                new Object[] {Arguments.key(key), Arguments.notNull(field, "field"), increment},
                new LongOutput());
    }

    /**
     * {@code HLEN key}.
     *
     * @param key the key
     * @return the command
     */
    public Command<Long> hlen(Object key) {
        return new Command<>(Keyword.HLEN, new Object[] {Arguments.key(key)}, new LongOutput());
    }

    /**
     * {@code HSCAN key cursor [MATCH pattern] [COUNT count]}.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the previous page's cursor
     * @param args pattern and page size, {@code null} for none
     * @param decoder how fields and values are decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<ScanPage<Map.Entry<V, V>>> hscan(
            Object key, String cursor, ScanArgs args, ValueDecoder<V> decoder) {
        return new Command<>(
                Keyword.HSCAN, Arguments.keyScan(key, cursor, args, "HSCAN"), new EntryScanOutput<>(decoder));
    }
}
