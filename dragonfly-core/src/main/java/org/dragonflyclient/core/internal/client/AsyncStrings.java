package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.core.StringAsyncCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.StringCommandBuilder;

/**
 * The string commands of {@link StringAsyncCommands}: each builds its command with
 * {@link StringCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncStrings extends StringAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    StringCommandBuilder STRINGS = StringCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<byte[]> get(byte[] key) {
        return send(STRINGS.get(key, BYTES));
    }

    @Override
    default CompletableFuture<String> get(String key) {
        return send(STRINGS.get(key, UTF8));
    }

    @Override
    default CompletableFuture<Void> set(byte[] key, byte[] value) {
        return send(STRINGS.set(key, value));
    }

    @Override
    default CompletableFuture<Void> set(String key, String value) {
        return send(STRINGS.set(key, value));
    }

    @Override
    default CompletableFuture<Boolean> set(byte[] key, byte[] value, SetArgs args) {
        return send(STRINGS.set(key, value, args));
    }

    @Override
    default CompletableFuture<Boolean> set(String key, String value, SetArgs args) {
        return send(STRINGS.set(key, value, args));
    }

    @Override
    default CompletableFuture<byte[]> setGet(byte[] key, byte[] value, SetArgs args) {
        return send(STRINGS.setGet(key, value, args, BYTES));
    }

    @Override
    default CompletableFuture<String> setGet(String key, String value, SetArgs args) {
        return send(STRINGS.setGet(key, value, args, UTF8));
    }

    @Override
    default CompletableFuture<Void> mset(byte[]... keysAndValues) {
        return send(STRINGS.mset(keysAndValues));
    }

    @Override
    default CompletableFuture<Void> mset(String... keysAndValues) {
        return send(STRINGS.mset(keysAndValues));
    }

    @Override
    default CompletableFuture<Void> mset(Map<String, String> entries) {
        return send(STRINGS.mset(entries));
    }

    @Override
    default CompletableFuture<List<byte[]>> mget(byte[]... keys) {
        return send(STRINGS.mget(keys, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> mget(String... keys) {
        return send(STRINGS.mget(keys, UTF8));
    }

    @Override
    default CompletableFuture<byte[]> getex(byte[] key, GetExArgs args) {
        return send(STRINGS.getex(key, args, BYTES));
    }

    @Override
    default CompletableFuture<String> getex(String key, GetExArgs args) {
        return send(STRINGS.getex(key, args, UTF8));
    }

    @Override
    default CompletableFuture<byte[]> getdel(byte[] key) {
        return send(STRINGS.getdel(key, BYTES));
    }

    @Override
    default CompletableFuture<String> getdel(String key) {
        return send(STRINGS.getdel(key, UTF8));
    }

    @Override
    default CompletableFuture<Long> incr(byte[] key) {
        return send(STRINGS.incrBy(Keyword.INCR, key, null));
    }

    @Override
    default CompletableFuture<Long> incr(String key) {
        return send(STRINGS.incrBy(Keyword.INCR, key, null));
    }

    @Override
    default CompletableFuture<Long> incrBy(byte[] key, long increment) {
        return send(STRINGS.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    default CompletableFuture<Long> incrBy(String key, long increment) {
        return send(STRINGS.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    default CompletableFuture<Long> decr(byte[] key) {
        return send(STRINGS.incrBy(Keyword.DECR, key, null));
    }

    @Override
    default CompletableFuture<Long> decr(String key) {
        return send(STRINGS.incrBy(Keyword.DECR, key, null));
    }

    @Override
    default CompletableFuture<Long> decrBy(byte[] key, long decrement) {
        return send(STRINGS.incrBy(Keyword.DECRBY, key, decrement));
    }

    @Override
    default CompletableFuture<Long> decrBy(String key, long decrement) {
        return send(STRINGS.incrBy(Keyword.DECRBY, key, decrement));
    }
}
