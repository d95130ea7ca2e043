package org.dragonflyclient.core.internal.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.RespType;
import org.dragonflyclient.core.ScanPage;

/**
 * A {@code SCAN}-family reply: {@code [cursor, [element, element, ...]]}, the one place that reads
 * the cursor and the array around the elements. The cursor stays a string: Dragonfly's cursors can
 * exceed a signed 64-bit integer. Subclasses turn the decoded elements into the page's entries.
 *
 * @param <V> {@code byte[]} or {@code String}
 * @param <E> what the page holds: keys, members, or field/value entries
 */
public abstract class CursorPageOutput<V, E> extends ReplyOutput<ScanPage<E>> {

    /** Turns bytes into values. */
    protected final ValueDecoder<V> decoder;
    /** The page's entries, in the server's order. */
    protected final List<E> entries = new ArrayList<>();

    private String cursor;

    /** @param decoder how bytes become values */
    protected CursorPageOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    /**
     * One element of the page's array, in order.
     *
     * @param value the decoded element
     */
    protected abstract void element(V value);

    /** @return why the elements do not make whole entries, or {@code null} when they do */
    protected String incomplete() {
        return null;
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
            element(decoder.decode(buf, offset, length));
        } else {
            unexpected("bulk string");
        }
    }

    @Override
    public void bulkString(byte[] owned) {
        if (depth == 2) {
            element(decoder.decodeOwned(owned));
        } else {
            bulkString(owned, 0, owned.length);
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
    public ScanPage<E> result() {
        if (cursor == null) {
            unexpected("scan reply without a cursor");
            return null;
        }
        String problem = incomplete();
        if (problem != null) {
            unexpected(problem);
        }
        return new ScanPage<>(cursor, entries);
    }
}
