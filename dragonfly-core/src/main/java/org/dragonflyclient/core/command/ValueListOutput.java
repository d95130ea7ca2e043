package org.dragonflyclient.core.command;

import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.protocol.RespType;

/**
 * An array of string values where absent ones are {@code null}: {@code MGET}, and the key list
 * inside a {@code SCAN} reply. Never pre-sized beyond a small bound from the announced length, so a
 * lying server cannot make us allocate for elements it never sends.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class ValueListOutput<V> extends ReplyOutput<List<V>> {

    private static final int MAX_PRESIZE = 1024;

    private final ValueDecoder<V> decoder;
    private List<V> values;

    /** @param decoder how bytes become the element type */
    public ValueListOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        if (depth == 0 && values == null && (type == RespType.ARRAY || type == RespType.SET)) {
            depth++;
            values = new ArrayList<>(Math.min(size, MAX_PRESIZE));
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

    @Override
    public void nullValue() {
        if (depth == 0) {
            values = null; // a null array (RESP2 *-1)
        } else {
            add(null);
        }
    }

    private void add(V value) {
        if (values == null || depth != 1) {
            unexpected("nested string");
            return;
        }
        values.add(value);
    }

    @Override
    protected List<V> result() {
        return values;
    }
}
