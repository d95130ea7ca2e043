package org.dragonflyclient.core.command;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes of a bulk or simple string into the value type of a command form: {@code byte[]}
 * for the binary methods, {@code String} for the text methods. One instance per form, shared by
 * every output, so there is one place that decides how bytes become values.
 *
 * @param <V> the value type
 */
public interface ValueDecoder<V> {

    /** Copies the bytes into a new array. */
    ValueDecoder<byte[]> BYTES = new ValueDecoder<>() {
        @Override
        public byte[] decode(byte[] buf, int offset, int length) {
            return Arrays.copyOfRange(buf, offset, offset + length);
        }

        @Override
        public byte[] decodeOwned(byte[] value) {
            return value;
        }
    };

    /** Decodes the bytes as UTF-8. */
    ValueDecoder<String> UTF8 = (buf, offset, length) -> new String(buf, offset, length, StandardCharsets.UTF_8);

    /**
     * Decodes a range of the decoder's buffer; the range is only valid during the call.
     *
     * @param buf the buffer
     * @param offset first byte
     * @param length number of bytes
     * @return the value
     */
    V decode(byte[] buf, int offset, int length);

    /**
     * Decodes an array that the caller hands over for good (large bulk strings).
     *
     * @param value the bytes, owned by nobody else
     * @return the value
     */
    default V decodeOwned(byte[] value) {
        return decode(value, 0, value.length);
    }
}
