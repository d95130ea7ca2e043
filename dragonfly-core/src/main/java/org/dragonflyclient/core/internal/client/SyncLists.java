package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.time.Duration;
import java.util.List;

import org.dragonflyclient.core.KeyValue;
import org.dragonflyclient.core.ListCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ListCommandBuilder;

/**
 * The list commands of {@link ListCommands}: each builds its command with
 * {@link ListCommandBuilder} and waits for each reply through {@link SyncMode#call}.
 */
interface SyncLists extends ListCommands, SyncMode {

    /** Shared, stateless. */
    ListCommandBuilder LISTS = ListCommandBuilder.INSTANCE;

    @Override
    default long lpush(byte[] key, byte[]... values) {
        return call(LISTS.push(Keyword.LPUSH, key, values));
    }

    @Override
    default long lpush(String key, String... values) {
        return call(LISTS.push(Keyword.LPUSH, key, values));
    }

    @Override
    default long rpush(byte[] key, byte[]... values) {
        return call(LISTS.push(Keyword.RPUSH, key, values));
    }

    @Override
    default long rpush(String key, String... values) {
        return call(LISTS.push(Keyword.RPUSH, key, values));
    }

    @Override
    default byte[] lpop(byte[] key) {
        return call(LISTS.pop(Keyword.LPOP, key, BYTES));
    }

    @Override
    default String lpop(String key) {
        return call(LISTS.pop(Keyword.LPOP, key, UTF8));
    }

    @Override
    default List<byte[]> lpop(byte[] key, long count) {
        return call(LISTS.pop(Keyword.LPOP, key, count, BYTES));
    }

    @Override
    default List<String> lpop(String key, long count) {
        return call(LISTS.pop(Keyword.LPOP, key, count, UTF8));
    }

    @Override
    default byte[] rpop(byte[] key) {
        return call(LISTS.pop(Keyword.RPOP, key, BYTES));
    }

    @Override
    default String rpop(String key) {
        return call(LISTS.pop(Keyword.RPOP, key, UTF8));
    }

    @Override
    default List<byte[]> rpop(byte[] key, long count) {
        return call(LISTS.pop(Keyword.RPOP, key, count, BYTES));
    }

    @Override
    default List<String> rpop(String key, long count) {
        return call(LISTS.pop(Keyword.RPOP, key, count, UTF8));
    }

    @Override
    default List<byte[]> lrange(byte[] key, long start, long stop) {
        return call(LISTS.lrange(key, start, stop, BYTES));
    }

    @Override
    default List<String> lrange(String key, long start, long stop) {
        return call(LISTS.lrange(key, start, stop, UTF8));
    }

    @Override
    default long llen(byte[] key) {
        return call(LISTS.llen(key));
    }

    @Override
    default long llen(String key) {
        return call(LISTS.llen(key));
    }

    @Override
    default KeyValue<byte[]> blpop(Duration timeout, byte[]... keys) {
        return callBlocking(LISTS.blockingPop(Keyword.BLPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    default KeyValue<String> blpop(Duration timeout, String... keys) {
        return callBlocking(LISTS.blockingPop(Keyword.BLPOP, timeout, keys, UTF8), timeout);
    }

    @Override
    default KeyValue<byte[]> brpop(Duration timeout, byte[]... keys) {
        return callBlocking(LISTS.blockingPop(Keyword.BRPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    default KeyValue<String> brpop(Duration timeout, String... keys) {
        return callBlocking(LISTS.blockingPop(Keyword.BRPOP, timeout, keys, UTF8), timeout);
    }
}
