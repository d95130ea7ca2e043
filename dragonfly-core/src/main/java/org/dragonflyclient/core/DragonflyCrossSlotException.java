package org.dragonflyclient.core;

import java.util.List;

/**
 * A cluster client refused, before sending anything, a command or transaction whose keys hash to
 * more than one slot: a transaction, a {@code WATCH}, a script ({@code EVAL}/{@code EVALSHA}) or
 * any command other than the ones the client splits by slot ({@code MGET}, {@code MSET},
 * {@code DEL}, {@code UNLINK}, {@code EXISTS}) must touch keys of one slot, because one node runs
 * it. Give the keys a common hash tag: {@code {user42}.name} and {@code {user42}.email} share
 * the slot of {@code user42}.
 */
public class DragonflyCrossSlotException extends DragonflyException {

    private static final long serialVersionUID = 1L;

    private final List<String> keys;

    /**
     * @param message what was refused, naming the keys and the fix
     * @param keys the keys involved, as text
     */
    public DragonflyCrossSlotException(String message, List<String> keys) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    /**
     * Returns the keys that hash to different slots, as text (UTF-8, binary keys possibly garbled).
     *
     * @return the keys, in the order they were given
     */
    public List<String> keys() {
        return keys;
    }
}
