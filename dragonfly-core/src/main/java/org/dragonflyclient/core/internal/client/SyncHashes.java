package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.HashCommands;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.command.HashCommandBuilder;

/**
 * The hash commands of {@link HashCommands}: each builds its command with
 * {@link HashCommandBuilder} and waits for each reply through {@link SyncMode#call}.
 */
interface SyncHashes extends HashCommands, SyncMode {

    /** Shared, stateless. */
    HashCommandBuilder HASHES = HashCommandBuilder.INSTANCE;

    @Override
    default long hset(byte[] key, byte[] field, byte[] value) {
        return call(HASHES.hset(key, field, value));
    }

    @Override
    default long hset(String key, String field, String value) {
        return call(HASHES.hset(key, field, value));
    }

    @Override
    default long hset(byte[] key, Map<byte[], byte[]> fields) {
        return call(HASHES.hset(key, fields));
    }

    @Override
    default long hset(String key, Map<String, String> fields) {
        return call(HASHES.hset(key, fields));
    }

    @Override
    default byte[] hget(byte[] key, byte[] field) {
        return call(HASHES.hget(key, field, BYTES));
    }

    @Override
    default String hget(String key, String field) {
        return call(HASHES.hget(key, field, UTF8));
    }

    @Override
    default List<byte[]> hmget(byte[] key, byte[]... fields) {
        return call(HASHES.hmget(key, fields, BYTES));
    }

    @Override
    default List<String> hmget(String key, String... fields) {
        return call(HASHES.hmget(key, fields, UTF8));
    }

    @Override
    default Map<byte[], byte[]> hgetall(byte[] key) {
        return call(HASHES.hgetall(key, BYTES));
    }

    @Override
    default Map<String, String> hgetall(String key) {
        return call(HASHES.hgetall(key, UTF8));
    }

    @Override
    default long hdel(byte[] key, byte[]... fields) {
        return call(HASHES.hdel(key, fields));
    }

    @Override
    default long hdel(String key, String... fields) {
        return call(HASHES.hdel(key, fields));
    }

    @Override
    default boolean hexists(byte[] key, byte[] field) {
        return call(HASHES.hexists(key, field));
    }

    @Override
    default boolean hexists(String key, String field) {
        return call(HASHES.hexists(key, field));
    }

    @Override
    default long hincrBy(byte[] key, byte[] field, long increment) {
        return call(HASHES.hincrBy(key, field, increment));
    }

    @Override
    default long hincrBy(String key, String field, long increment) {
        return call(HASHES.hincrBy(key, field, increment));
    }

    @Override
    default long hlen(byte[] key) {
        return call(HASHES.hlen(key));
    }

    @Override
    default long hlen(String key) {
        return call(HASHES.hlen(key));
    }

    @Override
    default ScanPage<Map.Entry<byte[], byte[]>> hscan(byte[] key, String cursor, ScanArgs args) {
        return call(HASHES.hscan(key, cursor, args, BYTES));
    }

    @Override
    default ScanPage<Map.Entry<String, String>> hscan(String key, String cursor, ScanArgs args) {
        return call(HASHES.hscan(key, cursor, args, UTF8));
    }
}
