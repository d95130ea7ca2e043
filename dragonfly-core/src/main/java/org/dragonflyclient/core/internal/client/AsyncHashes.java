package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.HashAsyncCommands;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.command.HashCommandBuilder;

/**
 * The hash commands of {@link HashAsyncCommands}: each builds its command with
 * {@link HashCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncHashes extends HashAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    HashCommandBuilder HASHES = HashCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<Long> hset(byte[] key, byte[] field, byte[] value) {
        return send(HASHES.hset(key, field, value));
    }

    @Override
    default CompletableFuture<Long> hset(String key, String field, String value) {
        return send(HASHES.hset(key, field, value));
    }

    @Override
    default CompletableFuture<Long> hset(byte[] key, Map<byte[], byte[]> fields) {
        return send(HASHES.hset(key, fields));
    }

    @Override
    default CompletableFuture<Long> hset(String key, Map<String, String> fields) {
        return send(HASHES.hset(key, fields));
    }

    @Override
    default CompletableFuture<byte[]> hget(byte[] key, byte[] field) {
        return send(HASHES.hget(key, field, BYTES));
    }

    @Override
    default CompletableFuture<String> hget(String key, String field) {
        return send(HASHES.hget(key, field, UTF8));
    }

    @Override
    default CompletableFuture<List<byte[]>> hmget(byte[] key, byte[]... fields) {
        return send(HASHES.hmget(key, fields, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> hmget(String key, String... fields) {
        return send(HASHES.hmget(key, fields, UTF8));
    }

    @Override
    default CompletableFuture<Map<byte[], byte[]>> hgetall(byte[] key) {
        return send(HASHES.hgetall(key, BYTES));
    }

    @Override
    default CompletableFuture<Map<String, String>> hgetall(String key) {
        return send(HASHES.hgetall(key, UTF8));
    }

    @Override
    default CompletableFuture<Long> hdel(byte[] key, byte[]... fields) {
        return send(HASHES.hdel(key, fields));
    }

    @Override
    default CompletableFuture<Long> hdel(String key, String... fields) {
        return send(HASHES.hdel(key, fields));
    }

    @Override
    default CompletableFuture<Boolean> hexists(byte[] key, byte[] field) {
        return send(HASHES.hexists(key, field));
    }

    @Override
    default CompletableFuture<Boolean> hexists(String key, String field) {
        return send(HASHES.hexists(key, field));
    }

    @Override
    default CompletableFuture<Long> hincrBy(byte[] key, byte[] field, long increment) {
        return send(HASHES.hincrBy(key, field, increment));
    }

    @Override
    default CompletableFuture<Long> hincrBy(String key, String field, long increment) {
        return send(HASHES.hincrBy(key, field, increment));
    }

    @Override
    default CompletableFuture<Long> hlen(byte[] key) {
        return send(HASHES.hlen(key));
    }

    @Override
    default CompletableFuture<Long> hlen(String key) {
        return send(HASHES.hlen(key));
    }

    @Override
    default CompletableFuture<ScanPage<Map.Entry<byte[], byte[]>>> hscan(byte[] key, String cursor, ScanArgs args) {
        return send(HASHES.hscan(key, cursor, args, BYTES));
    }

    @Override
    default CompletableFuture<ScanPage<Map.Entry<String, String>>> hscan(String key, String cursor, ScanArgs args) {
        return send(HASHES.hscan(key, cursor, args, UTF8));
    }
}
