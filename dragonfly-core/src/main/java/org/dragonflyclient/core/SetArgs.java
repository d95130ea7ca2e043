package org.dragonflyclient.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.internal.command.Keyword;

/**
 * Options of {@code SET}: at most one expiry ({@code EX}, {@code PX}, {@code EXAT}, {@code PXAT} or
 * {@code KEEPTTL}) and at most one condition ({@code NX} or {@code XX}). Immutable; each method
 * returns a new instance:
 *
 * <pre>{@code
 * client.set("k", "v", SetArgs.ttl(Duration.ofMinutes(5)).nx());
 * }</pre>
 */
public final class SetArgs {

    private static final SetArgs NONE = new SetArgs(null, 0, null);

    private final byte[] expiry;
    private final long expiryValue;
    private final byte[] condition;

    private SetArgs(byte[] expiry, long expiryValue, byte[] condition) {
        this.expiry = expiry;
        this.expiryValue = expiryValue;
        this.condition = condition;
    }

    /** @return no options: a plain {@code SET} */
    public static SetArgs none() {
        return NONE;
    }

    /**
     * @param seconds time to live, positive
     * @return {@code EX seconds}
     */
    public static SetArgs ex(long seconds) {
        return NONE.expiry(Keyword.EX, positive(seconds, "EX seconds"));
    }

    /**
     * @param millis time to live, positive
     * @return {@code PX millis}
     */
    public static SetArgs px(long millis) {
        return NONE.expiry(Keyword.PX, positive(millis, "PX milliseconds"));
    }

    /**
     * Expires after a duration, sent as {@code PX} (milliseconds precision).
     *
     * @param ttl time to live, at least one millisecond
     * @return {@code PX millis}
     */
    public static SetArgs ttl(Duration ttl) {
        return px(ttl.toMillis());
    }

    /**
     * @param epochSeconds Unix time to expire at
     * @return {@code EXAT}
     */
    public static SetArgs exAt(long epochSeconds) {
        return NONE.expiry(Keyword.EXAT, positive(epochSeconds, "EXAT"));
    }

    /**
     * @param epochMillis Unix time in milliseconds to expire at
     * @return {@code PXAT}
     */
    public static SetArgs pxAt(long epochMillis) {
        return NONE.expiry(Keyword.PXAT, positive(epochMillis, "PXAT"));
    }

    /** @return {@code KEEPTTL}: keep the key's current expiry */
    public static SetArgs keepTtl() {
        return NONE.expiry(Keyword.KEEPTTL, 0);
    }

    /** @return these options plus {@code NX}: set only if the key does not exist */
    public SetArgs nx() {
        return condition(Keyword.NX);
    }

    /** @return these options plus {@code XX}: set only if the key already exists */
    public SetArgs xx() {
        return condition(Keyword.XX);
    }

    /** @return {@code NX} alone */
    public static SetArgs ifAbsent() {
        return NONE.nx();
    }

    /** @return {@code XX} alone */
    public static SetArgs ifPresent() {
        return NONE.xx();
    }

    private SetArgs expiry(byte[] word, long value) {
        if (expiry != null) {
            throw new IllegalArgumentException("SET takes one expiry option; already has " + text(expiry));
        }
        return new SetArgs(word, value, condition);
    }

    private SetArgs condition(byte[] word) {
        if (condition != null && condition != word) {
            throw new IllegalArgumentException("SET takes NX or XX, not both");
        }
        return new SetArgs(expiry, expiryValue, word);
    }

    private static long positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value
                    + " (to store without expiry use SetArgs.none())");
        }
        return value;
    }

    private static String text(byte[] word) {
        return new String(word, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Builds the full argument list of {@code SET key value [options] [GET]}.
     *
     * @param key the key
     * @param value the value
     * @param get whether to append {@code GET}
     * @return the arguments after the command name
     */
    public Object[] toArguments(Object key, Object value, boolean get) {
        List<Object> args = new ArrayList<>(6);
        args.add(key);
        args.add(value);
        if (expiry != null) {
            args.add(expiry);
            if (expiry != Keyword.KEEPTTL) {
                args.add(expiryValue);
            }
        }
        if (condition != null) {
            args.add(condition);
        }
        if (get) {
            args.add(Keyword.GET_OPTION);
        }
        return args.toArray();
    }

    /** @return {@code true} when a condition (NX or XX) is set, so the SET may not happen */
    public boolean isConditional() {
        return condition != null;
    }

    @Override
    public String toString() {
        return "SetArgs[" + (expiry == null ? "" : text(expiry) + (expiry == Keyword.KEEPTTL ? "" : " " + expiryValue))
                + (condition == null ? "" : " " + text(condition)) + "]";
    }
}
