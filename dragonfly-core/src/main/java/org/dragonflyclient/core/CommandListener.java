package org.dragonflyclient.core;

import org.jspecify.annotations.Nullable;

/**
 * Observes every command the client completes, for metrics and tracing (the Spring Boot starter
 * feeds Micrometer timers from it). Called on the thread that completed the command, on the hot
 * path: it must be fast and must not block or throw.
 *
 * <p>The client calls {@link #commandCompleted(String, String, long, Throwable)}, exactly once per
 * command it was asked to run; by default that forgets the node and calls the three-argument
 * method, so a lambda keeps working. Override the four-argument method to learn which cluster node
 * served each command.
 */
@FunctionalInterface
public interface CommandListener {

    /** Observes nothing. */
    CommandListener NONE = (command, durationNanos, failure) -> {};

    /**
     * The {@code node} of a cluster command the client sent in parts to more than one node, and
     * reported once for all of them: {@code MGET}, {@code MSET}, {@code DEL}, {@code UNLINK} or
     * {@code EXISTS} over keys of slots of several masters, and {@code DBSIZE}, {@code FLUSHDB},
     * {@code FLUSHALL}, {@code SCRIPT LOAD}/{@code FLUSH}, which go to every master (when all the
     * parts go to one node, that node's address is reported instead).
     */
    String SEVERAL_NODES = "multiple";

    /**
     * The {@code node} of a cluster command that failed before any node was chosen: a client-side
     * refusal (keys of different slots in a command that needs one slot) or a slot with no known
     * master.
     */
    String NO_NODE = "none";

    /**
     * A command completed.
     *
     * @param command the command name in upper case, such as {@code GET}; never its arguments
     * @param durationNanos time from the call until the reply (or failure)
     * @param failure the failure, or {@code null} when the server answered without error
     */
    void commandCompleted(String command, long durationNanos, @Nullable Throwable failure);

    /**
     * A command completed, with the node that served it. This is the method the client calls; the
     * default calls {@link #commandCompleted(String, long, Throwable)}.
     *
     * <p>{@code node} is {@code null} exactly when the client talks to a single server, so a
     * listener can tell the modes apart without being configured. In cluster mode it is never
     * {@code null}: the {@code host:port} of the node that gave the final reply or failure (after
     * {@code MOVED}/{@code ASK} redirections, the node that answered last; for a {@code SCAN}
     * page, the node walked; for a transaction, its slot's node), {@link #SEVERAL_NODES} for a
     * command sent in parts to several nodes, or {@link #NO_NODE}. The string is the client's own
     * (one per node it knows), never built for the call.
     *
     * @param command the command name in upper case, such as {@code GET}; never its arguments
     * @param node the cluster node's {@code host:port} or one of the markers above, {@code null}
     *     on a single server
     * @param durationNanos time from the call until the reply (or failure)
     * @param failure the failure, or {@code null} when the server answered without error
     */
    default void commandCompleted(
            String command, @Nullable String node, long durationNanos, @Nullable Throwable failure) {
        commandCompleted(command, durationNanos, failure);
    }
}
