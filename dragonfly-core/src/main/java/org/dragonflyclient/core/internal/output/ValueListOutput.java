package org.dragonflyclient.core.internal.output;

import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.RespType;

/**
 * A list of string values where absent ones are {@code null} ({@code MGET}, {@code LRANGE},
 * {@code HMGET}...); a null reply is a {@code null} list.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class ValueListOutput<V> extends FlatValuesOutput<V, List<V>> {

    private List<V> values;

    /** @param decoder how bytes become the element type */
    public ValueListOutput(ValueDecoder<V> decoder) {
        super(decoder);
    }

    @Override
    protected boolean accepts(RespType type) {
        return type == RespType.ARRAY || type == RespType.SET;
    }

    @Override
    protected void open() {
        values = new ArrayList<>();
    }

    @Override
    protected void add(V value) {
        values.add(value);
    }

    @Override
    public ValueListOutput<V> fresh() {
        return new ValueListOutput<>(decoder);
    }

    @Override
    public List<V> result() {
        return values;
    }
}
