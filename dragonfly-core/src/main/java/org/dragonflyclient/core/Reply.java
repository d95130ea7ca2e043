package org.dragonflyclient.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A server reply of any RESP2 or RESP3 type, as returned by
 * {@link DragonflyCommands#execute(String, Object...)} for commands without a typed method.
 * Switch over the records, or use the accessors ({@link #asString()}, {@link #asLong()},
 * {@link #asList()}) that throw a clear error when the reply has another type.
 */
public sealed interface Reply {

    /** The shared null reply ({@code _}, {@code $-1} or {@code *-1}). */
    Reply NULL = new Null();

    /**
     * The reply as text: simple strings, bulk and verbatim strings (UTF-8), numbers and booleans.
     *
     * @return the text, or {@code null} for {@link Null}
     * @throws DragonflyProtocolException for aggregates and errors
     */
    default @Nullable String asString() {
        throw mismatch("a string");
    }

    /**
     * The reply as a number: integers, and strings holding a decimal integer.
     *
     * @return the number
     * @throws DragonflyProtocolException when the reply is not an integer
     */
    default long asLong() {
        throw mismatch("an integer");
    }

    /**
     * The elements of an array, set, map (keys and values alternating) or push.
     *
     * @return the elements, never {@code null}
     * @throws DragonflyProtocolException when the reply is not an aggregate
     */
    default List<Reply> asList() {
        throw mismatch("an aggregate");
    }

    private DragonflyProtocolException mismatch(String wanted) {
        return new DragonflyProtocolException("Expected " + wanted + " reply but got " + this);
    }

    /**
     * {@code +OK}.
     *
     * @param value the text
     */
    record SimpleString(String value) implements Reply {
        @Override
        public String asString() {
            return value;
        }
    }

    /**
     * {@code -ERR ...} or {@code !}: an error nested in an aggregate (top-level errors throw).
     *
     * @param message the error line
     */
    record Error(String message) implements Reply {}

    /**
     * {@code :42}.
     *
     * @param value the value
     */
    record Integer(long value) implements Reply {
        @Override
        public long asLong() {
            return value;
        }

        @Override
        public String asString() {
            return Long.toString(value);
        }
    }

    /**
     * {@code $3\r\nfoo}.
     *
     * @param value the bytes, never copied again
     */
    record Bulk(byte[] value) implements Reply {
        @Override
        public String asString() {
            return new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public long asLong() {
            try {
                return Long.parseLong(asString());
            } catch (NumberFormatException e) {
                return Reply.super.asLong();
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bulk other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bulk[" + asString() + "]";
        }
    }

    /**
     * {@code =15\r\ntxt:...}.
     *
     * @param format the three-letter format
     * @param text the text
     */
    record Verbatim(String format, String text) implements Reply {
        @Override
        public String asString() {
            return text;
        }
    }

    /** {@code _}, {@code $-1} or {@code *-1}: use {@link Reply#NULL}. */
    final class Null implements Reply {
        private Null() {}

        @Override
        public String asString() {
            return null;
        }

        @Override
        public String toString() {
            return "Null";
        }
    }

    /**
     * {@code ,3.14}.
     *
     * @param value the value
     */
    record Double(double value) implements Reply {
        @Override
        public String asString() {
            return java.lang.Double.toString(value);
        }
    }

    /**
     * {@code #t}.
     *
     * @param value the value
     */
    record Boolean(boolean value) implements Reply {
        @Override
        public long asLong() {
            return value ? 1 : 0;
        }

        @Override
        public String asString() {
            return java.lang.Boolean.toString(value);
        }
    }

    /**
     * {@code (1234...}.
     *
     * @param value the value
     */
    record BigNumber(BigInteger value) implements Reply {
        @Override
        public String asString() {
            return value.toString();
        }
    }

    /**
     * {@code *}, {@code ~}, {@code %} or {@code >}.
     *
     * @param type which aggregate
     * @param elements its elements (maps: key, value, key, value...)
     */
    record Aggregate(org.dragonflyclient.core.RespType type, List<Reply> elements) implements Reply {
        @Override
        public List<Reply> asList() {
            return elements;
        }
    }
}
