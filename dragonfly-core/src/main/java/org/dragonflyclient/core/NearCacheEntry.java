package org.dragonflyclient.core;

/**
 * A value a {@link NearCache} holds locally: the bytes the server answered and the moment the
 * local copy must be dropped at the latest (the near cache's time to live, never later than the
 * server entry's own expiry). A {@link NearCacheStore} keeps it as it is; the near cache checks
 * the deadline on every read, so a store need not expire entries itself, but may (a Caffeine
 * {@code Expiry} can use {@link #expiresAtNanos()} directly: both count in
 * {@link System#nanoTime()}).
 */
public final class NearCacheEntry {

    private final byte[] value;
    private final long expiresAtNanos;

    private NearCacheEntry(byte[] value, long expiresAtNanos) {
        this.value = value;
        this.expiresAtNanos = expiresAtNanos;
    }

    /**
     * @param value the value; the entry owns the array from now on, nobody may modify it
     * @param expiresAtNanos the deadline, in {@link System#nanoTime()}
     * @return the entry
     */
    public static NearCacheEntry of(byte[] value, long expiresAtNanos) {
        return new NearCacheEntry(value, expiresAtNanos);
    }

    /** @return the value's bytes; shared, not to be modified */
    public byte[] value() {
        return value;
    }

    /** @return when the local copy must be gone at the latest, in {@link System#nanoTime()} */
    public long expiresAtNanos() {
        return expiresAtNanos;
    }

    /**
     * @param nowNanos the current {@link System#nanoTime()}
     * @return whether the deadline has passed
     */
    public boolean isExpired(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0;
    }

    /** @return the value's length in bytes, for a store that weighs its entries */
    public int weight() {
        return value.length;
    }

    @Override
    public String toString() {
        return "NearCacheEntry[" + value.length + " bytes]";
    }
}
