package org.dragonflyclient.core.internal.output;

/** A reply that only says "done", such as {@code +OK}; its value is {@code null}. */
public final class VoidOutput extends ReplyOutput<Void> {

    @Override
    public VoidOutput fresh() {
        return new VoidOutput();
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        // +OK: nothing to keep.
    }

    @Override
    public Void result() {
        return null;
    }
}
