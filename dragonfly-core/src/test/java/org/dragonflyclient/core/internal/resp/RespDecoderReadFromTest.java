package org.dragonflyclient.core.internal.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dragonflyclient.core.internal.resp.RespCorpus.ascii;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.RespLimits;
import org.dragonflyclient.core.internal.resp.RespCorpus.Sample;

/** Reading from an InputStream: one read per call, and direct mode straight into the value's array. */
class RespDecoderReadFromTest {

    @Test
    void readFrom_corpusInChunksOfVaryingSize() throws IOException {
        Sample sample = RespCorpus.concatenation();
        for (int[] pattern : new int[][] {{1}, {2, 3}, {1, 7, 3, 64, 2}, {4096}}) {
            RecordingHandler handler =
                    readAll(new RespDecoder(RespLimits.DEFAULTS), new ChunkedInputStream(sample.bytes(), pattern));
            assertThat(handler.frames()).isEqualTo(sample.frames());
        }
    }

    @Test
    void readFrom_performsExactlyOneReadPerCall() throws IOException {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        ChunkedInputStream in =
                new ChunkedInputStream(RespCorpus.bulk("big", 100_000, 5).bytes(), 3, 50_000);
        RecordingHandler handler = new RecordingHandler();
        int calls = 0;
        while (decoder.readFrom(in) >= 0) {
            calls++;
            assertThat(in.reads()).isEqualTo(calls);
            decoder.decode(handler);
        }
        assertThat(in.reads()).isEqualTo(calls + 1);
        assertThat(handler.frames()).hasSize(1);
    }

    @Test
    void readFrom_directModeReceivesTheExactBytesIntoTheValuesOwnArray() throws IOException {
        byte[] payload = RespCorpus.randomBytes(200 * 1024, 9);
        byte[] bytes = RespCorpus.concat(
                ascii("*3\r\n+a\r\n$" + payload.length + "\r\n"), payload, ascii("\r\n:1\r\n+after\r\n"));
        for (int[] pattern : new int[][] {{1, 5, 3}, {7, 8192, 1, 65536, 2}, {1 << 20}}) {
            ChunkedInputStream in = new ChunkedInputStream(bytes, pattern);
            RecordingHandler handler = readAll(new RespDecoder(RespLimits.DEFAULTS), in);

            byte[] value = handler.directValues().get(0);
            assertThat(value).isEqualTo(payload);
            assertThat(in.filled(value))
                    .as("read straight into the value's array")
                    .isTrue();
            assertThat(handler.frames()).hasSize(2);
            assertThat(handler.frames().get(1)).isEqualTo("simple(\"after\")");
        }
    }

    @Test
    void readFrom_directArrayGrowsByDoublingToTheExactLength() throws IOException {
        int length = 5 * 1024 * 1024 + 3;
        byte[] payload = RespCorpus.randomBytes(length, 13);
        byte[] bytes = RespCorpus.concat(ascii("$" + length + "\r\n"), payload, ascii("\r\n"));
        RecordingHandler handler =
                readAll(new RespDecoder(RespLimits.DEFAULTS), new ChunkedInputStream(bytes, 100_000, 1, 1 << 20));

        assertThat(handler.directValues()).singleElement().isEqualTo(payload);
    }

    @Test
    void readFrom_announcedButUnsentBulkDoesNotAllocateItsDeclaredSize() throws IOException {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        byte[] bytes = RespCorpus.concat(ascii("$536870912\r\n"), ascii("only a few bytes"));
        readAll(decoder, new ChunkedInputStream(bytes, 4096));

        assertThat(decoder.isMidFrame()).isTrue();
        assertThat(decoder.directCapacity()).isEqualTo(RespDecoder.DIRECT_INITIAL_CAPACITY);
    }

    @Test
    void readFrom_directArrayGrowsWithTheBytesActuallyReceived() throws IOException {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        byte[] bytes = RespCorpus.concat(ascii("$536870912\r\n"), new byte[3 * 1024 * 1024]);
        readAll(decoder, new ChunkedInputStream(bytes, 65536));

        assertThat(decoder.directCapacity()).isEqualTo(4 * 1024 * 1024);
    }

    @Test
    void feed_directArrayGrowsWithTheBytesActuallyFed() {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        byte[] bytes = RespCorpus.concat(ascii("$536870912\r\n"), new byte[3 * 1024 * 1024]);
        decoder.feed(bytes, 0, bytes.length);
        decoder.decode(new RecordingHandler());

        assertThat(decoder.directCapacity()).isEqualTo(4 * 1024 * 1024);
        assertThat(decoder.hasBufferedBytes()).isFalse();
    }

    @Test
    void readFrom_returnsMinusOneAtTheEndOfTheStream() throws IOException {
        RespDecoder decoder = new RespDecoder(RespLimits.DEFAULTS);
        ChunkedInputStream in = new ChunkedInputStream(ascii("+OK\r\n"), 100);

        assertThat(decoder.readFrom(in)).isEqualTo(5);
        assertThat(decoder.readFrom(in)).isEqualTo(-1);
        RecordingHandler handler = new RecordingHandler();
        assertThat(decoder.decode(handler)).isOne();
        assertThat(handler.frames()).isEqualTo(List.of("simple(\"OK\")"));
    }

    /** Reads and decodes until the end of the stream. */
    private static RecordingHandler readAll(RespDecoder decoder, ChunkedInputStream in) throws IOException {
        RecordingHandler handler = new RecordingHandler();
        while (decoder.readFrom(in) >= 0) {
            decoder.decode(handler);
        }
        return handler;
    }
}
