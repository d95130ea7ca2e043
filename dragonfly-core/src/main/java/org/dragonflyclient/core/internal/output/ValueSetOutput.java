package org.dragonflyclient.core.internal.output;

import java.util.Set;

import org.dragonflyclient.core.RespType;

/**
 * A set of string values: a RESP3 set ({@code ~}) or a RESP2 array ({@code SMEMBERS}). The set
 * comes from {@link ValueDecoder#newSet()}, so the binary form finds {@code byte[]} members by
 * content. An empty reply is an empty set, never {@code null}.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class ValueSetOutput<V> extends FlatValuesOutput<V, Set<V>> {

    private Set<V> values;

    /** @param decoder how bytes become members, and which set holds them */
    public ValueSetOutput(ValueDecoder<V> decoder) {
        super(decoder);
    }

    @Override
    protected boolean accepts(RespType type) {
        return type == RespType.SET || type == RespType.ARRAY;
    }

    @Override
    protected void open() {
        values = decoder.newSet();
    }

    @Override
    protected void add(V value) {
        values.add(value);
    }

    @Override
    public Set<V> result() {
        return values == null ? decoder.newSet() : values;
    }
}
