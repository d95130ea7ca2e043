package org.dragonflyclient.core.internal.resp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.RespLimits;
import org.dragonflyclient.core.RespType;

/**
 * An incremental decoder for RESP2 and RESP3 that turns the bytes of a connection into
 * {@link ReplySink} events, one top-level frame at a time.
 *
 * <h2>Design</h2>
 *
 * <p><b>Push-style events, not reply objects.</b> The decoder builds nothing: it tells a sink
 * "bulk string, these bytes" and the sink, which knows what its command expects, keeps only what
 * it needs ({@code GET} copies one array, {@code EXISTS} keeps a long). Bulk strings are handed out
 * as slices of the read buffer, so the common reply costs no allocation in the decoder at all.
 *
 * <p><b>Resumable, never blocking, never recursing.</b> {@link #decode} works on whatever bytes
 * are buffered and returns as soon as it needs more, keeping its exact position (a half-read line,
 * a bulk payload waiting for its last bytes, the open aggregates). Nesting is tracked on a small
 * int stack rather than the Java stack, so a reply nested ten thousand deep is a protocol error,
 * not a {@link StackOverflowError}.
 *
 * <p><b>Direct mode for large values.</b> A bulk string of {@value #DIRECT_THRESHOLD} bytes or
 * more bypasses the buffer: it is received into an array of its own, which {@link #readFrom}
 * fills straight from the stream (one copy, kernel to value) and which the sink may keep. That
 * array grows with the bytes actually received, so a length announced but never sent costs at most
 * {@value #DIRECT_INITIAL_CAPACITY} bytes, not the announced size.
 *
 * <p><b>Caps on everything read from the wire.</b> Every length, count, line and depth is checked
 * against {@link RespLimits} before it is acted on, and nothing is ever allocated in proportion to
 * a declared size: a broken or hostile server gets a {@link DragonflyProtocolException}, never an
 * {@link OutOfMemoryError}. After such an error the position in the stream is lost, so the decoder
 * refuses all further work and the connection must be closed.
 *
 * <p>Attributes ({@code |}) are parsed in full and discarded; the value that follows them is
 * delivered as if they were not there. Streamed RESP3 types ({@code $?}, {@code *?}) are refused:
 * neither Redis nor Dragonfly sends them.
 *
 * <p>Not thread-safe: one decoder belongs to one connection's reader.
 */
public final class RespDecoder {

    /** Initial and resting size of the read buffer. */
    static final int INITIAL_BUFFER_SIZE = 16 * 1024;
    /** Bulk strings this long or longer are received into their own array. */
    static final int DIRECT_THRESHOLD = 64 * 1024;
    /** First capacity of a direct-mode array: the most a server can make us allocate for free. */
    static final int DIRECT_INITIAL_CAPACITY = DirectBulk.INITIAL_CAPACITY;
    /** A buffer grown past this size goes back to its initial size once it is empty. */
    static final int SHRINK_THRESHOLD = 1024 * 1024;

    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

    // What step() reports: need more bytes, made progress, or completed a top-level frame.
    private static final int NEED_MORE = -1;
    private static final int CONTINUE = 0;
    private static final int FRAME_DONE = 1;

    // Operations, indexed by type byte through OPS. The aggregates come last and in RespType order,
    // so that op - OP_ARRAY is the kind kept on the stack.
    private static final byte OP_INVALID = 0;
    private static final byte OP_SIMPLE = 1;
    private static final byte OP_ERROR = 2;
    private static final byte OP_INTEGER = 3;
    private static final byte OP_NULL = 4;
    private static final byte OP_DOUBLE = 5;
    private static final byte OP_BOOLEAN = 6;
    private static final byte OP_BIG_NUMBER = 7;
    private static final byte OP_BULK = 8;
    private static final byte OP_BLOB_ERROR = 9;
    private static final byte OP_VERBATIM = 10;
    private static final byte OP_ARRAY = 11;
    private static final byte OP_SET = 12;
    private static final byte OP_MAP = 13;
    private static final byte OP_PUSH = 14;
    private static final byte OP_ATTRIBUTE = 15;

    /** Kind of a stack level that holds an attribute rather than a value (the others are RespType ordinals). */
    private static final byte KIND_ATTRIBUTE = (byte) (OP_ATTRIBUTE - OP_ARRAY);

    private static final byte[] OPS = new byte[256];
    private static final String[] NAMES = {
        null,
        "simple string",
        "error",
        "integer",
        "null",
        "double",
        "boolean",
        "big number",
        "bulk string",
        "blob error",
        "verbatim string",
        "array",
        "set",
        "map",
        "push",
        "attribute"
    };
    private static final String[] LENGTH_NAMES =
            Arrays.stream(NAMES).map(name -> name + " length").toArray(String[]::new);
    private static final RespType[] TYPES = {RespType.ARRAY, RespType.SET, RespType.MAP, RespType.PUSH};

    static {
        OPS['+'] = OP_SIMPLE;
        OPS['-'] = OP_ERROR;
        OPS[':'] = OP_INTEGER;
        OPS['_'] = OP_NULL;
        OPS[','] = OP_DOUBLE;
        OPS['#'] = OP_BOOLEAN;
        OPS['('] = OP_BIG_NUMBER;
        OPS['$'] = OP_BULK;
        OPS['!'] = OP_BLOB_ERROR;
        OPS['='] = OP_VERBATIM;
        OPS['*'] = OP_ARRAY;
        OPS['~'] = OP_SET;
        OPS['%'] = OP_MAP;
        OPS['>'] = OP_PUSH;
        OPS['|'] = OP_ATTRIBUTE;
    }

    private final RespLimits limits;

    // The read buffer: bytes [readIndex, writeIndex) are received and not yet decoded.
    private byte[] buffer = new byte[INITIAL_BUFFER_SIZE];
    private int readIndex;
    private int writeIndex;
    /** Stream offset of buffer[0], for error messages. */
    private long bufferBase;
    /** Bytes of the pending line, after its type byte, already known to hold no CR or LF. */
    private int scanned;

    // Open aggregates and attributes: elements still expected, and kind, per level.
    private int[] remaining;
    private byte[] kinds;
    private int depth;
    private int attributeLevels;

    // The frame being decoded, and where its values go (a discarding sink inside attributes).
    private ReplySink frameSink;
    private boolean framePush;
    private ReplySink out;

    // A bulk-like value (bulk string, blob error, verbatim) whose header was read.
    private byte pendingOp;
    /** Length of a buffered bulk-like value awaiting its payload, or -1. */
    private int pendingLength = -1;
    /** The large value being received in direct mode, or null. */
    private DirectBulk direct;

    /** Why the decoder failed, or null while it is usable. */
    private String failure;

    /**
     * Creates a decoder.
     *
     * @param limits the caps applied to everything read
     */
    public RespDecoder(RespLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        int stackSize = Math.min(limits.maxNestingDepth(), 16);
        this.remaining = new int[stackSize];
        this.kinds = new byte[stackSize];
    }

    /**
     * Copies bytes into the decoder's buffer (tests, and any transport that is not an
     * {@link InputStream}). The buffer grows to hold them all.
     *
     * @param src the bytes
     * @param offset index of the first byte to copy
     * @param length number of bytes to copy
     * @throws IndexOutOfBoundsException when the range is not within {@code src}
     * @throws DragonflyProtocolException when the decoder failed earlier
     */
    public void feed(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        checkUsable();
        if (buffer.length - writeIndex < length) {
            makeRoom((long) writeIndex - readIndex + length);
        }
        System.arraycopy(src, offset, buffer, writeIndex, length);
        writeIndex += length;
    }

    /**
     * Performs exactly one {@code in.read(...)} call into the buffer or, while a large bulk string
     * is being received, straight into that value's array, and returns what it returned. Never
     * blocks longer than that single read. Call {@link #decode} after each successful read.
     *
     * @param in the connection's stream
     * @return the number of bytes read, or -1 at the end of the stream
     * @throws IOException when the read fails
     * @throws DragonflyProtocolException when the decoder failed earlier
     */
    public int readFrom(InputStream in) throws IOException {
        checkUsable();
        if (direct != null && !direct.isComplete() && readIndex == writeIndex) {
            int n = direct.readFrom(in);
            if (n > 0) {
                bufferBase += n;
            }
            return n;
        }
        prepareForRead();
        int n = in.read(buffer, writeIndex, buffer.length - writeIndex);
        if (n > 0) {
            writeIndex += n;
        }
        return n;
    }

    /**
     * Decodes as much as the buffered bytes allow, delivering events to the sinks that
     * {@code handler.beginFrame} returns. Returns when it needs more bytes; the next call resumes
     * exactly where this one stopped, even inside a line, a number or a payload.
     *
     * <p>A sink or handler must not throw: if one does, the exception propagates and the decoder
     * fails, as its position in the stream is then unknown.
     *
     * @param handler receives the frames
     * @return the number of top-level frames completed by this call
     * @throws DragonflyProtocolException on malformed input or a limit exceeded; the decoder is
     *         unusable afterwards and every later call throws again
     */
    public int decode(FrameHandler handler) {
        Objects.requireNonNull(handler, "handler");
        checkUsable();
        int frames = 0;
        try {
            int result;
            while ((result = step(handler)) != NEED_MORE) {
                if (result == FRAME_DONE) {
                    endFrame(handler);
                    frames++;
                }
            }
        } catch (RuntimeException | Error e) {
            failure = String.valueOf(e.getMessage());
            throw e;
        }
        if (readIndex == writeIndex) {
            resetEmptyBuffer();
            if (buffer.length > SHRINK_THRESHOLD) {
                buffer = new byte[INITIAL_BUFFER_SIZE];
            }
        }
        return frames;
    }

    /**
     * Tells whether bytes are buffered that {@link #decode} has not consumed yet, such as the
     * start of a reply.
     *
     * @return {@code true} when unconsumed bytes are buffered
     */
    public boolean hasBufferedBytes() {
        return readIndex < writeIndex;
    }

    /**
     * Tells whether a frame has begun ({@link FrameHandler#beginFrame} was called) but not ended.
     *
     * @return {@code true} between {@code beginFrame} and {@code endFrame}
     */
    public boolean isMidFrame() {
        return frameSink != null;
    }

    /** Capacity of the current direct-mode array, 0 outside direct mode; for tests. */
    int directCapacity() {
        return direct == null ? 0 : direct.capacity();
    }

    /** Capacity of the read buffer; for tests. */
    int bufferCapacity() {
        return buffer.length;
    }

    // ---------------------------------------------------------------- the state machine

    /** Decodes one step: a line, a payload or a part of a direct payload. */
    private int step(FrameHandler handler) {
        if (direct != null) {
            return continueDirect();
        }
        if (pendingLength >= 0) {
            return continueBulk();
        }
        if (readIndex == writeIndex) {
            return NEED_MORE;
        }
        int op = OPS[buffer[readIndex] & 0xFF];
        if (op == OP_INVALID) {
            throw new DragonflyProtocolException("unknown RESP type byte " + RespScalars.describeByte(buffer[readIndex])
                    + " at stream offset " + position(readIndex) + "; the connection is out of step with the server");
        }
        if (depth == 0 && frameSink == null && op != OP_ATTRIBUTE) {
            beginFrame(handler, op == OP_PUSH);
        }
        int end = findLineEnd();
        if (end < 0) {
            return NEED_MORE;
        }
        int from = readIndex + 1;
        readIndex = end + 2;
        scanned = 0;
        return op >= OP_BULK ? startLengthPrefixed(op, from, end) : scalar(op, from, end);
    }

    private void beginFrame(FrameHandler handler, boolean push) {
        ReplySink sink = handler.beginFrame(push);
        frameSink = Objects.requireNonNull(sink, "FrameHandler.beginFrame returned null");
        framePush = push;
        out = sink;
    }

    private void endFrame(FrameHandler handler) {
        boolean push = framePush;
        frameSink = null;
        out = null;
        handler.endFrame(push);
    }

    /** Delivers a one-line value, the text being buffer[from, end). */
    private int scalar(int op, int from, int end) {
        byte[] b = buffer;
        switch (op) {
            case OP_SIMPLE -> out.simpleString(b, from, end - from);
            case OP_ERROR -> out.error(b, from, end - from);
            case OP_INTEGER -> out.integer(RespScalars.parseLong(b, from, end, "integer", position(from)));
            case OP_DOUBLE -> out.doubleValue(RespScalars.parseDouble(b, from, end, position(from)));
            case OP_BOOLEAN -> out.booleanValue(RespScalars.parseBoolean(b, from, end, position(from)));
            case OP_BIG_NUMBER -> {
                RespScalars.checkBigNumber(b, from, end, position(from));
                out.bigNumber(b, from, end - from);
            }
            default -> {
                if (end != from) {
                    throw new DragonflyProtocolException("null with content " + RespScalars.excerpt(b, from, end)
                            + " at stream offset " + position(from));
                }
                out.nullValue();
            }
        }
        return valueCompleted();
    }

    /** Handles a header line that announces a length: bulk-like values and aggregates. */
    private int startLengthPrefixed(int op, int from, int end) {
        long length = parseLength(op, from, end);
        if (length < 0) {
            out.nullValue();
            return valueCompleted();
        }
        if (op >= OP_ARRAY) {
            return startAggregate(op, (int) length);
        }
        pendingOp = (byte) op;
        if (length >= DIRECT_THRESHOLD) {
            direct = new DirectBulk((int) length);
            return continueDirect();
        }
        pendingLength = (int) length;
        return continueBulk();
    }

    /**
     * Parses and checks a length header.
     *
     * @return the length, or -1 for the RESP2 nulls {@code $-1} and {@code *-1}
     */
    private long parseLength(int op, int from, int end) {
        if (end - from == 1 && buffer[from] == '?') {
            throw new DragonflyProtocolException("streamed RESP3 types are not supported (" + NAMES[op]
                    + " of unknown length at stream offset " + position(from) + ")");
        }
        long length = RespScalars.parseLong(buffer, from, end, LENGTH_NAMES[op], position(from));
        if (length < 0) {
            if (length == -1 && (op == OP_BULK || op == OP_ARRAY)) {
                return -1;
            }
            throw new DragonflyProtocolException(
                    "negative length " + length + " for a " + NAMES[op] + " at stream offset " + position(from));
        }
        boolean bulk = op < OP_ARRAY;
        int max = bulk ? limits.maxBulkLength() : limits.maxAggregateLength();
        boolean pairs = op == OP_MAP || op == OP_ATTRIBUTE;
        // A map counts pairs: twice its size must still fit the int kept on the stack.
        if (length > max || (pairs && length > Integer.MAX_VALUE / 2)) {
            String unit = bulk ? " bytes" : pairs ? " pairs" : " elements";
            String limit = bulk ? "maxBulkLength" : "maxAggregateLength";
            throw new DragonflyProtocolException(NAMES[op] + " of " + length + unit + " exceeds " + limit + " " + max
                    + "; raise it with ClientOptions.Builder." + limit);
        }
        return length;
    }

    /** Opens an aggregate or attribute of the given (checked) size. */
    private int startAggregate(int op, int size) {
        if (depth == limits.maxNestingDepth()) {
            throw new DragonflyProtocolException("nesting deeper than " + depth + " levels at stream offset "
                    + position(readIndex) + "; raise it with ClientOptions.Builder.maxNestingDepth");
        }
        boolean attribute = op == OP_ATTRIBUTE;
        if (size == 0) {
            if (attribute) {
                return CONTINUE;
            }
            out.aggregateStart(TYPES[op - OP_ARRAY], 0);
            out.aggregateEnd();
            return valueCompleted();
        }
        if (attribute) {
            attributeLevels++;
            out = DiscardingSink.INSTANCE;
        } else {
            out.aggregateStart(TYPES[op - OP_ARRAY], size);
        }
        if (depth == remaining.length) {
            int grown = Math.min(depth * 2, limits.maxNestingDepth());
            remaining = Arrays.copyOf(remaining, grown);
            kinds = Arrays.copyOf(kinds, grown);
        }
        remaining[depth] = op == OP_MAP || attribute ? size * 2 : size;
        kinds[depth] = (byte) (op - OP_ARRAY);
        depth++;
        return CONTINUE;
    }

    /**
     * Records that a value just completed: closes every aggregate it completes, and the frame
     * when it was the top-level value. A completed attribute counts as no value: the value it
     * annotates comes next.
     */
    private int valueCompleted() {
        while (depth > 0) {
            int top = depth - 1;
            if (--remaining[top] > 0) {
                return CONTINUE;
            }
            depth = top;
            if (kinds[top] == KIND_ATTRIBUTE) {
                if (--attributeLevels == 0) {
                    out = frameSink;
                }
                return CONTINUE;
            }
            out.aggregateEnd();
        }
        return FRAME_DONE;
    }

    // ---------------------------------------------------------------- bulk payloads

    /** Delivers a buffered bulk-like value once its payload and CRLF are all buffered. */
    private int continueBulk() {
        int length = pendingLength;
        if (writeIndex - readIndex < length + 2) {
            return NEED_MORE;
        }
        int offset = readIndex;
        checkCrlf(offset + length, length);
        pendingLength = -1;
        readIndex = offset + length + 2;
        deliver(buffer, offset, length, false);
        return valueCompleted();
    }

    /** Moves buffered payload into the direct array, then delivers it once its CRLF arrived. */
    private int continueDirect() {
        if (!direct.isComplete()) {
            readIndex += direct.fill(buffer, readIndex, writeIndex - readIndex);
            if (!direct.isComplete()) {
                return NEED_MORE;
            }
        }
        if (writeIndex - readIndex < 2) {
            return NEED_MORE;
        }
        checkCrlf(readIndex, direct.length());
        readIndex += 2;
        byte[] value = direct.value();
        direct = null;
        deliver(value, 0, value.length, true);
        return valueCompleted();
    }

    private void deliver(byte[] b, int offset, int length, boolean own) {
        switch (pendingOp) {
            case OP_BULK -> {
                if (own) {
                    out.bulkString(b);
                } else {
                    out.bulkString(b, offset, length);
                }
            }
            case OP_BLOB_ERROR -> out.error(b, offset, length);
            default -> {
                if (length < 4 || b[offset + 3] != ':') {
                    throw new DragonflyProtocolException(
                            "verbatim string " + RespScalars.excerpt(b, offset, offset + length)
                                    + " does not start with a three-letter format and ':'");
                }
                out.verbatimString(RespScalars.verbatimFormat(b, offset), b, offset + 4, length - 4);
            }
        }
    }

    private void checkCrlf(int index, int length) {
        if (buffer[index] != '\r' || buffer[index + 1] != '\n') {
            throw new DragonflyProtocolException(NAMES[pendingOp] + " of " + length
                    + " bytes not followed by CRLF at stream offset " + position(index)
                    + "; the server sent more or fewer bytes than it announced");
        }
    }

    // ---------------------------------------------------------------- lines

    /**
     * Finds the CR that ends the line starting at readIndex (its type byte), checking that an LF
     * follows and that the line respects maxLineLength. Remembers how far it looked, so that a
     * line arriving byte by byte is scanned once, not once per byte.
     *
     * @return the index of the CR, or -1 when the line is not complete yet
     */
    private int findLineEnd() {
        byte[] b = buffer;
        int limit = writeIndex;
        for (int i = readIndex + 1 + scanned; i < limit; i++) {
            byte c = b[i];
            if (c > '\r' || (c != '\r' && c != '\n')) {
                continue;
            }
            checkLineLength(i - readIndex - 1);
            if (c == '\n') {
                throw new DragonflyProtocolException("LF without CR at stream offset " + position(i));
            }
            if (i + 1 == limit) {
                scanned = i - readIndex - 1;
                return -1;
            }
            if (b[i + 1] != '\n') {
                throw new DragonflyProtocolException("CR not followed by LF at stream offset " + position(i) + " (got "
                        + RespScalars.describeByte(b[i + 1]) + ")");
            }
            return i;
        }
        scanned = limit - readIndex - 1;
        checkLineLength(scanned);
        return -1;
    }

    private void checkLineLength(int length) {
        if (length > limits.maxLineLength()) {
            throw new DragonflyProtocolException("line of more than " + limits.maxLineLength()
                    + " bytes at stream offset " + position(readIndex) + " exceeds maxLineLength "
                    + limits.maxLineLength() + "; raise it with ClientOptions.Builder.maxLineLength");
        }
    }

    // ---------------------------------------------------------------- the buffer

    private long position(int index) {
        return bufferBase + index;
    }

    /** Makes free space for a read: compacts when little is left, grows when the pending bytes fill the buffer. */
    private void prepareForRead() {
        if (readIndex == writeIndex) {
            resetEmptyBuffer();
        }
        int minimumFree = buffer.length >>> 3;
        if (buffer.length - writeIndex >= minimumFree) {
            return;
        }
        // Only a line or small bulk being received can fill most of the buffer: it needs more room.
        int unread = writeIndex - readIndex;
        makeRoom(buffer.length - unread < minimumFree ? 2L * buffer.length : unread + (long) minimumFree);
    }

    /** Moves the unread bytes to the front, into a larger array when {@code capacity} exceeds the buffer. */
    private void makeRoom(long capacity) {
        if (capacity > MAX_ARRAY_SIZE) {
            throw new IllegalStateException("cannot buffer " + capacity + " bytes");
        }
        int unread = writeIndex - readIndex;
        byte[] target = buffer;
        if (capacity > buffer.length) {
            target = new byte[(int) Math.max(capacity, Math.min(MAX_ARRAY_SIZE, 2L * buffer.length))];
        }
        System.arraycopy(buffer, readIndex, target, 0, unread);
        buffer = target;
        bufferBase += readIndex;
        readIndex = 0;
        writeIndex = unread;
    }

    private void resetEmptyBuffer() {
        bufferBase += readIndex;
        readIndex = 0;
        writeIndex = 0;
    }

    private void checkUsable() {
        if (failure != null) {
            throw new DragonflyProtocolException("the decoder failed earlier and cannot be used again: " + failure);
        }
    }
}
