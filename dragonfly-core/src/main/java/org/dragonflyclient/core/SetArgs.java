package org.dragonflyclient.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

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

    /** How the key expires. */
    public enum Expiry {
        /** {@code EX seconds}: after a number of seconds. */
        EX,
        /** {@code PX milliseconds}: after a number of milliseconds. */
        PX,
        /** {@code EXAT unix-seconds}: at a Unix time in seconds. */
        EXAT,
        /** {@code PXAT unix-milliseconds}: at a Unix time in milliseconds. */
        PXAT,
        /** {@code KEEPTTL}: keeps the key's current expiry. */
        KEEPTTL
    }

    /** When the write happens. */
    public enum Condition {
        /** {@code NX}: only if the key does not exist. */
        NX,
        /** {@code XX}: only if the key already exists. */
        XX
    }

    private final @Nullable Expiry expiry;
    private final long expiryValue;
    private final @Nullable Condition condition;

    private SetArgs(@Nullable Expiry expiry, long expiryValue, @Nullable Condition condition) {
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
        return NONE.expiry(Expiry.EX, positive(seconds, "EX seconds"));
    }

    /**
     * @param millis time to live, positive
     * @return {@code PX millis}
     */
    public static SetArgs px(long millis) {
        return NONE.expiry(Expiry.PX, positive(millis, "PX milliseconds"));
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
        return NONE.expiry(Expiry.EXAT, positive(epochSeconds, "EXAT"));
    }

    /**
     * @param epochMillis Unix time in milliseconds to expire at
     * @return {@code PXAT}
     */
    public static SetArgs pxAt(long epochMillis) {
        return NONE.expiry(Expiry.PXAT, positive(epochMillis, "PXAT"));
    }

    /** @return {@code KEEPTTL}: keep the key's current expiry */
    public static SetArgs keepTtl() {
        return NONE.expiry(Expiry.KEEPTTL, 0);
    }

    /** @return these options plus {@code NX}: set only if the key does not exist */
    public SetArgs nx() {
        return condition(Condition.NX);
    }

    /** @return these options plus {@code XX}: set only if the key already exists */
    public SetArgs xx() {
        return condition(Condition.XX);
    }

    /** @return {@code NX} alone */
    public static SetArgs ifAbsent() {
        return NONE.nx();
    }

    /** @return {@code XX} alone */
    public static SetArgs ifPresent() {
        return NONE.xx();
    }

    private SetArgs expiry(Expiry word, long value) {
        if (expiry != null) {
            throw new IllegalArgumentException("SET takes one expiry option; already has " + expiry);
        }
        return new SetArgs(word, value, condition);
    }

    private SetArgs condition(Condition word) {
        if (condition != null && condition != word) {
            throw new IllegalArgumentException("SET takes NX or XX, not both");
        }
        return new SetArgs(expiry, expiryValue, word);
    }

    private static long positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    what + " must be positive, got " + value + " (to store without expiry use SetArgs.none())");
        }
        return value;
    }

    /** @return the expiry option, or {@code null} when the key is stored without one */
    public @Nullable Expiry expiry() {
        return expiry;
    }

    /** @return the expiry's number (seconds, milliseconds or a Unix time); 0 for {@code KEEPTTL} or none */
    public long expiryValue() {
        return expiryValue;
    }

    /** @return the condition, or {@code null} when the write is unconditional */
    public @Nullable Condition condition() {
        return condition;
    }

    /** @return {@code true} when a condition (NX or XX) is set, so the SET may not happen */
    public boolean isConditional() {
        return condition != null;
    }

    @Override
    public String toString() {
        return "SetArgs[" + (expiry == null ? "" : expiry + (expiry == Expiry.KEEPTTL ? "" : " " + expiryValue))
                + (condition == null ? "" : " " + condition) + "]";
    }
}
