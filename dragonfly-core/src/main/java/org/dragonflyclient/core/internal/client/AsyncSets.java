package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetAsyncCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.SetCommandBuilder;

/**
 * The set commands of {@link SetAsyncCommands}: each builds its command with
 * {@link SetCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncSets extends SetAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    SetCommandBuilder SETS = SetCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<Long> sadd(byte[] key, byte[]... members) {
        return send(SETS.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    default CompletableFuture<Long> sadd(String key, String... members) {
        return send(SETS.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    default CompletableFuture<Long> srem(byte[] key, byte[]... members) {
        return send(SETS.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    default CompletableFuture<Long> srem(String key, String... members) {
        return send(SETS.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    default CompletableFuture<Set<byte[]>> smembers(byte[] key) {
        return send(SETS.smembers(key, BYTES));
    }

    @Override
    default CompletableFuture<Set<String>> smembers(String key) {
        return send(SETS.smembers(key, UTF8));
    }

    @Override
    default CompletableFuture<Boolean> sismember(byte[] key, byte[] member) {
        return send(SETS.sismember(key, member));
    }

    @Override
    default CompletableFuture<Boolean> sismember(String key, String member) {
        return send(SETS.sismember(key, member));
    }

    @Override
    default CompletableFuture<Long> scard(byte[] key) {
        return send(SETS.scard(key));
    }

    @Override
    default CompletableFuture<Long> scard(String key) {
        return send(SETS.scard(key));
    }

    @Override
    default CompletableFuture<ScanPage<byte[]>> sscan(byte[] key, String cursor, ScanArgs args) {
        return send(SETS.sscan(key, cursor, args, BYTES));
    }

    @Override
    default CompletableFuture<ScanPage<String>> sscan(String key, String cursor, ScanArgs args) {
        return send(SETS.sscan(key, cursor, args, UTF8));
    }
}
