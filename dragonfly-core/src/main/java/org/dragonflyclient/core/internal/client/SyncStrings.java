package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.core.StringCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.StringCommandBuilder;

/**
 * The string commands of {@link StringCommands}: each builds its command with
 * {@link StringCommandBuilder} and waits for each reply through {@link SyncMode#call}.
 */
interface SyncStrings extends StringCommands, SyncMode {

    /** Shared, stateless. */
    StringCommandBuilder STRINGS = StringCommandBuilder.INSTANCE;

    @Override
    default byte[] get(byte[] key) {
        return call(STRINGS.get(key, BYTES));
    }

    @Override
    default String get(String key) {
        return call(STRINGS.get(key, UTF8));
    }

    @Override
    default void set(byte[] key, byte[] value) {
        call(STRINGS.set(key, value));
    }

    @Override
    default void set(String key, String value) {
        call(STRINGS.set(key, value));
    }

    @Override
    default boolean set(byte[] key, byte[] value, SetArgs args) {
        return call(STRINGS.set(key, value, args));
    }

    @Override
    default boolean set(String key, String value, SetArgs args) {
        return call(STRINGS.set(key, value, args));
    }

    @Override
    default byte[] setGet(byte[] key, byte[] value, SetArgs args) {
        return call(STRINGS.setGet(key, value, args, BYTES));
    }

    @Override
    default String setGet(String key, String value, SetArgs args) {
        return call(STRINGS.setGet(key, value, args, UTF8));
    }

    @Override
    default void mset(byte[]... keysAndValues) {
        call(STRINGS.mset(keysAndValues));
    }

    @Override
    default void mset(String... keysAndValues) {
        call(STRINGS.mset(keysAndValues));
    }

    @Override
    default void mset(Map<String, String> entries) {
        call(STRINGS.mset(entries));
    }

    @Override
    default List<byte[]> mget(byte[]... keys) {
        return call(STRINGS.mget(keys, BYTES));
    }

    @Override
    default List<String> mget(String... keys) {
        return call(STRINGS.mget(keys, UTF8));
    }

    @Override
    default byte[] getex(byte[] key, GetExArgs args) {
        return call(STRINGS.getex(key, args, BYTES));
    }

    @Override
    default String getex(String key, GetExArgs args) {
        return call(STRINGS.getex(key, args, UTF8));
    }

    @Override
    default byte[] getdel(byte[] key) {
        return call(STRINGS.getdel(key, BYTES));
    }

    @Override
    default String getdel(String key) {
        return call(STRINGS.getdel(key, UTF8));
    }

    @Override
    default long incr(byte[] key) {
        return call(STRINGS.incrBy(Keyword.INCR, key, null));
    }

    @Override
    default long incr(String key) {
        return call(STRINGS.incrBy(Keyword.INCR, key, null));
    }

    @Override
    default long incrBy(byte[] key, long increment) {
        return call(STRINGS.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    default long incrBy(String key, long increment) {
        return call(STRINGS.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    default long decr(byte[] key) {
        return call(STRINGS.incrBy(Keyword.DECR, key, null));
    }

    @Override
    default long decr(String key) {
        return call(STRINGS.incrBy(Keyword.DECR, key, null));
    }

    @Override
    default long decrBy(byte[] key, long decrement) {
        return call(STRINGS.incrBy(Keyword.DECRBY, key, decrement));
    }

    @Override
    default long decrBy(String key, long decrement) {
        return call(STRINGS.incrBy(Keyword.DECRBY, key, decrement));
    }
}
