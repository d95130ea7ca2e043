package org.dragonflyclient.core.internal.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.RespLimits;
import org.dragonflyclient.core.internal.resp.RespCorpus.Sample;

/**
 * Mutated corpus input, cut at random places: the decoder either delivers well-formed frames or
 * throws a {@link DragonflyProtocolException}; never another exception, an error or a hang.
 */
class RespDecoderFuzzTest {

    private static final long SEED = 0x5EED_D3C0DEL;
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
    /** Bytes that steer the decoder into interesting states when they land in the input. */
    private static final byte[] INTERESTING = RespCorpus.ascii("\r\n\r\n*$%~>|!=(,#_:+-?0123456789");

    private static final RespLimits SMALL = new RespLimits(70_000, 50, 6, 40);

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void decode_mutatedInput_decodesOrFailsWithAProtocolError() {
        List<Sample> corpus = RespCorpus.small();
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int iterations = 0;
        int protocolErrors = 0;
        while (System.nanoTime() < deadline) {
            byte[] input = mutate(pick(corpus, random), random);
            RespLimits limits = random.nextBoolean() ? RespLimits.DEFAULTS : SMALL;
            try {
                if (!run(input, limits, random)) {
                    protocolErrors++;
                }
            } catch (Throwable e) {
                throw new AssertionError(
                        "iteration " + iterations + " of seed " + SEED + " failed on "
                                + RecordingHandler.render(input, 0, input.length) + " with " + limits,
                        e);
            }
            iterations++;
        }
        assertThat(iterations).as("iterations run").isGreaterThan(1000);
        assertThat(protocolErrors).as("mutations rejected").isPositive().isLessThan(iterations);
    }

    /** Decodes the input cut in random pieces; returns false when it was rejected. */
    private static boolean run(byte[] input, RespLimits limits, Random random) throws IOException {
        RespDecoder decoder = new RespDecoder(limits);
        RecordingHandler handler = new RecordingHandler();
        try {
            if (random.nextInt(4) == 0) {
                ChunkedInputStream in = new ChunkedInputStream(input, 1 + random.nextInt(8), 1 + random.nextInt(64));
                while (decoder.readFrom(in) >= 0) {
                    decoder.decode(handler);
                }
            } else {
                int[] cuts = random.ints(random.nextInt(6), 0, input.length + 1)
                        .sorted()
                        .toArray();
                int start = 0;
                for (int i = 0; i <= cuts.length; i++) {
                    int end = i < cuts.length ? cuts[i] : input.length;
                    decoder.feed(input, start, end - start);
                    decoder.decode(handler);
                    start = end;
                }
            }
            return true;
        } catch (DragonflyProtocolException expected) {
            return false;
        }
    }

    private static byte[] pick(List<Sample> corpus, Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            bytes.writeBytes(corpus.get(random.nextInt(corpus.size())).bytes());
        }
        return bytes.toByteArray();
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] bytes = input;
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(5)) {
                case 0 -> flipBit(bytes, at, random.nextInt(8));
                case 1 -> replace(bytes, at, randomByte(random));
                case 2 -> insert(bytes, at, randomByte(random));
                case 3 -> delete(bytes, at);
                default -> duplicate(bytes, at, random.nextInt(Math.min(16, bytes.length - at)) + 1);
            };
            if (bytes.length == 0) {
                return bytes;
            }
        }
        return bytes;
    }

    private static byte randomByte(Random random) {
        return random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
    }

    private static byte[] flipBit(byte[] bytes, int at, int bit) {
        return replace(bytes, at, (byte) (bytes[at] ^ (1 << bit)));
    }

    private static byte[] replace(byte[] bytes, int at, byte value) {
        byte[] copy = bytes.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte value) {
        byte[] copy = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        copy[at] = value;
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
        return copy;
    }

    private static byte[] delete(byte[] bytes, int at) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length - 1);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
        return copy;
    }

    private static byte[] duplicate(byte[] bytes, int at, int length) {
        byte[] copy = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, copy, 0, at + length);
        System.arraycopy(bytes, at, copy, at + length, bytes.length - at);
        return copy;
    }
}
