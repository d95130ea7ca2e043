package org.dragonflyclient.core.internal.resp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.CRC32;

import org.dragonflyclient.core.RespType;

/**
 * Records what a {@link RespDecoder} delivers, one readable string per frame such as
 * {@code [ARRAY 2: bulk("foo"), null]} ({@code push:} in front of a push frame), and checks the
 * event contract as it goes: frames never overlap, an aggregate receives exactly the elements it
 * announced, a frame holds exactly one value. A violation is an {@link AssertionError}.
 */
final class RecordingHandler implements FrameHandler {

    /** Bulk strings longer than this are rendered as length and checksum. */
    private static final int MAX_RENDERED = 300;

    private final List<String> frames = new ArrayList<>();
    private final List<byte[]> directValues = new ArrayList<>();
    private FrameRecorder current;
    private int begun;

    @Override
    public ReplySink beginFrame(boolean push) {
        check(current == null, "beginFrame while a frame is open");
        current = new FrameRecorder(push);
        begun++;
        return current;
    }

    @Override
    public void endFrame(boolean push) {
        check(current != null, "endFrame without beginFrame");
        check(push == current.push, "endFrame push flag differs from beginFrame's");
        frames.add((push ? "push:" : "") + current.finish());
        current = null;
    }

    /** The frames completed so far. */
    List<String> frames() {
        return frames;
    }

    /** The arrays received through {@link ReplySink#bulkString(byte[])}, in order. */
    List<byte[]> directValues() {
        return directValues;
    }

    /** Number of beginFrame calls. */
    int framesBegun() {
        return begun;
    }

    static String render(byte[] b, int offset, int length) {
        if (length > MAX_RENDERED) {
            CRC32 crc = new CRC32();
            crc.update(b, offset, length);
            return length + " bytes, crc " + Long.toHexString(crc.getValue());
        }
        StringBuilder text = new StringBuilder("\"");
        for (int i = offset; i < offset + length; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02x", c));
            }
        }
        return text.append('"').toString();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** One aggregate being filled. */
    private static final class Node {
        final StringBuilder text;
        final int expected;
        int received;

        Node(RespType type, int size) {
            this.text = new StringBuilder("[").append(type).append(' ').append(size);
            this.expected = type == RespType.MAP ? 2 * size : size;
        }
    }

    /** The sink of one frame. */
    private final class FrameRecorder implements ReplySink {
        final boolean push;
        final Deque<Node> open = new ArrayDeque<>();
        String root;

        FrameRecorder(boolean push) {
            this.push = push;
        }

        String finish() {
            check(open.isEmpty(), "frame ended with " + open.size() + " open aggregates");
            check(root != null, "frame ended without a value");
            return root;
        }

        private void value(String text) {
            check(current == this, "event for a frame that is not open");
            check(root == null, "second top-level value in one frame: " + text);
            Node parent = open.peek();
            if (parent == null) {
                root = text;
                return;
            }
            check(parent.received < parent.expected, "more elements than announced: " + text);
            parent.text.append(parent.received++ == 0 ? ": " : ", ").append(text);
        }

        @Override
        public void simpleString(byte[] buf, int offset, int length) {
            value("simple(" + render(buf, offset, length) + ")");
        }

        @Override
        public void error(byte[] buf, int offset, int length) {
            value("error(" + render(buf, offset, length) + ")");
        }

        @Override
        public void integer(long value) {
            value("int(" + value + ")");
        }

        @Override
        public void bulkString(byte[] buf, int offset, int length) {
            value("bulk(" + render(buf, offset, length) + ")");
        }

        @Override
        public void bulkString(byte[] value) {
            directValues.add(value);
            value("direct(" + render(value, 0, value.length) + ")");
        }

        @Override
        public void verbatimString(String format, byte[] buf, int offset, int length) {
            value("verbatim(" + format + ", " + render(buf, offset, length) + ")");
        }

        @Override
        public void nullValue() {
            value("null");
        }

        @Override
        public void doubleValue(double value) {
            value("double(" + value + ")");
        }

        @Override
        public void booleanValue(boolean value) {
            value("bool(" + value + ")");
        }

        @Override
        public void bigNumber(byte[] buf, int offset, int length) {
            value("big(" + render(buf, offset, length) + ")");
        }

        @Override
        public void aggregateStart(RespType type, int size) {
            check(size >= 0, "negative size");
            check(current == this, "event for a frame that is not open");
            check(root == null, "aggregate after the top-level value");
            Node parent = open.peek();
            check(parent == null || parent.received < parent.expected, "more elements than announced");
            open.push(new Node(type, size));
        }

        @Override
        public void aggregateEnd() {
            Node node = open.poll();
            check(node != null, "aggregateEnd without aggregateStart");
            check(
                    node.received == node.expected,
                    "aggregate ended after " + node.received + " of " + node.expected + " elements");
            value(node.text.append(']').toString());
        }
    }
}
