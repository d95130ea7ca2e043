package org.dragonflyclient.core;

import java.time.Duration;

/**
 * The expiry change of {@code GETEX}: {@code EX}, {@code PX}, {@code EXAT}, {@code PXAT} or
 * {@code PERSIST}. A cache uses {@code GETEX key PX ttl} to refresh an entry's time to idle as it
 * reads it.
 */
public final class GetExArgs {

    /** The expiry change. */
    public enum Expiry {
        /** {@code EX seconds}. */
        EX,
        /** {@code PX milliseconds}. */
        PX,
        /** {@code EXAT unix-seconds}. */
        EXAT,
        /** {@code PXAT unix-milliseconds}. */
        PXAT,
        /** {@code PERSIST}: removes the expiry. */
        PERSIST
    }

    private final Expiry option;
    private final long value;

    private GetExArgs(Expiry option, long value) {
        this.option = option;
        this.value = value;
    }

    /**
     * @param seconds new time to live, positive
     * @return {@code EX seconds}
     */
    public static GetExArgs ex(long seconds) {
        return new GetExArgs(Expiry.EX, positive(seconds));
    }

    /**
     * @param millis new time to live, positive
     * @return {@code PX millis}
     */
    public static GetExArgs px(long millis) {
        return new GetExArgs(Expiry.PX, positive(millis));
    }

    /**
     * @param ttl new time to live, at least a millisecond
     * @return {@code PX millis}
     */
    public static GetExArgs ttl(Duration ttl) {
        return px(ttl.toMillis());
    }

    /**
     * @param epochSeconds Unix time to expire at
     * @return {@code EXAT}
     */
    public static GetExArgs exAt(long epochSeconds) {
        return new GetExArgs(Expiry.EXAT, positive(epochSeconds));
    }

    /**
     * @param epochMillis Unix time in milliseconds to expire at
     * @return {@code PXAT}
     */
    public static GetExArgs pxAt(long epochMillis) {
        return new GetExArgs(Expiry.PXAT, positive(epochMillis));
    }

    /** @return {@code PERSIST}: remove the expiry */
    public static GetExArgs persist() {
        return new GetExArgs(Expiry.PERSIST, 0);
    }

    private static long positive(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "GETEX expiry must be positive, got " + value + " (to remove the expiry use GetExArgs.persist())");
        }
        return value;
    }

    /** @return the expiry change */
    public Expiry expiry() {
        return option;
    }

    /** @return its number (seconds, milliseconds or a Unix time); 0 for {@code PERSIST} */
    public long value() {
        return value;
    }
}
