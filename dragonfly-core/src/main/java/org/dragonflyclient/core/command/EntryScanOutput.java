package org.dragonflyclient.core.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.protocol.RespType;

/**
 * An {@code HSCAN} reply: {@code [cursor, [field, value, field, value, ...]]}, as a page of
 * field/value entries. The cursor stays a string, as in {@link ScanOutput}.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class EntryScanOutput<V> extends ReplyOutput<ScanPage<Map.Entry<V, V>>> {

    private final ValueDecoder<V> decoder;
    private final List<Map.Entry<V, V>> entries = new ArrayList<>();
    private String cursor;
    private V field;

    /** @param decoder how bytes become fields and values */
    public EntryScanOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        if (type == RespType.ARRAY && (depth == 0 || (depth == 1 && cursor != null))) {
            depth++;
        } else {
            super.aggregateStart(type, size);
        }
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        if (depth == 1 && cursor == null) {
            cursor = new String(buf, offset, length, StandardCharsets.US_ASCII);
        } else if (depth == 2) {
            add(decoder.decode(buf, offset, length));
        } else {
            unexpected("bulk string");
        }
    }

    @Override
    public void bulkString(byte[] owned) {
        if (depth == 2) {
            add(decoder.decodeOwned(owned));
        } else {
            unexpected("bulk string");
        }
    }

    @Override
    public void integer(long value) {
        if (depth == 1 && cursor == null) {
            cursor = Long.toUnsignedString(value);
        } else {
            unexpected("integer");
        }
    }

    private void add(V value) {
        if (field == null) {
            field = value;
        } else {
            entries.add(Map.entry(field, value));
            field = null;
        }
    }

    @Override
    protected ScanPage<Map.Entry<V, V>> result() {
        if (cursor == null || field != null) {
            unexpected(cursor == null ? "scan reply without a cursor" : "field without a value");
            return null;
        }
        return new ScanPage<>(cursor, entries);
    }
}
