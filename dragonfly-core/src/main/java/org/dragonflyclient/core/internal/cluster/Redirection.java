package org.dragonflyclient.core.internal.cluster;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.DragonflyServerException;

/**
 * A cluster node's refusal to run a command, after which sending it again is safe because it did
 * not run: {@code MOVED slot host:port} (the slot has a new owner), {@code ASK slot host:port}
 * (ask that node once, after {@code ASKING}: the slot is migrating, Redis only), {@code TRYAGAIN}
 * (a multi-key command during a migration) and {@code CLUSTERDOWN} (slots are not served, as
 * during a failover).
 *
 * @param kind what the node said
 * @param slot the slot of {@code MOVED}/{@code ASK}, else -1
 * @param host the node to ask instead, for {@code MOVED}/{@code ASK}; empty when the node did not
 *     say (it does not know its own address): the caller keeps the host it used
 * @param port its port, else 0
 */
public record Redirection(Kind kind, int slot, String host, int port) {

    /** The kinds of redirection. */
    public enum Kind {
        /** The slot lives elsewhere now: update the slot map and send there. */
        MOVED,
        /** The slot is migrating: send there once, preceded by {@code ASKING}. */
        ASK,
        /** Wait a little and send again. */
        TRYAGAIN,
        /** The cluster is down for now: refresh, wait a little and send again. */
        CLUSTERDOWN
    }

    /**
     * Recognises a redirection.
     *
     * @param failure the failure of a command
     * @return the redirection, or {@code null} when the failure is something else
     */
    public static @Nullable Redirection of(@Nullable Throwable failure) {
        if (!(failure instanceof DragonflyServerException e)) {
            return null;
        }
        String line = e.getServerMessage();
        if (line.startsWith("TRYAGAIN")) {
            return new Redirection(Kind.TRYAGAIN, -1, "", 0);
        }
        if (line.startsWith("CLUSTERDOWN")) {
            return new Redirection(Kind.CLUSTERDOWN, -1, "", 0);
        }
        Kind kind = line.startsWith("MOVED ") ? Kind.MOVED : line.startsWith("ASK ") ? Kind.ASK : null;
        if (kind == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length < 3) {
            return null;
        }
        int colon = parts[2].lastIndexOf(':');
        try {
            int slot = Integer.parseInt(parts[1]);
            int port = Integer.parseInt(parts[2].substring(colon + 1));
            String host = colon <= 0 ? "" : parts[2].substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return slot < 0 || slot >= SlotHash.SLOT_COUNT ? null : new Redirection(kind, slot, host, port);
        } catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
            return null;
        }
    }

    /** @return whether the command goes to another node ({@code MOVED}, {@code ASK}) */
    public boolean namesNode() {
        return kind == Kind.MOVED || kind == Kind.ASK;
    }
}
