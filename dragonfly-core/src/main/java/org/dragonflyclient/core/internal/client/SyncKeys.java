package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import org.dragonflyclient.core.KeyCommands;
import org.dragonflyclient.core.KeyScanner;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.command.KeyCommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;

/**
 * The key commands of {@link KeyCommands}: each builds its command with
 * {@link KeyCommandBuilder} and waits for each reply through {@link SyncMode#call}.
 */
interface SyncKeys extends KeyCommands, SyncMode {

    /** Shared, stateless. */
    KeyCommandBuilder KEYS = KeyCommandBuilder.INSTANCE;

    @Override
    default long del(byte[]... keys) {
        return call(KEYS.count(Keyword.DEL, keys));
    }

    @Override
    default long del(String... keys) {
        return call(KEYS.count(Keyword.DEL, keys));
    }

    @Override
    default long unlink(byte[]... keys) {
        return call(KEYS.count(Keyword.UNLINK, keys));
    }

    @Override
    default long unlink(String... keys) {
        return call(KEYS.count(Keyword.UNLINK, keys));
    }

    @Override
    default long exists(byte[]... keys) {
        return call(KEYS.count(Keyword.EXISTS, keys));
    }

    @Override
    default long exists(String... keys) {
        return call(KEYS.count(Keyword.EXISTS, keys));
    }

    @Override
    default boolean expire(byte[] key, long seconds) {
        return call(KEYS.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    default boolean expire(String key, long seconds) {
        return call(KEYS.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    default boolean pexpire(byte[] key, long millis) {
        return call(KEYS.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    default boolean pexpire(String key, long millis) {
        return call(KEYS.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    default long ttl(byte[] key) {
        return call(KEYS.keyToLong(Keyword.TTL, key));
    }

    @Override
    default long ttl(String key) {
        return call(KEYS.keyToLong(Keyword.TTL, key));
    }

    @Override
    default long pttl(byte[] key) {
        return call(KEYS.keyToLong(Keyword.PTTL, key));
    }

    @Override
    default long pttl(String key) {
        return call(KEYS.keyToLong(Keyword.PTTL, key));
    }

    @Override
    default boolean persist(byte[] key) {
        return call(KEYS.persist(key));
    }

    @Override
    default boolean persist(String key) {
        return call(KEYS.persist(key));
    }

    @Override
    default KeyScanner<String> scan(ScanArgs args) {
        return new KeyScanner<>(cursor -> scan(cursor, args));
    }

    @Override
    default KeyScanner<byte[]> scanBinary(ScanArgs args) {
        return new KeyScanner<>(cursor -> scanBinary(cursor, args));
    }

    @Override
    default ScanPage<String> scan(String cursor, ScanArgs args) {
        return call(KEYS.scan(cursor, args, UTF8));
    }

    @Override
    default ScanPage<byte[]> scanBinary(String cursor, ScanArgs args) {
        return call(KEYS.scan(cursor, args, BYTES));
    }
}
