package org.dragonflyclient.core.internal.output;

import java.util.Map;

import org.dragonflyclient.core.RespType;

/**
 * A map of string values: a RESP3 map ({@code %}) or a RESP2 flat array of key, value, key,
 * value ({@code HGETALL}). The map comes from {@link ValueDecoder#newMap()}, so the binary form
 * finds {@code byte[]} keys by content. An empty reply is an empty map, never {@code null}.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class MapOutput<V> extends FlatValuesOutput<V, Map<V, V>> {

    private Map<V, V> map;
    private V key;
    private boolean haveKey;

    /** @param decoder how bytes become keys and values, and which map holds them */
    public MapOutput(ValueDecoder<V> decoder) {
        super(decoder);
    }

    @Override
    protected boolean accepts(RespType type) {
        return type == RespType.MAP || type == RespType.ARRAY;
    }

    @Override
    protected void open() {
        map = decoder.newMap();
    }

    @Override
    protected void add(V value) {
        if (!haveKey) {
            key = value;
            haveKey = true;
        } else {
            map.put(key, value);
            haveKey = false;
        }
    }

    @Override
    public Map<V, V> result() {
        if (haveKey) {
            unexpected("key without a value");
        }
        return map == null ? decoder.newMap() : map;
    }
}
