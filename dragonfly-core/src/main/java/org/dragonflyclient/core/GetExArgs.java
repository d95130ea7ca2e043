package org.dragonflyclient.core;

import java.time.Duration;

import org.dragonflyclient.core.internal.command.Keyword;

/**
 * The expiry change of {@code GETEX}: {@code EX}, {@code PX}, {@code EXAT}, {@code PXAT} or
 * {@code PERSIST}. A cache uses {@code GETEX key PX ttl} to refresh an entry's time to idle as it
 * reads it.
 */
public final class GetExArgs {

    private final byte[] option;
    private final long value;

    private GetExArgs(byte[] option, long value) {
        this.option = option;
        this.value = value;
    }

    /**
     * @param seconds new time to live, positive
     * @return {@code EX seconds}
     */
    public static GetExArgs ex(long seconds) {
        return new GetExArgs(Keyword.EX, positive(seconds));
    }

    /**
     * @param millis new time to live, positive
     * @return {@code PX millis}
     */
    public static GetExArgs px(long millis) {
        return new GetExArgs(Keyword.PX, positive(millis));
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
        return new GetExArgs(Keyword.EXAT, positive(epochSeconds));
    }

    /**
     * @param epochMillis Unix time in milliseconds to expire at
     * @return {@code PXAT}
     */
    public static GetExArgs pxAt(long epochMillis) {
        return new GetExArgs(Keyword.PXAT, positive(epochMillis));
    }

    /** @return {@code PERSIST}: remove the expiry */
    public static GetExArgs persist() {
        return new GetExArgs(Keyword.PERSIST_OPTION, 0);
    }

    private static long positive(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("GETEX expiry must be positive, got " + value
                    + " (to remove the expiry use GetExArgs.persist())");
        }
        return value;
    }

    /**
     * @param key the key
     * @return the arguments after the command name
     */
    public Object[] toArguments(Object key) {
        return option == Keyword.PERSIST_OPTION ? new Object[] {key, option} : new Object[] {key, option, value};
    }
}
