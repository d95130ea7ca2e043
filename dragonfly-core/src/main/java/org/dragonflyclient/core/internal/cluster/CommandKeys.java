package org.dragonflyclient.core.internal.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dragonflyclient.core.DragonflyCrossSlotException;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;

/**
 * Where the keys of a command are among its arguments, and so which hash slot it belongs to.
 *
 * <p>Most commands take one key first, which is the default, also for commands sent with
 * {@code execute(...)} under a name this table does not know. The exceptions are listed here:
 * commands without keys (any node may run them), commands whose every argument is a key,
 * {@code MSET}'s alternating keys and values, the blocking pops (keys, then a timeout), and
 * scripts ({@code EVAL script numkeys key... arg...}).
 */
public final class CommandKeys {

    /** Where a command's keys are. */
    enum Layout {
        /** No key: any node. */
        NONE,
        /** The first argument. */
        FIRST,
        /** Every argument. */
        ALL,
        /** Every other argument, from the first ({@code MSET key value key value}). */
        PAIRS,
        /** Every argument but the last ({@code BLPOP key... timeout}). */
        ALL_BUT_LAST,
        /** {@code script numkeys key...}: {@code EVAL}, {@code EVALSHA}. */
        SCRIPT
    }

    /** "No slot": the command has no key. */
    public static final int ANY = -1;

    private static final Map<byte[], Layout> BY_KEYWORD = new IdentityHashMap<>();
    private static final Map<String, Layout> BY_NAME = new HashMap<>();

    static {
        for (byte[] name : new byte[][] {
            Keyword.PING,
            Keyword.ECHO,
            Keyword.INFO,
            Keyword.DBSIZE,
            Keyword.FLUSHDB,
            Keyword.FLUSHALL,
            Keyword.SCAN,
            Keyword.SCRIPT,
            Keyword.PUBLISH,
            Keyword.HELLO,
            Keyword.AUTH,
            Keyword.CLIENT,
            Keyword.SELECT,
            Keyword.MULTI,
            Keyword.EXEC,
            Keyword.DISCARD,
            Keyword.UNWATCH,
            Keyword.ASKING,
            Keyword.CLUSTER
        }) {
            register(name, Layout.NONE);
        }
        for (byte[] name : new byte[][] {Keyword.DEL, Keyword.UNLINK, Keyword.EXISTS, Keyword.MGET, Keyword.WATCH}) {
            register(name, Layout.ALL);
        }
        register(Keyword.MSET, Layout.PAIRS);
        register(Keyword.BLPOP, Layout.ALL_BUT_LAST);
        register(Keyword.BRPOP, Layout.ALL_BUT_LAST);
        register(Keyword.EVAL, Layout.SCRIPT);
        register(Keyword.EVALSHA, Layout.SCRIPT);
    }

    private CommandKeys() {}

    private static void register(byte[] name, Layout layout) {
        BY_KEYWORD.put(name, layout);
        BY_NAME.put(new String(name, StandardCharsets.US_ASCII), layout);
    }

    static Layout layout(Command<?> command) {
        Layout layout = BY_KEYWORD.get(command.name());
        if (layout != null) {
            return layout;
        }
        // execute(...): a name typed by the user, in any case.
        layout = BY_NAME.get(new String(command.name(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT));
        return layout != null ? layout : Layout.FIRST;
    }

    /**
     * Returns the keys of a command, in argument order.
     *
     * @param command the command
     * @return its keys ({@code byte[]}, {@code String} or numbers), empty when it has none
     */
    public static List<Object> keys(Command<?> command) {
        Object[] args = command.args();
        return switch (layout(command)) {
            case NONE -> List.of();
            case FIRST -> args.length == 0 ? List.of() : List.of(args[0]);
            case ALL -> List.of(args);
            case ALL_BUT_LAST -> args.length == 0 ? List.of() : List.of(args).subList(0, args.length - 1);
            case PAIRS -> {
                List<Object> keys = new ArrayList<>(args.length / 2);
                for (int i = 0; i < args.length; i += 2) {
                    keys.add(args[i]);
                }
                yield keys;
            }
            case SCRIPT -> {
                int count = args.length < 2 ? 0 : Integer.parseInt(String.valueOf(text(args[1])));
                yield List.of(args).subList(2, Math.min(args.length, 2 + count));
            }
        };
    }

    /**
     * Returns the one slot of a command's keys.
     *
     * @param command the command
     * @return the slot, or {@link #ANY} when the command has no key
     * @throws DragonflyCrossSlotException when its keys hash to more than one slot; nothing was sent
     */
    public static int slot(Command<?> command) {
        Object[] args = command.args();
        Layout layout = layout(command);
        if (layout == Layout.FIRST) {
            return args.length == 0 ? ANY : slotOf(args[0]);
        }
        if (layout == Layout.NONE) {
            return ANY;
        }
        return sameSlot(ANY, keys(command), command.displayName());
    }

    /**
     * Checks that keys share the slot of what came before them.
     *
     * @param slot the slot so far, or {@link #ANY}
     * @param keys the next keys
     * @param what what the keys belong to, for the message: a command name or "transaction"
     * @return the common slot, or {@link #ANY} when there is no key at all
     * @throws DragonflyCrossSlotException when they do not
     */
    public static int sameSlot(int slot, List<Object> keys, String what) {
        int common = slot;
        for (Object key : keys) {
            int keySlot = slotOf(key);
            if (common == ANY) {
                common = keySlot;
            } else if (keySlot != common) {
                throw crossSlot(what, keys, key, keySlot, common);
            }
        }
        return common;
    }

    /**
     * Returns the slot of one key.
     *
     * @param key {@code byte[]}, {@code String} or a number
     * @return its slot
     */
    public static int slotOf(Object key) {
        return key instanceof byte[] bytes ? SlotHash.slot(bytes) : SlotHash.slot(String.valueOf(key));
    }

    /**
     * Returns a key as text for messages.
     *
     * @param key {@code byte[]}, {@code String} or a number
     * @return its text
     */
    public static String text(Object key) {
        return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(key);
    }

    private static DragonflyCrossSlotException crossSlot(
            String what, List<Object> keys, Object key, int keySlot, int expected) {
        List<String> names = keys.stream().map(CommandKeys::text).toList();
        String offender = text(key);
        return new DragonflyCrossSlotException(
                what + " touches keys in different hash slots (" + names + "; '" + offender + "' is in slot " + keySlot
                        + ", an earlier key in slot " + expected + "), but one cluster node must run it whole. "
                        + "Give the keys a common hash tag, e.g. {user42}.name and {user42}.email share the slot of "
                        + "'user42'. Nothing was sent",
                names);
    }
}
