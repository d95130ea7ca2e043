package org.dragonflyclient.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Keys and values shared by the workloads; deterministic, so a check can recompute them. */
public final class Payloads {

    /** The value size used unless a workload says otherwise. */
    public static final int VALUE_SIZE = 100;
    /** The large value of workload f. */
    public static final int LARGE_VALUE_SIZE = 100 * 1024;

    private Payloads() {}

    /**
     * @param size length in bytes
     * @return printable bytes whose content depends on the size, so a reply of the wrong key shows
     */
    public static byte[] value(int size) {
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) ('a' + (i * 7 + size) % 26);
        }
        return value;
    }

    /**
     * @param prefix the workload's key prefix, so workloads never share keys
     * @param count how many keys
     * @return {@code prefix:0} to {@code prefix:(count-1)} as UTF-8
     */
    public static byte[][] keys(String prefix, int count) {
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            keys[i] = (prefix + ":" + i).getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }

    /**
     * Fails the benchmark when a client returned something else than expected: a client that
     * skips work must not win.
     *
     * @param what which reply is checked, for the message
     * @param expected the bytes written
     * @param actual the bytes read back
     * @throws IllegalStateException when they differ
     */
    public static void check(String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException(what + " returned " + (actual == null ? "null" : actual.length + " bytes")
                    + " instead of the " + expected.length + " bytes written");
        }
    }
}
