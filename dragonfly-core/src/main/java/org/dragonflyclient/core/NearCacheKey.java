package org.dragonflyclient.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A server key as a {@link NearCache} and its {@link NearCacheStore} hold it: immutable bytes with
 * content {@code equals}/{@code hashCode}, so it can key a map. Strings are keys in UTF-8, as the
 * client sends them.
 */
public final class NearCacheKey {

    private final byte[] bytes;
    private final int hash;

    private NearCacheKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * @param key the server key; copied
     * @return the key
     */
    public static NearCacheKey of(byte[] key) {
        return new NearCacheKey(key.clone());
    }

    /**
     * @param key the server key, sent in UTF-8
     * @return the key
     */
    public static NearCacheKey of(String key) {
        return new NearCacheKey(key.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a copy of the key's bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the key's length in bytes, for a store that weighs its entries */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NearCacheKey that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** @return the key as UTF-8 text, at most 64 characters of it */
    @Override
    public String toString() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
