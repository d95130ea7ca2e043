package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.ListAsyncCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ListCommandBuilder;

/**
 * The list commands of {@link ListAsyncCommands}: each builds its command with
 * {@link ListCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncLists extends ListAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    ListCommandBuilder LISTS = ListCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<Long> lpush(byte[] key, byte[]... values) {
        return send(LISTS.push(Keyword.LPUSH, key, values));
    }

    @Override
    default CompletableFuture<Long> lpush(String key, String... values) {
        return send(LISTS.push(Keyword.LPUSH, key, values));
    }

    @Override
    default CompletableFuture<Long> rpush(byte[] key, byte[]... values) {
        return send(LISTS.push(Keyword.RPUSH, key, values));
    }

    @Override
    default CompletableFuture<Long> rpush(String key, String... values) {
        return send(LISTS.push(Keyword.RPUSH, key, values));
    }

    @Override
    default CompletableFuture<byte[]> lpop(byte[] key) {
        return send(LISTS.pop(Keyword.LPOP, key, BYTES));
    }

    @Override
    default CompletableFuture<String> lpop(String key) {
        return send(LISTS.pop(Keyword.LPOP, key, UTF8));
    }

    @Override
    default CompletableFuture<List<byte[]>> lpop(byte[] key, long count) {
        return send(LISTS.pop(Keyword.LPOP, key, count, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> lpop(String key, long count) {
        return send(LISTS.pop(Keyword.LPOP, key, count, UTF8));
    }

    @Override
    default CompletableFuture<byte[]> rpop(byte[] key) {
        return send(LISTS.pop(Keyword.RPOP, key, BYTES));
    }

    @Override
    default CompletableFuture<String> rpop(String key) {
        return send(LISTS.pop(Keyword.RPOP, key, UTF8));
    }

    @Override
    default CompletableFuture<List<byte[]>> rpop(byte[] key, long count) {
        return send(LISTS.pop(Keyword.RPOP, key, count, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> rpop(String key, long count) {
        return send(LISTS.pop(Keyword.RPOP, key, count, UTF8));
    }

    @Override
    default CompletableFuture<List<byte[]>> lrange(byte[] key, long start, long stop) {
        return send(LISTS.lrange(key, start, stop, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> lrange(String key, long start, long stop) {
        return send(LISTS.lrange(key, start, stop, UTF8));
    }

    @Override
    default CompletableFuture<Long> llen(byte[] key) {
        return send(LISTS.llen(key));
    }

    @Override
    default CompletableFuture<Long> llen(String key) {
        return send(LISTS.llen(key));
    }
}
