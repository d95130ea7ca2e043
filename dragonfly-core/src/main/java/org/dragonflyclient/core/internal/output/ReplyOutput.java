package org.dragonflyclient.core.internal.output;

import java.nio.charset.StandardCharsets;

import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.RespType;
import org.dragonflyclient.core.internal.command.ServerErrors;
import org.dragonflyclient.core.internal.resp.ReplySink;

/**
 * Decodes one reply into a value of type {@code T}. Each subclass overrides the callbacks of the
 * reply types it accepts; every other type fails the command with a message that names both
 * types, while the decoder keeps reading the frame to its end so the stream stays in step.
 *
 * <p>A top-level error reply fails the command with a {@link
 * org.dragonflyclient.core.DragonflyServerException}; the connection stays usable.
 *
 * @param <T> the decoded value's type
 */
public abstract class ReplyOutput<T> implements ReplySink {

    private RuntimeException failure;
    /** Aggregate nesting level of the callback being handled: 0 for the top-level value. */
    protected int depth;

    /** @return the decoded value, once the frame is complete */
    public abstract T result();

    /** @return the first failure met while decoding, or {@code null} */
    public final RuntimeException failure() {
        return failure;
    }

    /**
     * Forgets the failure of an error reply, so that the command can be sent again with this same
     * output (a cluster redirection). Only valid after a top-level error reply, which touches no
     * other state of the output.
     */
    public final void clearFailure() {
        failure = null;
    }

    /**
     * Returns a new, empty output of the same kind, for a command sent in parts (a cluster client
     * splits {@code MGET} by slot and walks {@code SCAN} node by node).
     *
     * @return a new output
     * @throws UnsupportedOperationException for outputs of commands that are never sent in parts
     */
    public ReplyOutput<T> fresh() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is never split");
    }

    /**
     * Records a failure; the first one wins.
     *
     * @param e the failure
     */
    protected final void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /**
     * Fails the command because the reply has a type this output cannot decode.
     *
     * @param what the unexpected type, e.g. {@code "integer"}
     */
    protected final void unexpected(String what) {
        fail(new DragonflyProtocolException(
                "Unexpected " + what + " reply for " + getClass().getSimpleName()
                        + "; the server answered with a type this command does not return. Use execute(...) to read "
                        + "replies of any type"));
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        unexpected("simple string");
    }

    @Override
    public void error(byte[] buf, int offset, int length) {
        fail(ServerErrors.toException(new String(buf, offset, length, StandardCharsets.UTF_8)));
    }

    @Override
    public void integer(long value) {
        unexpected("integer");
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        unexpected("bulk string");
    }

    @Override
    public void verbatimString(String format, byte[] buf, int offset, int length) {
        unexpected("verbatim string");
    }

    @Override
    public void nullValue() {
        unexpected("null");
    }

    @Override
    public void doubleValue(double value) {
        unexpected("double");
    }

    @Override
    public void booleanValue(boolean value) {
        unexpected("boolean");
    }

    @Override
    public void bigNumber(byte[] buf, int offset, int length) {
        unexpected("big number");
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        depth++;
        unexpected(type.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void aggregateEnd() {
        depth--;
    }
}
