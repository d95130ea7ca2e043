package org.dragonflyclient.core.internal.output;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.RespType;

/**
 * Builds a {@link Reply} tree for any reply: the output behind the generic {@code execute}.
 * Errors nested in aggregates (for example in an {@code EXEC} result) become
 * {@link Reply.Error} elements; only a top-level error fails the command.
 */
public final class ReplyTreeOutput extends ReplyOutput<Reply> {

    private static final int MAX_PRESIZE = 1024;

    private final ArrayDeque<Open> open = new ArrayDeque<>();
    private Reply root;

    private record Open(RespType type, List<Reply> elements) {}

    private void add(Reply value) {
        Open parent = open.peek();
        if (parent == null) {
            root = value;
        } else {
            parent.elements.add(value);
        }
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        add(new Reply.SimpleString(new String(buf, offset, length, StandardCharsets.UTF_8)));
    }

    @Override
    public void error(byte[] buf, int offset, int length) {
        if (open.isEmpty()) {
            super.error(buf, offset, length);
        } else {
            add(new Reply.Error(new String(buf, offset, length, StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void integer(long value) {
        add(new Reply.Integer(value));
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        add(new Reply.Bulk(ValueDecoder.BYTES.decode(buf, offset, length)));
    }

    @Override
    public void bulkString(byte[] owned) {
        add(new Reply.Bulk(owned));
    }

    @Override
    public void verbatimString(String format, byte[] buf, int offset, int length) {
        add(new Reply.Verbatim(format, new String(buf, offset, length, StandardCharsets.UTF_8)));
    }

    @Override
    public void nullValue() {
        add(Reply.NULL);
    }

    @Override
    public void doubleValue(double value) {
        add(new Reply.Double(value));
    }

    @Override
    public void booleanValue(boolean value) {
        add(new Reply.Boolean(value));
    }

    @Override
    public void bigNumber(byte[] buf, int offset, int length) {
        add(new Reply.BigNumber(new BigInteger(new String(buf, offset, length, StandardCharsets.US_ASCII))));
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        int elements = type == RespType.MAP ? 2 * Math.min(size, MAX_PRESIZE) : Math.min(size, MAX_PRESIZE);
        open.push(new Open(type, new ArrayList<>(elements)));
    }

    @Override
    public void aggregateEnd() {
        Open done = open.pop();
        add(new Reply.Aggregate(done.type, Collections.unmodifiableList(done.elements)));
    }

    @Override
    public Reply result() {
        return root;
    }

    /** @return the decoded tree, for push frames that have no command to complete */
    public Reply value() {
        return root;
    }

    /**
     * The top-level error of a frame read without a command to complete (a subscriber connection
     * reads every frame this way), or {@code null}.
     *
     * @return the error as the exception a command would have failed with, or {@code null}
     */
    public RuntimeException topLevelFailure() {
        return failure();
    }
}
