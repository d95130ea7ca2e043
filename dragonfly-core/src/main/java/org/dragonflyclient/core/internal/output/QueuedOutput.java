package org.dragonflyclient.core.internal.output;

/**
 * The answer to a command sent between {@code MULTI} and {@code EXEC}: {@code +QUEUED}, or an
 * error when the server refused to queue it (unknown command, wrong number of arguments), which
 * then makes {@code EXEC} fail with {@code EXECABORT}.
 */
public final class QueuedOutput extends ReplyOutput<Void> {

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        // +QUEUED (or +OK for MULTI itself): nothing to keep.
    }

    @Override
    public Void result() {
        return null;
    }
}
