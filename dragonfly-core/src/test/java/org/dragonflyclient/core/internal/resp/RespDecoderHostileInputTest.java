package org.dragonflyclient.core.internal.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dragonflyclient.core.internal.resp.RespCorpus.ascii;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.RespLimits;

/** Malformed input and input over the limits end in a protocol error, and the decoder stays failed. */
class RespDecoderHostileInputTest {

    /** Small limits, so that tests can exceed them cheaply. */
    private static final RespLimits SMALL = new RespLimits(100, 10, 8, 16);

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "$2147483647\r\n",
                        "bulk string of 2147483647 bytes exceeds maxBulkLength 536870912; "
                                + "raise it with ClientOptions.Builder.maxBulkLength"),
                Arguments.of("$99999999999999999999\r\n", "does not fit a long"),
                Arguments.of("$-2\r\n", "negative length -2 for a bulk string"),
                Arguments.of("$1x\r\nab\r\n", "invalid bulk string length \"1x\""),
                Arguments.of("$\r\n", "empty bulk string length"),
                Arguments.of("*-\r\n", "sign without digits in array length"),
                Arguments.of("*-5\r\n", "negative length -5 for a array"),
                Arguments.of("%-1\r\n", "negative length -1 for a map"),
                Arguments.of("~-1\r\n", "negative length -1 for a set"),
                Arguments.of("!-1\r\n", "negative length -1 for a blob error"),
                Arguments.of("?\r\n", "unknown RESP type byte '?' (0x3f) at stream offset 0"),
                Arguments.of("+OK\r\n\0\r\n", "unknown RESP type byte 0x00 at stream offset 5"),
                Arguments.of("$3\r\nfooXY", "bulk string of 3 bytes not followed by CRLF at stream offset 7"),
                Arguments.of("$3\r\nfoo\r\r", "not followed by CRLF"),
                Arguments.of("$3\r\nfo\r\n+OK\r\n", "not followed by CRLF"),
                Arguments.of("+OK\rX", "CR not followed by LF at stream offset 3 (got 'X' (0x58))"),
                Arguments.of(":1\n", "LF without CR"),
                Arguments.of("$?\r\n", "streamed RESP3 types are not supported"),
                Arguments.of("*?\r\n", "streamed RESP3 types are not supported"),
                Arguments.of("#x\r\n", "invalid boolean \"x\""),
                Arguments.of("#tt\r\n", "invalid boolean"),
                Arguments.of("#\r\n", "invalid boolean"),
                Arguments.of(",1.2.3\r\n", "invalid double \"1.2.3\""),
                Arguments.of(",abc\r\n", "invalid double"),
                Arguments.of(",Infinity\r\n", "invalid double"),
                Arguments.of(", 1\r\n", "invalid double"),
                Arguments.of(",\r\n", "empty double"),
                Arguments.of(
                        ":9223372036854775808\r\n",
                        "integer \"9223372036854775808\" at stream offset 1 " + "does not fit a long"),
                Arguments.of(":-9223372036854775809\r\n", "does not fit a long"),
                Arguments.of(":12a\r\n", "invalid integer \"12a\""),
                Arguments.of(":\r\n", "empty integer"),
                Arguments.of("(12x\r\n", "invalid big number"),
                Arguments.of("(-\r\n", "invalid big number"),
                Arguments.of("_x\r\n", "null with content"),
                Arguments.of("=3\r\ntxt\r\n", "does not start with a three-letter format"),
                Arguments.of("=5\r\ntxt-x\r\n", "does not start with a three-letter format"),
                Arguments.of("*1\r\n".repeat(10_000), "nesting deeper than 128 levels"),
                Arguments.of("|1\r\n".repeat(200), "nesting deeper than 128 levels"),
                Arguments.of("*100000000\r\n", "array of 100000000 elements exceeds maxAggregateLength 67108864"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decode_malformedInput_failsAndStaysFailed(String input, String message) {
        assertFailsAndStaysFailed(RespLimits.DEFAULTS, ascii(input), message);
    }

    static Stream<Arguments> overSmallLimits() {
        return Stream.of(
                Arguments.of(
                        "+" + "x".repeat(17) + "\r\n",
                        "exceeds maxLineLength 16; " + "raise it with ClientOptions.Builder.maxLineLength"),
                Arguments.of("-" + "x".repeat(17), "exceeds maxLineLength 16"),
                Arguments.of(":" + "1".repeat(40), "exceeds maxLineLength 16"),
                Arguments.of("$101\r\n", "bulk string of 101 bytes exceeds maxBulkLength 100"),
                Arguments.of("=101\r\n", "verbatim string of 101 bytes exceeds maxBulkLength 100"),
                Arguments.of(
                        "*11\r\n",
                        "array of 11 elements exceeds maxAggregateLength 10; "
                                + "raise it with ClientOptions.Builder.maxAggregateLength"),
                Arguments.of("%11\r\n", "map of 11 pairs exceeds maxAggregateLength 10"),
                Arguments.of(">11\r\n", "push of 11 elements exceeds maxAggregateLength 10"),
                Arguments.of("|11\r\n", "attribute of 11 pairs exceeds maxAggregateLength 10"),
                Arguments.of("*1\r\n".repeat(9), "nesting deeper than 8 levels"),
                Arguments.of("*1\r\n".repeat(8) + "*0\r\n", "nesting deeper than 8 levels"),
                Arguments.of("*1\r\n".repeat(4) + "|1\r\n".repeat(5) + "+a\r\n", "nesting deeper than 8 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overSmallLimits")
    void decode_inputOverALimit_failsAndStaysFailed(String input, String message) {
        assertFailsAndStaysFailed(SMALL, ascii(input), message);
    }

    @Test
    void decode_longLineFedByteByByte_failsOnceOverTheLimit() {
        RespDecoder decoder = new RespDecoder(SMALL);
        RecordingHandler handler = new RecordingHandler();
        byte[] plus = ascii("+");
        byte[] x = ascii("x");
        decoder.feed(plus, 0, 1);
        for (int i = 0; i < 16; i++) {
            decoder.feed(x, 0, 1);
            assertThat(decoder.decode(handler)).isZero();
        }
        decoder.feed(x, 0, 1);
        assertThatThrownBy(() -> decoder.decode(handler))
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessageContaining("maxLineLength 16");
    }

    @Test
    void decode_deepNestingFedByteByByte_failsOnDepth() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();
        byte[] bytes = ascii("*1\r\n".repeat(10_000));
        assertThatThrownBy(() -> {
                    for (int i = 0; i < bytes.length; i++) {
                        decoder.feed(bytes, i, 1);
                        decoder.decode(handler);
                    }
                })
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessageContaining("nesting deeper than 128 levels");
    }

    @Test
    void decode_directModeBulkWithoutCrlf_fails() {
        byte[] payload = new byte[RespDecoder.DIRECT_THRESHOLD];
        byte[] input = RespCorpus.concat(ascii("$" + payload.length + "\r\n"), payload, ascii("\r+OK\r\n"));
        assertFailsAndStaysFailed(
                RespLimits.DEFAULTS, input, "bulk string of 65536 bytes not followed by CRLF at stream offset 65544");
    }

    @Test
    void decode_directModeVerbatimWithoutFormat_fails() {
        byte[] text = ascii("x".repeat(RespDecoder.DIRECT_THRESHOLD));
        byte[] input = RespCorpus.concat(ascii("=" + text.length + "\r\n"), text, ascii("\r\n"));
        assertFailsAndStaysFailed(RespLimits.DEFAULTS, input, "does not start with a three-letter format");
    }

    @Test
    void decode_failureIsReportedAgainByEveryLaterCall() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();
        decoder.feed(ascii("+OK\r\n?"), 0, 6);

        assertThatThrownBy(() -> decoder.decode(handler)).isInstanceOf(DragonflyProtocolException.class);
        assertThat(handler.frames()).containsExactly("simple(\"OK\")");
        assertThatThrownBy(() -> decoder.decode(handler))
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessageContaining("failed earlier")
                .hasMessageContaining("unknown RESP type byte '?'");
        assertThatThrownBy(() -> decoder.feed(ascii("+OK\r\n"), 0, 5)).isInstanceOf(DragonflyProtocolException.class);
        assertThatThrownBy(() -> decoder.readFrom(new ByteArrayInputStream(ascii("+OK\r\n"))))
                .isInstanceOf(DragonflyProtocolException.class);
    }

    @Test
    void decode_errorPositionCountsTheBytesOfEarlierFrames() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();
        byte[] first = ascii("+OK\r\n".repeat(10_000));
        decoder.feed(first, 0, first.length);
        decoder.decode(handler);
        decoder.feed(ascii(":1\r\n&"), 0, 5);

        assertThatThrownBy(() -> decoder.decode(handler))
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessageContaining("'&' (0x26) at stream offset " + (first.length + 4));
    }

    private static void assertFailsAndStaysFailed(RespLimits limits, byte[] input, String message) {
        RespDecoder decoder = new RespDecoder(limits);
        RecordingHandler handler = new RecordingHandler();
        decoder.feed(input, 0, input.length);

        assertThatThrownBy(() -> decoder.decode(handler))
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> decoder.decode(handler))
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessageContaining(message);
    }
}
