package org.dragonflyclient.core;

import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.internal.command.Keyword;

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

    private final Object match;
    private final long count;
    private final String type;

    private ScanArgs(Object match, long count, String type) {
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
        return ALL.withMatch(pattern);
    }

    /**
     * @param pattern a glob as raw bytes
     * @return options with {@code MATCH pattern}
     */
    public static ScanArgs match(byte[] pattern) {
        return ALL.withMatch(pattern);
    }

    private ScanArgs withMatch(Object pattern) {
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

    /**
     * @param cursor the cursor to continue from, {@code "0"} to start
     * @return the arguments after the command name
     */
    public Object[] toArguments(String cursor) {
        List<Object> args = new ArrayList<>(7);
        args.add(cursor);
        if (match != null) {
            args.add(Keyword.MATCH);
            args.add(match);
        }
        if (count > 0) {
            args.add(Keyword.COUNT);
            args.add(count);
        }
        if (type != null) {
            args.add(Keyword.TYPE);
            args.add(type);
        }
        return args.toArray();
    }
}
