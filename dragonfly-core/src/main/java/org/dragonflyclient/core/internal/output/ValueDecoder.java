package org.dragonflyclient.core.internal.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the bytes of a bulk or simple string into the value type of a command form: {@code byte[]}
 * for the binary methods, {@code String} for the text methods. One instance per form, shared by
 * every output, so there is one place that decides how bytes become values, and which map or set
 * holds them ({@link #newMap()}, {@link #newSet()}).
 *
 * @param <V> the value type
 */
public interface ValueDecoder<V> {

    /**
     * Copies the bytes into a new array. Its maps and sets are sorted by {@link Arrays#compareUnsigned}:
     * {@code byte[]} compares by identity in a hash map, so {@code get(bytes)} would never find a
     * key; a comparator-based map finds it by content.
     */
    ValueDecoder<byte[]> BYTES = new ValueDecoder<>() {
        @Override
        public byte[] decode(byte[] buf, int offset, int length) {
            return Arrays.copyOfRange(buf, offset, offset + length);
        }

        @Override
        public byte[] decodeOwned(byte[] value) {
            return value;
        }

        @Override
        public <X> Map<byte[], X> newMap() {
            return new TreeMap<>(Arrays::compareUnsigned);
        }

        @Override
        public Set<byte[]> newSet() {
            return new TreeSet<>(Arrays::compareUnsigned);
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

    /**
     * A new, empty, mutable map for values of this form, keeping the server's order; the binary
     * form overrides it with a map that compares {@code byte[]} keys by content.
     *
     * @param <X> the map's value type
     * @return the map
     */
    default <X> Map<V, X> newMap() {
        return new LinkedHashMap<>();
    }

    /**
     * A new, empty, mutable set for values of this form, keeping the server's order; the binary
     * form overrides it with a set that compares {@code byte[]} elements by content.
     *
     * @return the set
     */
    default Set<V> newSet() {
        return new LinkedHashSet<>();
    }
}
