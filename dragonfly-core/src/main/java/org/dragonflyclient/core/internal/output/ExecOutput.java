package org.dragonflyclient.core.internal.output;

import java.util.List;

import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.RespType;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.resp.DiscardingSink;
import org.dragonflyclient.core.internal.resp.ReplySink;

/**
 * The reply to {@code EXEC}: an array holding the reply of each queued command, in order. Each
 * element is decoded by the output of its own command and completes that command, exactly as if
 * the command had been sent alone, so a transaction's futures carry the same types as everywhere
 * else. An error element fails only its command.
 *
 * <p>The value is {@code true} when the transaction ran, {@code false} when {@code EXEC} answered
 * null because a {@code WATCH}ed key changed (nothing ran). A top-level error ({@code EXECABORT})
 * fails the {@code EXEC} command itself; the queued commands are then left to the caller.
 */
public final class ExecOutput extends ReplyOutput<Boolean> {

    private final List<? extends Command<?>> commands;
    private boolean ran;
    private boolean aborted;
    /** Index of the command whose reply is being decoded. */
    private int index;
    /** Sink of the element being decoded, {@code null} between elements. */
    private ReplySink element;
    /** Aggregates open inside the current element. */
    private int nesting;

    /** @param commands the queued commands, in the order they were sent */
    public ExecOutput(List<? extends Command<?>> commands) {
        this.commands = commands;
    }

    /** @return the sink for a value at this point, or {@code null} when the value is the EXEC reply itself */
    private ReplySink elementSink() {
        if (element == null && ran && depth == 1) {
            element = index < commands.size() ? commands.get(index).sink() : DiscardingSink.INSTANCE;
        }
        return element;
    }

    private void scalarDone() {
        if (nesting == 0) {
            elementDone();
        }
    }

    private void elementDone() {
        if (index < commands.size()) {
            Command<?> command = commands.get(index);
            if (!command.isDone()) {
                command.finish();
            }
        }
        index++;
        element = null;
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        ReplySink sink = elementSink();
        if (sink != null) {
            nesting++;
            sink.aggregateStart(type, size);
        } else if (depth == 0 && type == RespType.ARRAY) {
            depth++;
            ran = true;
            if (size != commands.size()) {
                fail(new DragonflyProtocolException("EXEC returned " + size + " replies for " + commands.size()
                        + " queued commands; the results cannot be matched to their commands"));
            }
        } else {
            super.aggregateStart(type, size);
        }
    }

    @Override
    public void aggregateEnd() {
        if (element != null) {
            element.aggregateEnd();
            if (--nesting == 0) {
                elementDone();
            }
        } else {
            super.aggregateEnd();
        }
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.simpleString(buf, offset, length);
            return;
        }
        sink.simpleString(buf, offset, length);
        scalarDone();
    }

    @Override
    public void error(byte[] buf, int offset, int length) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.error(buf, offset, length);
            return;
        }
        sink.error(buf, offset, length);
        scalarDone();
    }

    @Override
    public void integer(long value) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.integer(value);
            return;
        }
        sink.integer(value);
        scalarDone();
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.bulkString(buf, offset, length);
            return;
        }
        sink.bulkString(buf, offset, length);
        scalarDone();
    }

    @Override
    public void bulkString(byte[] owned) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.bulkString(owned);
            return;
        }
        sink.bulkString(owned);
        scalarDone();
    }

    @Override
    public void verbatimString(String format, byte[] buf, int offset, int length) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.verbatimString(format, buf, offset, length);
            return;
        }
        sink.verbatimString(format, buf, offset, length);
        scalarDone();
    }

    @Override
    public void nullValue() {
        ReplySink sink = elementSink();
        if (sink == null) {
            aborted = depth == 0; // EXEC answers null when a WATCHed key changed
            return;
        }
        sink.nullValue();
        scalarDone();
    }

    @Override
    public void doubleValue(double value) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.doubleValue(value);
            return;
        }
        sink.doubleValue(value);
        scalarDone();
    }

    @Override
    public void booleanValue(boolean value) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.booleanValue(value);
            return;
        }
        sink.booleanValue(value);
        scalarDone();
    }

    @Override
    public void bigNumber(byte[] buf, int offset, int length) {
        ReplySink sink = elementSink();
        if (sink == null) {
            super.bigNumber(buf, offset, length);
            return;
        }
        sink.bigNumber(buf, offset, length);
        scalarDone();
    }

    @Override
    public Boolean result() {
        if (!ran && !aborted) {
            unexpected("EXEC reply that is neither an array nor null");
        }
        return ran;
    }
}
