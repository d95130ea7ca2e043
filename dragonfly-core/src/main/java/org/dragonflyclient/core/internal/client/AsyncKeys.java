package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.KeyAsyncCommands;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.command.KeyCommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;

/**
 * The key commands of {@link KeyAsyncCommands}: each builds its command with
 * {@link KeyCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncKeys extends KeyAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    KeyCommandBuilder KEYS = KeyCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<Long> del(byte[]... keys) {
        return send(KEYS.count(Keyword.DEL, keys));
    }

    @Override
    default CompletableFuture<Long> del(String... keys) {
        return send(KEYS.count(Keyword.DEL, keys));
    }

    @Override
    default CompletableFuture<Long> unlink(byte[]... keys) {
        return send(KEYS.count(Keyword.UNLINK, keys));
    }

    @Override
    default CompletableFuture<Long> unlink(String... keys) {
        return send(KEYS.count(Keyword.UNLINK, keys));
    }

    @Override
    default CompletableFuture<Long> exists(byte[]... keys) {
        return send(KEYS.count(Keyword.EXISTS, keys));
    }

    @Override
    default CompletableFuture<Long> exists(String... keys) {
        return send(KEYS.count(Keyword.EXISTS, keys));
    }

    @Override
    default CompletableFuture<Boolean> expire(byte[] key, long seconds) {
        return send(KEYS.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    default CompletableFuture<Boolean> expire(String key, long seconds) {
        return send(KEYS.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    default CompletableFuture<Boolean> pexpire(byte[] key, long millis) {
        return send(KEYS.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    default CompletableFuture<Boolean> pexpire(String key, long millis) {
        return send(KEYS.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    default CompletableFuture<Long> ttl(byte[] key) {
        return send(KEYS.keyToLong(Keyword.TTL, key));
    }

    @Override
    default CompletableFuture<Long> ttl(String key) {
        return send(KEYS.keyToLong(Keyword.TTL, key));
    }

    @Override
    default CompletableFuture<Long> pttl(byte[] key) {
        return send(KEYS.keyToLong(Keyword.PTTL, key));
    }

    @Override
    default CompletableFuture<Long> pttl(String key) {
        return send(KEYS.keyToLong(Keyword.PTTL, key));
    }

    @Override
    default CompletableFuture<Boolean> persist(byte[] key) {
        return send(KEYS.persist(key));
    }

    @Override
    default CompletableFuture<Boolean> persist(String key) {
        return send(KEYS.persist(key));
    }

    @Override
    default CompletableFuture<ScanPage<String>> scan(String cursor, ScanArgs args) {
        return send(KEYS.scan(cursor, args, UTF8));
    }

    @Override
    default CompletableFuture<ScanPage<byte[]>> scanBinary(String cursor, ScanArgs args) {
        return send(KEYS.scan(cursor, args, BYTES));
    }
}
