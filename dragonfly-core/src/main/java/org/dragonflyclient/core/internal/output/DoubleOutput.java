package org.dragonflyclient.core.internal.output;

import java.nio.charset.StandardCharsets;

import org.dragonflyclient.core.DragonflyProtocolException;

/**
 * A floating-point reply that may be absent: a RESP3 double ({@code ,1.5}) or a RESP2 bulk string
 * ({@code "1.5"}, {@code "inf"}), and {@code null} for a missing member ({@code ZSCORE},
 * {@code ZINCRBY}).
 */
public final class DoubleOutput extends ReplyOutput<Double> {

    private Double value;

    @Override
    public void doubleValue(double value) {
        this.value = value;
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        try {
            this.value = parse(buf, offset, length);
        } catch (DragonflyProtocolException e) {
            fail(e);
        }
    }

    @Override
    public void integer(long value) {
        this.value = (double) value;
    }

    @Override
    public void nullValue() {
        this.value = null;
    }

    @Override
    public Double result() {
        return value;
    }

    /**
     * Parses a score as servers write it: a decimal number, {@code inf}, {@code +inf} or {@code -inf}.
     *
     * @throws DragonflyProtocolException when the text is not a number
     */
    static double parse(byte[] buf, int offset, int length) {
        String text = new String(buf, offset, length, StandardCharsets.US_ASCII);
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new DragonflyProtocolException("Expected a score but the server sent '" + text + "'");
                }
        }
    }
}
