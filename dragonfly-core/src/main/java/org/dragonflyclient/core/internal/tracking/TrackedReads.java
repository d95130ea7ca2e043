package org.dragonflyclient.core.internal.tracking;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.connection.Connection;

/**
 * How a near cache sends its reads: through the client's dispatcher, which picks the connection
 * (a pooled, tracked one) and stamps deadlines. The near cache needs the connection a read went
 * through, to keep the reply only while that connection is still tracked.
 */
public interface TrackedReads {

    /**
     * Writes commands together on one connection, in order.
     *
     * @param commands the commands, at least one
     * @return the connection they went through
     * @throws DragonflyException when no connection could be obtained; the commands are then not completed
     */
    Connection write(List<Command<?>> commands);

    /**
     * Waits for the reply to the last command written on a connection (so every earlier one is in too).
     *
     * @param connection the connection {@link #write} returned
     * @param last the last command written
     */
    void awaitLast(Connection connection, Command<?> last);

    /**
     * Whether a read failed because a cluster redirected it ({@code MOVED}, {@code ASK},
     * {@code TRYAGAIN}, {@code CLUSTERDOWN}): it did not run, and {@link #call}/{@link #submit}
     * follow the redirection. Always {@code false} on a single server.
     *
     * @param failure the read's failure
     * @return whether to read again the ordinary way
     */
    boolean redirected(Throwable failure);

    /**
     * Sends a command the ordinary way: on a cluster through the router, which follows
     * redirections and corrects the slot map for the near cache's next reads.
     *
     * @param command the command
     * @param <T> its result type
     * @return its result
     */
    <T> T call(Command<T> command);

    /**
     * {@link #call} without waiting.
     *
     * @param command the command
     * @param <T> its result type
     * @return its future
     */
    <T> CompletableFuture<T> submit(Command<T> command);
}
