package org.dragonflyclient.core.internal.resp;

import java.nio.charset.StandardCharsets;

import org.dragonflyclient.core.DragonflyProtocolException;

/**
 * Parses the text of RESP scalar lines in place, straight from the decoder's buffer. Integers and
 * lengths never go through a {@code String}: they are on the path of every reply. Each method
 * receives the stream offset of its first byte so that an error says where the stream went wrong.
 */
final class RespScalars {

    /** Up to 18 decimal digits always fit a long, so they need no overflow check. */
    private static final int SAFE_DIGITS = 18;
    /** Doubles with up to 15 digits and no fraction convert exactly from a long. */
    private static final int EXACT_DOUBLE_DIGITS = 15;
    /** Longest excerpt of the offending bytes quoted in an error message. */
    private static final int MAX_EXCERPT = 40;

    private RespScalars() {}

    /**
     * Parses an optionally signed decimal long.
     *
     * @param what what the number is, for the error message ("integer", "length")
     * @throws DragonflyProtocolException when the text is empty, a sign alone, holds a non-digit or
     *         does not fit a long
     */
    static long parseLong(byte[] b, int from, int to, String what, long position) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == to) {
            throw new DragonflyProtocolException(
                    (from == to ? "empty " : "sign without digits in ") + what + " at stream offset " + position);
        }
        if (to - i <= SAFE_DIGITS) {
            long value = 0;
            for (; i < to; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw invalid(what, b, from, to, position);
                }
                value = value * 10 + digit;
            }
            return negative ? -value : value;
        }
        return parseLongChecked(b, from, i, to, negative, what, position);
    }

    /** The slow path for long numbers: accumulates negatively, as Long.parseLong does, to reach MIN_VALUE. */
    private static long parseLongChecked(
            byte[] b, int from, int i, int to, boolean negative, String what, long position) {
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyMin = limit / 10;
        long value = 0;
        for (; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                throw invalid(what, b, from, to, position);
            }
            if (value < multiplyMin || value * 10 < limit + digit) {
                throw new DragonflyProtocolException(
                        what + " " + excerpt(b, from, to) + " at stream offset " + position + " does not fit a long");
            }
            value = value * 10 - digit;
        }
        return negative ? value : -value;
    }

    /**
     * Parses a RESP3 double: {@code inf}, {@code -inf}, {@code nan} or a decimal with an optional
     * exponent. Only the last form allocates, and only when it has a fraction or an exponent.
     *
     * @throws DragonflyProtocolException when the text is not a double
     */
    static double parseDouble(byte[] b, int from, int to, long position) {
        int length = to - from;
        if (length == 0) {
            throw new DragonflyProtocolException("empty double at stream offset " + position);
        }
        double special = parseSpecial(b, from, length);
        if (special == special) {
            return special;
        }
        if (isWord(b, from, length, "nan")) {
            return Double.NaN;
        }
        boolean integral = true;
        int digits = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                integral &= (c == '-' || c == '+') && i == from;
            } else {
                throw invalid("double", b, from, to, position);
            }
        }
        if (digits == 0) {
            throw invalid("double", b, from, to, position);
        }
        if (integral && digits <= EXACT_DOUBLE_DIGITS) {
            // ZSCORE and friends mostly answer whole numbers: no String for them.
            long value = parseLong(b, from, to, "double", position);
            return value == 0 && b[from] == '-' ? -0.0 : (double) value;
        }
        try {
            return Double.parseDouble(new String(b, from, length, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw invalid("double", b, from, to, position);
        }
    }

    /** Returns an infinity for {@code inf}, {@code +inf} or {@code -inf}, NaN for anything else. */
    private static double parseSpecial(byte[] b, int from, int length) {
        if (isWord(b, from, length, "inf") || isWord(b, from, length, "+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (isWord(b, from, length, "-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.NaN;
    }

    /** Case-insensitive comparison with an ASCII word, without allocating. */
    private static boolean isWord(byte[] b, int from, int length, String word) {
        if (length != word.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a RESP3 boolean: exactly {@code t} or {@code f}.
     *
     * @throws DragonflyProtocolException for anything else
     */
    static boolean parseBoolean(byte[] b, int from, int to, long position) {
        if (to - from == 1 && (b[from] == 't' || b[from] == 'f')) {
            return b[from] == 't';
        }
        throw invalid("boolean", b, from, to, position);
    }

    /**
     * Checks a RESP3 big number: an optional {@code -} and at least one digit.
     *
     * @throws DragonflyProtocolException when the text is not such a number
     */
    static void checkBigNumber(byte[] b, int from, int to, long position) {
        int i = from < to && b[from] == '-' ? from + 1 : from;
        if (i == to) {
            throw invalid("big number", b, from, to, position);
        }
        for (; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw invalid("big number", b, from, to, position);
            }
        }
    }

    /** The three-letter format of a verbatim string; the two formats servers send are constants. */
    static String verbatimFormat(byte[] b, int offset) {
        if (b[offset] == 't' && b[offset + 1] == 'x' && b[offset + 2] == 't') {
            return "txt";
        }
        if (b[offset] == 'm' && b[offset + 1] == 'k' && b[offset + 2] == 'd') {
            return "mkd";
        }
        return new String(b, offset, 3, StandardCharsets.ISO_8859_1);
    }

    /** Describes a byte for an error message: the character when printable, its hex value always. */
    static String describeByte(byte value) {
        int unsigned = value & 0xFF;
        String hex = String.format("0x%02x", unsigned);
        return unsigned >= 0x20 && unsigned < 0x7F ? "'" + (char) unsigned + "' (" + hex + ")" : hex;
    }

    /** Quotes the bytes, escaping the unprintable ones and cutting long text short. */
    static String excerpt(byte[] b, int from, int to) {
        StringBuilder text = new StringBuilder("\"");
        int end = Math.min(to, from + MAX_EXCERPT);
        for (int i = from; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02x", c));
            }
        }
        return text.append(end < to ? "...\"" : "\"").toString();
    }

    private static DragonflyProtocolException invalid(String what, byte[] b, int from, int to, long position) {
        return new DragonflyProtocolException(
                "invalid " + what + " " + excerpt(b, from, to) + " at stream offset " + position);
    }
}
