package org.dragonflyclient.core.command;

import java.util.Set;

import org.dragonflyclient.core.protocol.RespType;

/**
 * A set of string values: a RESP3 set ({@code ~}) or a RESP2 array ({@code SMEMBERS}). The set
 * comes from {@link ValueDecoder#newSet()}, so the binary form finds {@code byte[]} members by
 * content. An empty reply is an empty set, never {@code null}.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class ValueSetOutput<V> extends ReplyOutput<Set<V>> {

    private final ValueDecoder<V> decoder;
    private Set<V> values;

    /** @param decoder how bytes become members, and which set holds them */
    public ValueSetOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        if (depth == 0 && values == null && (type == RespType.SET || type == RespType.ARRAY)) {
            depth++;
            values = decoder.newSet();
        } else {
            super.aggregateStart(type, size);
        }
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        add(decoder.decode(buf, offset, length));
    }

    @Override
    public void bulkString(byte[] owned) {
        add(decoder.decodeOwned(owned));
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        add(decoder.decode(buf, offset, length));
    }

    private void add(V value) {
        if (values == null || depth != 1) {
            unexpected("nested string");
        } else {
            values.add(value);
        }
    }

    @Override
    protected Set<V> result() {
        return values == null ? decoder.newSet() : values;
    }
}
