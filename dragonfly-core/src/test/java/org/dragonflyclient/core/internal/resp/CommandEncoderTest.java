package org.dragonflyclient.core.internal.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CommandEncoderTest {

    private final CommandEncoder encoder = new CommandEncoder();

    private String encoded() {
        return new String(Arrays.copyOf(encoder.array(), encoder.length()), StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void encodesNameAndBinaryArguments() {
        encoder.encode(ascii("SET"), new Object[] {ascii("k"), new byte[] {0, '\r', '\n'}});

        assertThat(encoder.length()).isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\n".length() + 3 + 2);
        assertThat(Arrays.copyOfRange(encoder.array(), encoder.length() - 5, encoder.length()))
                .containsExactly(0, '\r', '\n', '\r', '\n');
    }

    @Test
    void encodesNumbersInDecimal() {
        encoder.encode(ascii("X"), new Object[] {0L, -7, 1234567890123L, Long.MIN_VALUE, Long.MAX_VALUE, 2.5});

        assertThat(encoded())
                .isEqualTo("*7\r\n$1\r\nX\r\n$1\r\n0\r\n$2\r\n-7\r\n$13\r\n1234567890123\r\n"
                        + "$20\r\n-9223372036854775808\r\n$19\r\n9223372036854775807\r\n$3\r\n2.5\r\n");
    }

    @Test
    void encodesStringsAsUtf8LikeTheJdk() {
        String[] samples = {"", "plain", "é", "€uro", "日本語", "emoji 😀 ok", "lone \uD800 surrogate", "\uDC00end"};
        for (String sample : samples) {
            CommandEncoder e = new CommandEncoder();
            e.encode(ascii("ECHO"), new Object[] {sample});
            byte[] expectedValue = sample.getBytes(StandardCharsets.UTF_8);
            String header = "*2\r\n$4\r\nECHO\r\n$" + expectedValue.length + "\r\n";
            byte[] actual = Arrays.copyOf(e.array(), e.length());
            byte[] expected = concat(ascii(header), expectedValue, ascii("\r\n"));
            assertThat(actual).as(sample).isEqualTo(expected);
        }
    }

    @Test
    void rejectsNullAndUnsupportedArgumentsWithoutLeavingPartialBytes() {
        encoder.encode(ascii("PING"), new Object[0]);
        int before = encoder.length();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> encoder.encode(ascii("SET"), new Object[] {"k", null}))
                .withMessageContaining("Argument 1 is null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> encoder.encode(ascii("SET"), new Object[] {"k", new Object()}))
                .withMessageContaining("byte[], String or a number");
        assertThat(encoder.length()).isEqualTo(before);
    }

    @Test
    void growsForLargeValuesAndShrinksAfterClear() {
        byte[] big = new byte[3 * 1024 * 1024];
        encoder.encode(ascii("SET"), new Object[] {"k", big});
        assertThat(encoder.length()).isGreaterThan(big.length);

        encoder.clear();

        assertThat(encoder.length()).isZero();
        assertThat(encoder.array().length).isLessThan(big.length);
    }

    @Test
    void truncateDropsWhatWasEncodedAfterTheMark() {
        encoder.encode(ascii("PING"), new Object[0]);
        int mark = encoder.length();
        encoder.encode(ascii("ECHO"), new Object[] {"x"});

        encoder.truncate(mark);

        assertThat(encoded()).isEqualTo("*1\r\n$4\r\nPING\r\n");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
