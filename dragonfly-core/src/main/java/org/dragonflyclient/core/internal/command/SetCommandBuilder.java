package org.dragonflyclient.core.internal.command;

import java.util.Set;

import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.output.BooleanOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ScanOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueSetOutput;

/** Builds the set commands ({@code SADD}, {@code SMEMBERS}, ...). */
public final class SetCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final SetCommandBuilder INSTANCE = new SetCommandBuilder();

    private SetCommandBuilder() {}

    /**
     * {@code SADD} or {@code SREM key member [member ...]}.
     *
     * @param name {@link Keyword#SADD} or {@link Keyword#SREM}
     * @param key the key
     * @param members the members
     * @return the command, answering how many members were added or removed
     */
    public Command<Long> addOrRemove(byte[] name, Object key, Object[] members) {
        return new Command<>(
                name, Arguments.keyAndItems(key, members, Keyword.nameOf(name), "member"), new LongOutput());
    }

    /**
     * {@code SMEMBERS key}.
     *
     * @param key the key
     * @param decoder how members are decoded, and which set holds them
     * @param <V> the member type
     * @return the command
     */
    public <V> Command<Set<V>> smembers(Object key, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.SMEMBERS, new Object[] {Arguments.key(key)}, new ValueSetOutput<>(decoder));
    }

    /**
     * {@code SISMEMBER key member}.
     *
     * @param key the key
     * @param member the member
     * @return the command
     */
    public Command<Boolean> sismember(Object key, Object member) {
        return new Command<>(
                Keyword.SISMEMBER,
                new Object[] {Arguments.key(key), Arguments.notNull(member, "member")},
                new BooleanOutput());
    }

    /**
     * {@code SCARD key}.
     *
     * @param key the key
     * @return the command
     */
    public Command<Long> scard(Object key) {
        return new Command<>(Keyword.SCARD, new Object[] {Arguments.key(key)}, new LongOutput());
    }

    /**
     * {@code SSCAN key cursor [MATCH pattern] [COUNT count]}.
     *
     * @param key the key
     * @param cursor {@code "0"} to start, then the previous page's cursor
     * @param args pattern and page size, {@code null} for none
     * @param decoder how members are decoded
     * @param <V> the member type
     * @return the command
     */
    public <V> Command<ScanPage<V>> sscan(Object key, String cursor, ScanArgs args, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.SSCAN, Arguments.keyScan(key, cursor, args, "SSCAN"), new ScanOutput<>(decoder));
    }
}
