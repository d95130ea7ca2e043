package org.dragonflyclient.core.internal.output;

import org.dragonflyclient.core.KeyValue;
import org.dragonflyclient.core.RespType;

/**
 * A {@code [key, value]} pair, or {@code null} when the server sent a null ({@code BLPOP} and
 * {@code BRPOP} after their timeout).
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class KeyValueOutput<V> extends ReplyOutput<KeyValue<V>> {

    private final ValueDecoder<V> decoder;
    private V key;
    private V value;
    private int count;

    /** @param decoder how bytes become the key and the value */
    public KeyValueOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        if (depth == 0 && type == RespType.ARRAY && size == 2) {
            depth++;
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

    private void add(V element) {
        if (depth != 1) {
            unexpected("bulk string");
        } else if (count++ == 0) {
            key = element;
        } else {
            value = element;
        }
    }

    @Override
    public void nullValue() {
        if (depth != 0) {
            unexpected("null element");
        }
    }

    @Override
    public KeyValue<V> result() {
        return count == 2 ? new KeyValue<>(key, value) : null;
    }
}
