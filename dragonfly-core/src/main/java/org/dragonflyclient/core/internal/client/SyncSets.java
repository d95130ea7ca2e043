package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.Set;

import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.SetCommandBuilder;

/**
 * The set commands of {@link SetCommands}: each builds its command with
 * {@link SetCommandBuilder} and waits for each reply through {@link SyncMode#call}.
 */
interface SyncSets extends SetCommands, SyncMode {

    /** Shared, stateless. */
    SetCommandBuilder SETS = SetCommandBuilder.INSTANCE;

    @Override
    default long sadd(byte[] key, byte[]... members) {
        return call(SETS.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    default long sadd(String key, String... members) {
        return call(SETS.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    default long srem(byte[] key, byte[]... members) {
        return call(SETS.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    default long srem(String key, String... members) {
        return call(SETS.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    default Set<byte[]> smembers(byte[] key) {
        return call(SETS.smembers(key, BYTES));
    }

    @Override
    default Set<String> smembers(String key) {
        return call(SETS.smembers(key, UTF8));
    }

    @Override
    default boolean sismember(byte[] key, byte[] member) {
        return call(SETS.sismember(key, member));
    }

    @Override
    default boolean sismember(String key, String member) {
        return call(SETS.sismember(key, member));
    }

    @Override
    default long scard(byte[] key) {
        return call(SETS.scard(key));
    }

    @Override
    default long scard(String key) {
        return call(SETS.scard(key));
    }

    @Override
    default ScanPage<byte[]> sscan(byte[] key, String cursor, ScanArgs args) {
        return call(SETS.sscan(key, cursor, args, BYTES));
    }

    @Override
    default ScanPage<String> sscan(String key, String cursor, ScanArgs args) {
        return call(SETS.sscan(key, cursor, args, UTF8));
    }
}
