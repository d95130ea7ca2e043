package org.dragonflyclient.core.internal.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.output.BooleanOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ScanOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;

/**
 * Builds the commands on keys of any type ({@code DEL}, {@code EXPIRE}, {@code SCAN}, ...), once for the synchronous, asynchronous,
 * pipelined and transactional APIs: they differ only in what they do with the command. The binary
 * and text forms differ only in their {@link ValueDecoder}.
 */
public final class KeyCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final KeyCommandBuilder INSTANCE = new KeyCommandBuilder();

    private KeyCommandBuilder() {}

    /**
     * A command over keys that answers a count: {@code DEL}, {@code UNLINK}, {@code EXISTS}.
     *
     * @param name the command name
     * @param keys the keys
     * @return the command
     */
    public Command<Long> count(byte[] name, Object[] keys) {
        return new Command<>(name, Arguments.keys(keys, new String(name, StandardCharsets.US_ASCII)), new LongOutput());
    }

    /**
     * {@code EXPIRE} or {@code PEXPIRE}.
     *
     * @param name the command name
     * @param key the key
     * @param amount seconds or milliseconds
     * @return the command
     */
    public Command<Boolean> expire(byte[] name, Object key, long amount) {
        return new Command<>(name, new Object[] {Arguments.key(key), amount}, new BooleanOutput());
    }

    /**
     * A command on one key that answers an integer: {@code TTL}, {@code PTTL}.
     *
     * @param name the command name
     * @param key the key
     * @return the command
     */
    public Command<Long> keyToLong(byte[] name, Object key) {
        return new Command<>(name, new Object[] {Arguments.key(key)}, new LongOutput());
    }

    /**
     * {@code PERSIST key}.
     *
     * @param key the key
     * @return the command
     */
    public Command<Boolean> persist(Object key) {
        return new Command<>(Keyword.PERSIST, new Object[] {Arguments.key(key)}, new BooleanOutput());
    }

    /**
     * {@code SCAN cursor [options]}.
     *
     * @param cursor the cursor
     * @param args the options, {@code null} for none
     * @param decoder how keys are decoded
     * @param <K> the key type
     * @return the command
     */
    public <K> Command<ScanPage<K>> scan(String cursor, ScanArgs args, ValueDecoder<K> decoder) {
        if (cursor == null || cursor.isEmpty()) {
            throw new IllegalArgumentException(
                    "SCAN cursor must be \"0\" to start, or the cursor of the previous page");
        }
        return new Command<>(
                Keyword.SCAN,
                Arguments.scanOptions(new ArrayList<>(7), cursor, args).toArray(),
                new ScanOutput<>(decoder));
    }
}
