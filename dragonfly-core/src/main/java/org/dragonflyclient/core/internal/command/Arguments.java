package org.dragonflyclient.core.internal.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.SetArgs;

/**
 * Checks and assembles the arguments of the data-type builders. Every check runs before anything
 * is encoded, so a wrong argument fails at its call with {@link IllegalArgumentException} and
 * nothing reaches the server.
 */
final class Arguments {

    private Arguments() {}

    static Object key(Object key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        return key;
    }

    static Object value(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null; to remove a key use del or unlink");
        }
        return value;
    }

    static Object notNull(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    /**
     * {@code key item [item ...]}: a key followed by at least one item.
     *
     * @param command the command name, for messages
     * @param what what the items are, for messages ("field", "member", "value")
     */
    static Object[] keyAndItems(Object key, Object[] items, String command, String what) {
        key(key);
        if (items == null || items.length == 0) {
            throw new IllegalArgumentException(command + " needs at least one " + what);
        }
        Object[] args = new Object[items.length + 1];
        args[0] = key;
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                throw new IllegalArgumentException(command + " " + what + " " + i + " is null");
            }
            args[i + 1] = items[i];
        }
        return args;
    }

    /** {@code key field value [field value ...]} from a map, in its iteration order. */
    static Object[] keyAndPairs(Object key, Map<?, ?> pairs, String command) {
        key(key);
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one field and value");
        }
        Object[] args = new Object[1 + 2 * pairs.size()];
        args[0] = key;
        int i = 1;
        for (Map.Entry<?, ?> e : pairs.entrySet()) {
            args[i++] = notNull(e.getKey(), command + " field");
            args[i++] = notNull(e.getValue(), command + " value");
        }
        return args;
    }

    /**
     * Keys of a command that takes at least one, checked for {@code null}s and copied, so that a
     * caller reusing its array cannot change a command that is not written yet.
     */
    static Object[] keys(Object[] keys, String command) {
        if (keys == null || keys.length == 0) {
            throw new IllegalArgumentException(command + " needs at least one key");
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null) {
                throw new IllegalArgumentException(command + " key " + i + " is null");
            }
        }
        return keys.clone();
    }

    /**
     * A score in the server's syntax: {@code +inf}/{@code -inf} for infinities, integral values
     * without a fraction, others in Java's shortest round-tripping form (which the server parses).
     */
    static String score(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("A score must be a number, not NaN");
        }
        if (Double.isInfinite(score)) {
            return score > 0 ? "+inf" : "-inf";
        }
        if (score == Math.rint(score) && Math.abs(score) < 1e15) {
            return Long.toString((long) score);
        }
        return Double.toString(score);
    }

    /**
     * The timeout of a blocking command in seconds; {@code 0} blocks without limit. A positive
     * duration is rounded up to whole milliseconds (at least one), never down to "forever".
     *
     * <p>Whole seconds go as integers, which every server reads exactly. Other values go as
     * seconds plus half a millisecond: Redis 6.2 multiplies the parsed {@code long double} by 1000
     * and truncates, so {@code "0.001"} came out as 0 ms, which it takes as "block forever"
     * (Redis 7 rounds up instead). With the extra half millisecond a truncating server reads
     * exactly the milliseconds asked for and a rounding one at most one more.
     */
    static String blockingTimeout(Duration timeout, String command) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException(
                    command + " needs a timeout of zero (wait without limit) or more, got " + timeout);
        }
        if (timeout.isZero()) {
            return "0";
        }
        long millis = Math.max(1, timeout.toMillis() + (timeout.toNanosPart() % 1_000_000 == 0 ? 0 : 1));
        if (millis % 1000 == 0) {
            return Long.toString(millis / 1000);
        }
        return (millis / 1000) + "." + String.format("%03d", millis % 1000) + "5";
    }

    /** {@code key cursor [MATCH pattern] [COUNT n]} for {@code HSCAN} and {@code SSCAN}. */
    static Object[] keyScan(Object key, String cursor, ScanArgs args, String command) {
        key(key);
        if (cursor == null || cursor.isEmpty()) {
            throw new IllegalArgumentException(
                    command + " cursor must be \"0\" to start, or the cursor of the previous page");
        }
        if (args != null && args.type() != null) {
            throw new IllegalArgumentException(command + " takes MATCH and COUNT only; TYPE filters the keys of SCAN");
        }
        List<Object> result = new ArrayList<>(6);
        result.add(key);
        scanOptions(result, cursor, args);
        return result.toArray();
    }

    /** {@code cursor [MATCH pattern] [COUNT n] [TYPE type]}, appended to {@code into}. */
    static List<Object> scanOptions(List<Object> into, String cursor, ScanArgs args) {
        into.add(cursor);
        if (args == null) {
            return into;
        }
        byte[] match = args.match();
        if (match != null) {
            into.add(Keyword.MATCH);
            into.add(match);
        }
        if (args.count() > 0) {
            into.add(Keyword.COUNT);
            into.add(args.count());
        }
        String type = args.type();
        if (type != null) {
            into.add(Keyword.TYPE);
            into.add(type);
        }
        return into;
    }

    /** {@code key value [EX n|PX n|EXAT n|PXAT n|KEEPTTL] [NX|XX] [GET]}. */
    static Object[] set(Object key, Object value, SetArgs args, boolean get) {
        List<Object> result = new ArrayList<>(6);
        result.add(key);
        result.add(value);
        SetArgs.Expiry expiry = args.expiry();
        if (expiry != null) {
            result.add(
                    switch (expiry) {
                        case EX -> Keyword.EX;
                        case PX -> Keyword.PX;
                        case EXAT -> Keyword.EXAT;
                        case PXAT -> Keyword.PXAT;
                        case KEEPTTL -> Keyword.KEEPTTL;
                    });
            if (expiry != SetArgs.Expiry.KEEPTTL) {
                result.add(args.expiryValue());
            }
        }
        SetArgs.Condition condition = args.condition();
        if (condition != null) {
            result.add(condition == SetArgs.Condition.NX ? Keyword.NX : Keyword.XX);
        }
        if (get) {
            result.add(Keyword.GET_OPTION);
        }
        return result.toArray();
    }

    /** {@code key EX n|PX n|EXAT n|PXAT n|PERSIST}. */
    static Object[] getex(Object key, GetExArgs args) {
        return switch (args.expiry()) {
            case EX -> new Object[] {key, Keyword.EX, args.value()};
            case PX -> new Object[] {key, Keyword.PX, args.value()};
            case EXAT -> new Object[] {key, Keyword.EXAT, args.value()};
            case PXAT -> new Object[] {key, Keyword.PXAT, args.value()};
            case PERSIST -> new Object[] {key, Keyword.PERSIST_OPTION};
        };
    }
}
