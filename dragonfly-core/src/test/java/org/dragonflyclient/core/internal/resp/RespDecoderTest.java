package org.dragonflyclient.core.internal.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dragonflyclient.core.internal.resp.RespCorpus.ascii;
import static org.dragonflyclient.core.internal.resp.RespCorpus.decodeInPieces;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.dragonflyclient.core.RespLimits;
import org.dragonflyclient.core.internal.resp.RespCorpus.Sample;

/** Valid input, whole and in every possible split, decodes to the expected frames. */
class RespDecoderTest {

    static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>(RespCorpus.small());
        samples.add(RespCorpus.bulk("bulk just under the direct threshold", RespDecoder.DIRECT_THRESHOLD - 1, 1));
        samples.add(RespCorpus.concatenation());
        return samples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decode_wholeInput(Sample sample) {
        assertThat(decodeInPieces(sample.bytes())).isEqualTo(sample.frames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decode_oneByteAtATime(Sample sample) {
        int[] cuts = IntStream.range(1, sample.bytes().length).toArray();
        assertThat(decodeInPieces(sample.bytes(), cuts)).isEqualTo(sample.frames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decode_splitInTwoAtEveryOffset(Sample sample) {
        int length = sample.bytes().length;
        // Past a few KiB the cuts are strided: every offset of a 64 KiB payload proves nothing more.
        int stride = length > 4096 ? 509 : 1;
        for (int cut = 0; cut <= length; cut += stride) {
            assertThat(decodeInPieces(sample.bytes(), cut)).as("cut at %d", cut).isEqualTo(sample.frames());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decode_splitInThree(Sample sample) {
        int length = sample.bytes().length;
        if (length <= 64) {
            for (int first = 0; first <= length; first++) {
                for (int second = first; second <= length; second++) {
                    assertThat(decodeInPieces(sample.bytes(), first, second)).isEqualTo(sample.frames());
                }
            }
            return;
        }
        Random random = new Random(length);
        for (int i = 0; i < 200; i++) {
            int first = random.nextInt(length + 1);
            int second = first + random.nextInt(length - first + 1);
            assertThat(decodeInPieces(sample.bytes(), first, second))
                    .as("cuts at %d and %d", first, second)
                    .isEqualTo(sample.frames());
        }
    }

    @Test
    void decode_directModeBulk_wholeSplitAndByteByByte() {
        Sample sample = RespCorpus.bulk("200 KiB", 200 * 1024, 7);
        byte[] bytes = sample.bytes();
        assertThat(sample.frames().get(0)).startsWith("direct(");
        assertThat(decodeInPieces(bytes)).isEqualTo(sample.frames());
        assertThat(decodeInPieces(bytes, IntStream.range(1, bytes.length).toArray()))
                .isEqualTo(sample.frames());
        List<Integer> cuts = new ArrayList<>();
        IntStream.rangeClosed(0, 16).forEach(cuts::add);
        IntStream.rangeClosed(bytes.length - 16, bytes.length).forEach(cuts::add);
        IntStream.iterate(17, cut -> cut < bytes.length, cut -> cut + 4099).forEach(cuts::add);
        for (int cut : cuts) {
            assertThat(decodeInPieces(bytes, cut)).as("cut at %d", cut).isEqualTo(sample.frames());
        }
    }

    @Test
    void decode_directModeBulkBetweenOtherFrames() {
        Sample big = RespCorpus.bulk("100 KiB", 100 * 1024, 3);
        byte[] bytes = RespCorpus.concat(ascii("*2\r\n+before\r\n"), big.bytes(), ascii(":1\r\n"));
        List<String> expected =
                List.of("[ARRAY 2: simple(\"before\"), " + big.frames().get(0) + "]", "int(1)");
        assertThat(decodeInPieces(bytes)).isEqualTo(expected);
        assertThat(decodeInPieces(bytes, 20, 30_000, bytes.length - 5)).isEqualTo(expected);
    }

    @Test
    void decode_directModeDeliversAnArrayOfTheExactLength() {
        byte[] payload = RespCorpus.randomBytes(300_000, 11);
        byte[] bytes = RespCorpus.concat(ascii("$300000\r\n"), payload, ascii("\r\n"));
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();
        decoder.feed(bytes, 0, bytes.length);

        assertThat(decoder.decode(handler)).isOne();
        assertThat(handler.directValues()).singleElement().isEqualTo(payload);
    }

    @Test
    void decode_directModeBlobErrorAndVerbatim() {
        byte[] text = ascii("x".repeat(70_000));
        byte[] bytes = RespCorpus.concat(ascii("!70000\r\n"), text, ascii("\r\n=70004\r\ntxt:"), text, ascii("\r\n"));
        String rendered = RecordingHandler.render(text, 0, text.length);
        assertThat(decodeInPieces(bytes, 5, 70_010, 70_020))
                .containsExactly("error(" + rendered + ")", "verbatim(txt, " + rendered + ")");
    }

    @Test
    void decode_returnsTheFramesCompletedByEachCall() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();
        byte[] bytes = ascii("+A\r\n+B\r\n*2\r\n:1\r\n:2\r\n");

        decoder.feed(bytes, 0, 12);
        assertThat(decoder.decode(handler)).isEqualTo(2);
        assertThat(decoder.isMidFrame()).isTrue();
        assertThat(decoder.hasBufferedBytes()).isFalse();

        decoder.feed(bytes, 12, 3);
        assertThat(decoder.decode(handler)).isZero();
        assertThat(decoder.hasBufferedBytes()).isTrue();

        decoder.feed(bytes, 15, bytes.length - 15);
        assertThat(decoder.decode(handler)).isOne();
        assertThat(decoder.isMidFrame()).isFalse();
        assertThat(handler.frames()).containsExactly("simple(\"A\")", "simple(\"B\")", "[ARRAY 2: int(1), int(2)]");
    }

    @Test
    void decode_beginsTheFrameOnItsTypeByteAndNotOnAnAttribute() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();
        byte[] bytes = ascii("|1\r\n+a\r\n+b\r\n>");

        decoder.feed(bytes, 0, bytes.length - 1);
        decoder.decode(handler);
        assertThat(decoder.isMidFrame()).isFalse();
        assertThat(handler.framesBegun()).isZero();

        decoder.feed(bytes, bytes.length - 1, 1);
        decoder.decode(handler);
        assertThat(decoder.isMidFrame()).isTrue();
        assertThat(handler.framesBegun()).isOne();
    }

    @Test
    void decode_emptyInputDoesNothing() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();

        assertThat(decoder.decode(handler)).isZero();
        assertThat(decoder.isMidFrame()).isFalse();
        assertThat(decoder.hasBufferedBytes()).isFalse();
        assertThat(handler.framesBegun()).isZero();
    }

    @Test
    void decode_nestingUpToTheLimitIsAccepted() {
        RespLimits limits = new RespLimits(1024, 16, 4, 64);
        String deepest = "*1\r\n".repeat(4) + ":1\r\n";
        assertThat(decodeInPieces(limits, ascii(deepest)))
                .containsExactly("[ARRAY 1: [ARRAY 1: [ARRAY 1: [ARRAY 1: int(1)]]]]");
    }

    @Test
    void feed_bufferShrinksBackOnceEmptyAfterGrowingPastOneMebibyte() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        RecordingHandler handler = new RecordingHandler();
        byte[] bytes = ascii(":12345\r\n".repeat(300_000));

        decoder.feed(bytes, 0, bytes.length);
        assertThat(decoder.bufferCapacity()).isGreaterThan(RespDecoder.SHRINK_THRESHOLD);
        assertThat(decoder.decode(handler)).isEqualTo(300_000);
        assertThat(decoder.bufferCapacity()).isEqualTo(RespDecoder.INITIAL_BUFFER_SIZE);
    }
}
