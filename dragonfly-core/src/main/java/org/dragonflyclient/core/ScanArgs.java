package org.dragonflyclient.core;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Options of {@code SCAN}: a glob pattern ({@code MATCH}), a page size hint ({@code COUNT}) and a
 * type filter ({@code TYPE}). Immutable.
 *
 * <pre>{@code
 * for (KeyScanner<String> it = client.scan(ScanArgs.match("cache::*").count(500)); it.hasNext(); ) { ... }
 * }</pre>
 */
public final class ScanArgs {

    private static final ScanArgs ALL = new ScanArgs(null, 0, null);

    private final byte @Nullable [] match;
    private final long count;
    private final @Nullable String type;

    private ScanArgs(byte @Nullable [] match, long count, @Nullable String type) {
        this.match = match;
        this.count = count;
        this.type = type;
    }

    /** @return no options: every key, the server's default page size */
    public static ScanArgs all() {
        return ALL;
    }

    /**
     * @param pattern a glob such as {@code user:*}
     * @return options with {@code MATCH pattern}
     */
    public static ScanArgs match(String pattern) {
        return ALL.withMatch(pattern == null ? null : pattern.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param pattern a glob as raw bytes
     * @return options with {@code MATCH pattern}
     */
    public static ScanArgs match(byte[] pattern) {
        return ALL.withMatch(pattern == null ? null : pattern.clone());
    }

    private ScanArgs withMatch(byte @Nullable [] pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("MATCH pattern must not be null; use ScanArgs.all() to scan every key");
        }
        return new ScanArgs(pattern, count, type);
    }

    /**
     * @param count how many keys the server should look at per call, positive
     * @return new options
     */
    public ScanArgs count(long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("COUNT must be positive, got " + count);
        }
        return new ScanArgs(match, count, type);
    }

    /**
     * @param type only keys of this type: {@code string}, {@code hash}, {@code list}...
     * @return new options
     */
    public ScanArgs type(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("TYPE must name a data type such as string or hash");
        }
        return new ScanArgs(match, count, type);
    }

    /** @return the {@code MATCH} pattern as bytes (UTF-8 for a text pattern), or {@code null} for every key */
    public byte @Nullable [] match() {
        return match == null ? null : match.clone();
    }

    /** @return the {@code COUNT} hint, or 0 for the server's default */
    public long count() {
        return count;
    }

    /** @return the {@code TYPE} filter, or {@code null} for keys of every type */
    public @Nullable String type() {
        return type;
    }
}
