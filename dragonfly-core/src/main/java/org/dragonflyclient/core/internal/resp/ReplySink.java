package org.dragonflyclient.core.internal.resp;

import org.dragonflyclient.core.RespType;

/**
 * Receives the values of one RESP frame, in order, as {@link RespDecoder} reads them. A frame is
 * a scalar or an aggregate whose elements arrive between {@link #aggregateStart} and
 * {@link #aggregateEnd}. Byte ranges point into the decoder's buffer and are valid only during the
 * call: a sink that keeps the bytes copies them.
 *
 * <p>Attributes ({@code |}) are read by the decoder and never reach a sink.
 */
public interface ReplySink {

    /**
     * A simple string ({@code +OK}).
     *
     * @param buf buffer holding the text
     * @param offset index of the first byte
     * @param length number of bytes, CRLF excluded
     */
    void simpleString(byte[] buf, int offset, int length);

    /**
     * An error ({@code -ERR ...}, RESP2) or a blob error ({@code !}, RESP3).
     *
     * @param buf buffer holding the error line
     * @param offset index of the first byte
     * @param length number of bytes, CRLF excluded
     */
    void error(byte[] buf, int offset, int length);

    /**
     * An integer ({@code :42}).
     *
     * @param value the value
     */
    void integer(long value);

    /**
     * A bulk string ({@code $3\r\nfoo\r\n}) that fits the decoder's buffer.
     *
     * @param buf buffer holding the bytes
     * @param offset index of the first byte
     * @param length number of bytes
     */
    void bulkString(byte[] buf, int offset, int length);

    /**
     * A bulk string too large for the decoder's buffer, read straight into an array of its exact
     * size. The sink may keep the array without copying it. {@link RespDecoder} uses this for
     * bulk strings of 64 KiB or more; a blob error or verbatim string of that size arrives through
     * {@link #error} or {@link #verbatimString} with the same array, which the sink may keep too.
     *
     * @param value the whole value; nobody else holds a reference to it
     */
    default void bulkString(byte[] value) {
        bulkString(value, 0, value.length);
    }

    /**
     * A verbatim string ({@code =15\r\ntxt:Some string\r\n}, RESP3).
     *
     * @param format the three-letter format, such as {@code txt} or {@code mkd}
     * @param buf buffer holding the text after the {@code xxx:} prefix
     * @param offset index of the first byte of the text
     * @param length number of bytes of the text
     */
    void verbatimString(String format, byte[] buf, int offset, int length);

    /** A null: RESP3 {@code _}, or RESP2 {@code $-1} and {@code *-1}. */
    void nullValue();

    /**
     * A double ({@code ,3.14}, also {@code inf}, {@code -inf}, {@code nan}; RESP3).
     *
     * @param value the value
     */
    void doubleValue(double value);

    /**
     * A boolean ({@code #t} or {@code #f}, RESP3).
     *
     * @param value the value
     */
    void booleanValue(boolean value);

    /**
     * A big number ({@code (3492890328409238509324850943850943825024385}, RESP3).
     *
     * @param buf buffer holding the ASCII digits, with an optional leading {@code -}
     * @param offset index of the first byte
     * @param length number of bytes
     */
    void bigNumber(byte[] buf, int offset, int length);

    /**
     * The start of an aggregate. Exactly {@code size} elements follow ({@code 2 * size} for a
     * {@link RespType#MAP}), then {@link #aggregateEnd()}.
     *
     * @param type the aggregate's type
     * @param size number of elements, or of key/value pairs for a map; never negative
     */
    void aggregateStart(RespType type, int size);

    /** The end of the innermost open aggregate. */
    void aggregateEnd();
}
