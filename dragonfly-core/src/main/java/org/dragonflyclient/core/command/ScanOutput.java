package org.dragonflyclient.core.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.protocol.RespType;

/**
 * A {@code SCAN}-family reply: {@code [cursor, [key, key, ...]]}. The cursor stays a string:
 * Dragonfly's cursors can exceed a signed 64-bit integer.
 *
 * @param <K> {@code byte[]} or {@code String}
 */
public final class ScanOutput<K> extends ReplyOutput<ScanPage<K>> {

    private final ValueDecoder<K> decoder;
    private String cursor;
    private final List<K> keys = new ArrayList<>();

    /** @param decoder how key bytes become the key type */
    public ScanOutput(ValueDecoder<K> decoder) {
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
            keys.add(decoder.decode(buf, offset, length));
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

    @Override
    protected ScanPage<K> result() {
        if (cursor == null) {
            unexpected("scan reply without a cursor");
            return null;
        }
        return new ScanPage<>(cursor, keys);
    }
}
