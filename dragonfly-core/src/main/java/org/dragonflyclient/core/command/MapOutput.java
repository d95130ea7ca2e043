package org.dragonflyclient.core.command;

import java.util.Map;

import org.dragonflyclient.core.protocol.RespType;

/**
 * A map of string values: a RESP3 map ({@code %}) or a RESP2 flat array of key, value, key,
 * value ({@code HGETALL}). The map comes from {@link ValueDecoder#newMap()}, so the binary form
 * finds {@code byte[]} keys by content. An empty reply is an empty map, never {@code null}.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class MapOutput<V> extends ReplyOutput<Map<V, V>> {

    private final ValueDecoder<V> decoder;
    private Map<V, V> map;
    private V key;
    private boolean haveKey;

    /** @param decoder how bytes become keys and values, and which map holds them */
    public MapOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        if (depth == 0 && map == null && (type == RespType.MAP || type == RespType.ARRAY)) {
            depth++;
            map = decoder.newMap();
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
        if (map == null || depth != 1) {
            unexpected("nested string");
        } else if (!haveKey) {
            key = value;
            haveKey = true;
        } else {
            map.put(key, value);
            haveKey = false;
        }
    }

    @Override
    protected Map<V, V> result() {
        if (haveKey) {
            unexpected("key without a value");
        }
        return map == null ? decoder.newMap() : map;
    }
}
