package org.dragonflyclient.core.internal.cluster;

import java.nio.charset.StandardCharsets;

/**
 * The hash slot of a key, as Redis Cluster (and Dragonfly in cluster mode) computes it:
 * {@code CRC16(key) mod 16384}, where CRC16 is the XMODEM variant (polynomial {@code 0x1021},
 * initial value 0, no reflection) and {@code key} is replaced by its hash tag when it has one.
 *
 * <p>The hash tag is what lies between the first <code>'{'</code> and the first
 * <code>'}'</code> after it, if that is not empty: <code>{user1000}.following</code> and
 * <code>{user1000}.followers</code> share a slot, <code>foo{}{bar}</code> is hashed whole (the
 * first tag is empty), <code>foo{{bar}}zap</code> hashes <code>{bar</code>. Keys that must meet in one command (a transaction, a script, {@code MSET}
 * on one node) are given the same tag.
 */
public final class SlotHash {

    /** The number of hash slots; slots are numbered from 0 to 16383. */
    public static final int SLOT_COUNT = 16384;

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private SlotHash() {}

    /**
     * Returns the slot of {@code key}.
     *
     * @param key the key's bytes, as sent to the server
     * @return the slot, 0 to 16383
     */
    public static int slot(byte[] key) {
        int from = 0;
        int to = key.length;
        int open = indexOf(key, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(key, (byte) '}', open + 1);
            if (close > open + 1) {
                from = open + 1;
                to = close;
            }
        }
        return crc16(key, from, to) & (SLOT_COUNT - 1);
    }

    /**
     * Returns the slot of {@code key}, encoded in UTF-8 as the client sends it.
     *
     * @param key the key
     * @return the slot, 0 to 16383
     */
    public static int slot(String key) {
        return slot(key.getBytes(StandardCharsets.UTF_8));
    }

    /** CRC16-XMODEM of {@code bytes[from, to)}. */
    static int crc16(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
