package org.dragonflyclient.core.internal.output;

import org.dragonflyclient.core.RespType;

/**
 * A collection of string values one level deep ({@code MGET}, {@code HGETALL}, {@code SMEMBERS},
 * {@code LRANGE}...): the one place that accepts the top-level aggregate, decodes each element
 * with the form's {@link ValueDecoder}, and refuses anything nested deeper. Subclasses say which
 * aggregate types they accept and what to build. Never pre-sized from the announced length, so a
 * lying server cannot make us allocate for elements it never sends.
 *
 * @param <V> {@code byte[]} or {@code String}
 * @param <R> the collection returned
 */
public abstract class FlatValuesOutput<V, R> extends ReplyOutput<R> {

    /** Turns bytes into values, and makes the maps and sets that suit them. */
    protected final ValueDecoder<V> decoder;

    private boolean open;

    /** @param decoder how bytes become values */
    protected FlatValuesOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    /**
     * @param type a top-level aggregate type
     * @return whether this output reads that type (RESP3 and RESP2 shapes differ)
     */
    protected abstract boolean accepts(RespType type);

    /** The top-level aggregate opened: create the collection. */
    protected abstract void open();

    /**
     * One element, in order.
     *
     * @param value the decoded value, {@code null} for a null element
     */
    protected abstract void add(V value);

    /** The reply is a null instead of an aggregate (RESP2 {@code *-1}); by default nothing to do. */
    protected void nullReply() {}

    @Override
    public void aggregateStart(RespType type, int size) {
        if (depth == 0 && !open && accepts(type)) {
            depth++;
            open = true;
            open();
        } else {
            super.aggregateStart(type, size);
        }
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        element(decoder.decode(buf, offset, length));
    }

    @Override
    public void bulkString(byte[] owned) {
        element(decoder.decodeOwned(owned));
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        element(decoder.decode(buf, offset, length));
    }

    @Override
    public void nullValue() {
        if (depth == 0) {
            nullReply();
        } else {
            element(null);
        }
    }

    private void element(V value) {
        if (!open || depth != 1) {
            unexpected("nested string");
            return;
        }
        add(value);
    }
}
