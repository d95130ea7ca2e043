package org.dragonflyclient.core.internal.resp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes commands as RESP arrays of bulk strings into a growable byte buffer that the connection
 * reuses for every write.
 *
 * <p>Why no intermediate objects: a {@code String} argument is measured and written as UTF-8
 * straight into the buffer, and a number is written digit by digit, so encoding a command
 * allocates nothing once the buffer has grown to its working size. The buffer shrinks back after
 * an unusually large command so that one 10 MiB value does not pin 10 MiB per connection forever.
 *
 * <p>Not thread-safe: the connection encodes under its write lock.
 */
public final class CommandEncoder {

    private static final int INITIAL_CAPACITY = 8 * 1024;
    private static final int RETAINED_CAPACITY = 1024 * 1024;
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private int length;

    /**
     * Encodes one command.
     *
     * @param name the command name (or its first words), already as bytes
     * @param args the arguments: {@code byte[]}, {@code String}, or a {@code Number} written in
     *     decimal; nothing else
     * @throws IllegalArgumentException when an argument is {@code null} or of another type; the
     *     buffer is left as it was, so nothing partial is ever sent
     */
    public void encode(byte[] name, Object[] args) {
        int mark = length;
        try {
            writeHeader('*', 1 + args.length);
            writeBulk(name);
            for (int i = 0; i < args.length; i++) {
                writeArgument(args[i], i);
            }
        } catch (RuntimeException e) {
            length = mark;
            throw e;
        }
    }

    private void writeArgument(Object arg, int index) {
        if (arg instanceof byte[] bytes) {
            writeBulk(bytes);
        } else if (arg instanceof String text) {
            writeBulk(text);
        } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
            writeBulk(((Number) arg).longValue());
        } else if (arg instanceof Number number) {
            writeBulk(number.toString());
        } else if (arg == null) {
            throw new IllegalArgumentException("Argument " + index + " is null; Redis commands take no null "
                    + "arguments (to remove a value use DEL, to store 'nothing' store an empty value)");
        } else {
            throw new IllegalArgumentException("Argument " + index + " is a "
                    + arg.getClass().getName() + "; pass byte[], String or a number (serialize other objects first)");
        }
    }

    private void writeBulk(byte[] value) {
        writeHeader('$', value.length);
        ensure(value.length + 2);
        System.arraycopy(value, 0, buf, length, value.length);
        length += value.length;
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void writeBulk(String value) {
        int chars = value.length();
        int utf8Length = utf8Length(value);
        writeHeader('$', utf8Length);
        ensure(utf8Length + 2);
        if (utf8Length == chars) {
            // One byte per char: ASCII, or an unpaired surrogate that UTF-8 writes as '?'.
            for (int i = 0; i < chars; i++) {
                char c = value.charAt(i);
                buf[length++] = c < 0x80 ? (byte) c : (byte) '?';
            }
        } else {
            writeUtf8(value);
        }
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void writeBulk(long value) {
        int digits = digitCount(value);
        writeHeader('$', digits);
        ensure(digits + 2);
        writeDecimal(value, digits);
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void writeHeader(char type, int count) {
        ensure(1 + 11 + 2);
        buf[length++] = (byte) type;
        writeDecimal(count, digitCount(count));
        buf[length++] = '\r';
        buf[length++] = '\n';
    }

    private void writeDecimal(long value, int digits) {
        if (value == Long.MIN_VALUE) {
            System.arraycopy(MIN_LONG, 0, buf, length, MIN_LONG.length);
            length += MIN_LONG.length;
            return;
        }
        int end = length + digits;
        int pos = end;
        long v = value;
        if (v < 0) {
            buf[length] = '-';
            v = -v;
        }
        do {
            buf[--pos] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        length = end;
    }

    private static int digitCount(long value) {
        if (value == Long.MIN_VALUE) {
            return MIN_LONG.length;
        }
        int sign = value < 0 ? 1 : 0;
        long v = Math.abs(value);
        int digits = 1;
        while (v >= 10) {
            v /= 10;
            digits++;
        }
        return digits + sign;
    }

    /**
     * Counts the UTF-8 bytes of a string; an unpaired surrogate counts as the one-byte {@code ?}
     * that {@link String#getBytes} would also write.
     */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for 2 chars
                    i++;
                } else if (Character.isSurrogate(c)) {
                    continue; // unpaired: written as one "?" byte, already counted
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    private void writeUtf8(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[length++] = (byte) c;
            } else if (c < 0x800) {
                buf[length++] = (byte) (0xC0 | (c >> 6));
                buf[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[length++] = (byte) (0xF0 | (cp >> 18));
                buf[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[length++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[length++] = '?';
            } else {
                buf[length++] = (byte) (0xE0 | (c >> 12));
                buf[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void ensure(int extra) {
        int needed = length + extra;
        if (needed < 0) {
            throw new IllegalArgumentException("Command larger than 2 GiB; split the value or the batch");
        }
        if (needed > buf.length) {
            int capacity = Math.max(needed, buf.length * 2);
            if (capacity < 0) {
                capacity = needed;
            }
            buf = Arrays.copyOf(buf, capacity);
        }
    }

    /** @return the buffer holding the encoded bytes from index 0 to {@link #length()} */
    public byte[] array() {
        return buf;
    }

    /** @return the number of encoded bytes waiting to be written */
    public int length() {
        return length;
    }

    /**
     * Appends bytes encoded by another encoder, such as a transaction's commands.
     *
     * @param src the bytes
     * @param offset index of the first byte
     * @param count number of bytes
     */
    public void append(byte[] src, int offset, int count) {
        ensure(count);
        System.arraycopy(src, offset, buf, length, count);
        length += count;
    }

    /**
     * Drops everything encoded after {@code mark}, to take back a batch that could not be encoded whole.
     *
     * @param mark a length returned by {@link #length()} earlier
     */
    public void truncate(int mark) {
        if (mark < 0 || mark > length) {
            throw new IllegalArgumentException("mark " + mark + " outside 0.." + length);
        }
        length = mark;
    }

    /** Forgets the encoded bytes, and gives back memory after an unusually large command. */
    public void clear() {
        length = 0;
        if (buf.length > RETAINED_CAPACITY) {
            buf = new byte[INITIAL_CAPACITY];
        }
    }
}
