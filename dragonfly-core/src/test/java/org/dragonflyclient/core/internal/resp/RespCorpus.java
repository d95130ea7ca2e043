package org.dragonflyclient.core.internal.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dragonflyclient.core.RespLimits;

/** Valid RESP2 and RESP3 input with the frames it must decode to, and helpers to feed it in pieces. */
final class RespCorpus {

    /** One piece of input and the frames it holds. */
    record Sample(String name, byte[] bytes, List<String> frames) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every byte value, CR and LF included. */
    static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL_BYTES[i] = (byte) i;
        }
    }

    private RespCorpus() {}

    /** Small samples: every scalar type, nesting, attributes, pushes. */
    static List<Sample> small() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "simple string", "+OK\r\n", "simple(\"OK\")");
        add(samples, "empty simple string", "+\r\n", "simple(\"\")");
        add(samples, "error", "-ERR unknown command 'FOO'\r\n", "error(\"ERR unknown command 'FOO'\")");
        add(samples, "integer", ":42\r\n", "int(42)");
        add(samples, "negative integer", ":-7\r\n", "int(-7)");
        add(samples, "plus-signed integer", ":+7\r\n", "int(7)");
        add(samples, "long max", ":9223372036854775807\r\n", "int(9223372036854775807)");
        add(samples, "long min", ":-9223372036854775808\r\n", "int(-9223372036854775808)");
        add(samples, "bulk", "$3\r\nfoo\r\n", "bulk(\"foo\")");
        add(samples, "empty bulk", "$0\r\n\r\n", "bulk(\"\")");
        add(samples, "bulk holding CRLF", "$4\r\n\r\n\r\n\r\n", "bulk(\"\\x0d\\x0a\\x0d\\x0a\")");
        samples.add(new Sample(
                "binary bulk",
                concat(ascii("$256\r\n"), ALL_BYTES, ascii("\r\n")),
                List.of("bulk(" + RecordingHandler.render(ALL_BYTES, 0, 256) + ")")));
        add(samples, "RESP3 null", "_\r\n", "null");
        add(samples, "RESP2 null bulk", "$-1\r\n", "null");
        add(samples, "RESP2 null array", "*-1\r\n", "null");
        add(samples, "double", ",1.5\r\n", "double(1.5)");
        add(samples, "double with exponent", ",1.5e10\r\n", "double(1.5E10)");
        add(samples, "negative fraction", ",-0.25\r\n", "double(-0.25)");
        add(samples, "whole double", ",-3\r\n", "double(-3.0)");
        add(samples, "infinity", ",inf\r\n", "double(Infinity)");
        add(samples, "negative infinity", ",-inf\r\n", "double(-Infinity)");
        add(samples, "not a number", ",nan\r\n", "double(NaN)");
        add(samples, "true", "#t\r\n", "bool(true)");
        add(samples, "false", "#f\r\n", "bool(false)");
        add(
                samples,
                "big number",
                "(3492890328409238509324850943850943825024385\r\n",
                "big(\"3492890328409238509324850943850943825024385\")");
        add(samples, "negative big number", "(-12345678901234567890\r\n", "big(\"-12345678901234567890\")");
        add(samples, "blob error", "!21\r\nSYNTAX invalid syntax\r\n", "error(\"SYNTAX invalid syntax\")");
        add(samples, "verbatim", "=15\r\ntxt:Some string\r\n", "verbatim(txt, \"Some string\")");
        add(samples, "empty verbatim", "=4\r\nmkd:\r\n", "verbatim(mkd, \"\")");
        add(samples, "verbatim of another format", "=6\r\nabc:xy\r\n", "verbatim(abc, \"xy\")");
        add(samples, "nested arrays", "*2\r\n*1\r\n:1\r\n$3\r\nfoo\r\n", "[ARRAY 2: [ARRAY 1: int(1)], bulk(\"foo\")]");
        add(samples, "array with nulls", "*3\r\n$-1\r\n*-1\r\n_\r\n", "[ARRAY 3: null, null, null]");
        add(
                samples,
                "map",
                "%2\r\n+first\r\n:1\r\n+second\r\n*2\r\n_\r\n#t\r\n",
                "[MAP 2: simple(\"first\"), int(1), simple(\"second\"), [ARRAY 2: null, bool(true)]]");
        add(
                samples,
                "map with aggregate keys",
                "%1\r\n~1\r\n:1\r\n%1\r\n:2\r\n:3\r\n",
                "[MAP 1: [SET 1: int(1)], [MAP 1: int(2), int(3)]]");
        add(samples, "set", "~3\r\n:1\r\n:2\r\n:3\r\n", "[SET 3: int(1), int(2), int(3)]");
        add(samples, "empty array", "*0\r\n", "[ARRAY 0]");
        add(samples, "empty map", "%0\r\n", "[MAP 0]");
        add(samples, "empty set", "~0\r\n", "[SET 0]");
        add(
                samples,
                "nested empty aggregates",
                "*3\r\n*0\r\n%0\r\n~1\r\n*0\r\n",
                "[ARRAY 3: [ARRAY 0], [MAP 0], [SET 1: [ARRAY 0]]]");
        add(
                samples,
                "push",
                ">3\r\n$7\r\nmessage\r\n$4\r\nchan\r\n$5\r\nhello\r\n",
                "push:[PUSH 3: bulk(\"message\"), bulk(\"chan\"), bulk(\"hello\")]");
        add(
                samples,
                "push between two replies",
                "+A\r\n>2\r\n+invalidate\r\n*1\r\n$1\r\nk\r\n:2\r\n",
                "simple(\"A\")",
                "push:[PUSH 2: simple(\"invalidate\"), [ARRAY 1: bulk(\"k\")]]",
                "int(2)");
        add(
                samples,
                "top-level attribute",
                "|1\r\n+key-popularity\r\n*2\r\n$1\r\na\r\n,0.1923\r\n*2\r\n:2039123\r\n:9543892\r\n",
                "[ARRAY 2: int(2039123), int(9543892)]");
        add(samples, "nested attribute", "*2\r\n:1\r\n|1\r\n+ttl\r\n:3600\r\n:2\r\n", "[ARRAY 2: int(1), int(2)]");
        add(
                samples,
                "attribute inside an attribute",
                "*1\r\n|1\r\n+a\r\n|1\r\n+b\r\n:0\r\n*1\r\n:1\r\n%1\r\n+x\r\n:5\r\n",
                "[ARRAY 1: [MAP 1: simple(\"x\"), int(5)]]");
        add(samples, "empty attribute", "|0\r\n+OK\r\n", "simple(\"OK\")");
        add(samples, "attribute before a push", "|1\r\n+k\r\n+v\r\n>1\r\n+x\r\n", "push:[PUSH 1: simple(\"x\")]");
        add(
                samples,
                "several frames",
                "+OK\r\n:1\r\n$1\r\nx\r\n*0\r\n",
                "simple(\"OK\")",
                "int(1)",
                "bulk(\"x\")",
                "[ARRAY 0]");
        return samples;
    }

    /** A bulk string of the given length with pseudo-random content, framed as RESP. */
    static Sample bulk(String name, int length, long seed) {
        byte[] payload = randomBytes(length, seed);
        String rendered = RecordingHandler.render(payload, 0, length);
        String kind = length >= RespDecoder.DIRECT_THRESHOLD ? "direct(" : "bulk(";
        return new Sample(
                name, concat(ascii("$" + length + "\r\n"), payload, ascii("\r\n")), List.of(kind + rendered + ")"));
    }

    /** The small samples one after the other. */
    static Sample concatenation() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> frames = new ArrayList<>();
        for (Sample sample : small()) {
            bytes.writeBytes(sample.bytes());
            frames.addAll(sample.frames());
        }
        return new Sample("all small samples", bytes.toByteArray(), frames);
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    /**
     * Feeds {@code data} cut at the given offsets, decoding after each piece, and checks that the
     * decoder ends between frames with nothing buffered.
     */
    static List<String> decodeInPieces(RespLimits limits, byte[] data, int... cuts) {
        RespDecoder decoder = new RespDecoder(limits);
        RecordingHandler handler = new RecordingHandler();
        int start = 0;
        int completed = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : data.length;
            decoder.feed(data, start, end - start);
            completed += decoder.decode(handler);
            start = end;
        }
        assertThat(completed)
                .as("frames returned by decode")
                .isEqualTo(handler.frames().size());
        assertThat(decoder.isMidFrame()).as("mid-frame at the end").isFalse();
        assertThat(decoder.hasBufferedBytes()).as("bytes left over").isFalse();
        return handler.frames();
    }

    static List<String> decodeInPieces(byte[] data, int... cuts) {
        return decodeInPieces(RespLimits.DEFAULTS, data, cuts);
    }

    private static void add(List<Sample> samples, String name, String resp, String... frames) {
        samples.add(new Sample(name, ascii(resp), List.of(frames)));
    }
}
