package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.ConnectionPool;
import org.dragonflyclient.core.internal.connection.DedicatedConnections;
import org.dragonflyclient.core.internal.resp.CommandEncoder;

/**
 * Decides how every command travels: which connection serves it, with which deadline, and who is
 * told when it completes. The synchronous client, the asynchronous view, pipelines and
 * transactions all send through one dispatcher, so that routing (a cluster's slot owner) or a
 * client-side cache is a change here, not in every command family.
 *
 * <p>The ways a command can travel:
 * <ul>
 *   <li>{@link #call}: on a shared connection, the caller waiting in {@link Connection#await}
 *       (spinning briefly, then parking) with no thread hop;</li>
 *   <li>{@link #submit}: the same, returning the command as its future;</li>
 *   <li>{@link #callBlocking} and {@link #submitBlocking}: on a dedicated connection leased for
 *       the command, so a blocking pop never stalls other callers;</li>
 *   <li>{@link #writeGroup} and {@link #awaitLast}: a pipeline's groups, on one connection; and a
 *       near cache's read ({@code GET} + {@code PTTL}), whose connection the near cache keeps to
 *       tell whether it was still tracked when the replies arrived;</li>
 *   <li>{@link #runUnit}: a transaction's {@code MULTI}...{@code EXEC}, written as one unit;</li>
 *   <li>{@link #lease}, {@link #callOn}, {@link #release}, {@link #discard}: a connection held
 *       across calls, for {@code WATCH}.</li>
 * </ul>
 * Every path stamps the command's deadline from the command timeout and reports the command to the
 * {@link CommandListener} exactly once.
 */
public final class CommandDispatcher {

    /** Deadline of a blocking command that may wait without limit: decades away, never overflowing. */
    private static final long NO_LIMIT_NANOS = Long.MAX_VALUE / 4;

    private final ConnectionPool pool;
    private final DedicatedConnections dedicated;
    private final long timeoutNanos;
    private final CommandListener listener;

    CommandDispatcher(
            ConnectionPool pool, DedicatedConnections dedicated, long timeoutNanos, CommandListener listener) {
        this.pool = pool;
        this.dedicated = dedicated;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
    }

    /**
     * The connection that serves a command: the routing seam. One server today, so the pool's
     * choice for the calling thread; a cluster router would pick the owner of the command's slot.
     */
    private Connection route(Command<?> command, long deadline) {
        return pool.route(deadline);
    }

    /** @return the deadline of a command issued now */
    long deadlineFromNow() {
        return System.nanoTime() + timeoutNanos;
    }

    // ---------------------------------------------------------------- one command

    /**
     * Sends a command on a shared connection and waits for its reply.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the reply
     */
    <T> T call(Command<T> command) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        command.deadline(deadline);
        command.waiter(Thread.currentThread());
        try {
            Connection connection = route(command, deadline);
            connection.dispatch(command);
            T result = connection.await(command);
            completed(command, start, null);
            return result;
        } catch (RuntimeException e) {
            completed(command, start, e);
            throw e;
        }
    }

    /**
     * Sends a command on a shared connection and returns it, the future of its reply.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the command
     */
    <T> CompletableFuture<T> submit(Command<T> command) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        command.deadline(deadline);
        observe(command, start);
        Connection connection;
        try {
            connection = route(command, deadline);
        } catch (DragonflyException e) {
            command.completeExceptionally(e);
            return command;
        }
        connection.dispatch(command);
        connection.ensureReader();
        return command;
    }

    /**
     * Sends a blocking command on a dedicated connection and waits for its reply up to
     * {@code blockFor} plus the command timeout (without limit when {@code blockFor} is zero).
     *
     * @param command the command
     * @param blockFor how long the server may block, zero for no limit
     * @param <T> its reply type
     * @return the reply
     */
    <T> T callBlocking(Command<T> command, Duration blockFor) {
        long start = System.nanoTime();
        command.waiter(Thread.currentThread());
        Connection connection = null;
        try {
            connection = dedicated.lease(start + timeoutNanos);
            command.deadline(blockingDeadline(start, blockFor));
            connection.dispatch(command);
            T result = connection.await(command);
            completed(command, start, null);
            return result;
        } catch (RuntimeException e) {
            completed(command, start, e);
            throw e;
        } finally {
            if (connection != null) {
                dedicated.release(connection);
            }
        }
    }

    /**
     * Sends a blocking command on a dedicated connection, given back when its future completes.
     *
     * @param command the command
     * @param blockFor how long the server may block, zero for no limit
     * @param <T> its reply type
     * @return the command
     */
    <T> CompletableFuture<T> submitBlocking(Command<T> command, Duration blockFor) {
        long start = System.nanoTime();
        observe(command, start);
        Connection connection;
        try {
            connection = dedicated.lease(start + timeoutNanos);
        } catch (DragonflyException e) {
            command.completeExceptionally(e);
            return command;
        }
        command.deadline(blockingDeadline(start, blockFor));
        command.whenComplete((value, failure) -> dedicated.release(connection));
        connection.dispatch(command);
        connection.ensureReader();
        return command;
    }

    /**
     * The client-side deadline of a blocking command: its blocking timeout plus the command
     * timeout, or no practical limit when it blocks without one.
     */
    private long blockingDeadline(long start, Duration blockFor) {
        if (blockFor.isZero()) {
            return start + NO_LIMIT_NANOS;
        }
        long block;
        try {
            block = blockFor.toNanos();
        } catch (ArithmeticException e) {
            block = NO_LIMIT_NANOS;
        }
        return start + Math.min(NO_LIMIT_NANOS, block + timeoutNanos);
    }

    // ---------------------------------------------------------------- batches

    /**
     * Writes one group of a pipeline's commands in one step, on the batch's connection: the one
     * given, or at the first group the one {@link #route} picks for its first command.
     *
     * @param pinned the batch's connection, or {@code null} before its first group
     * @param group the commands, at least one
     * @return the batch's connection
     * @throws DragonflyException when no connection could be obtained or the write failed; the
     *     group's commands are not completed by this method
     */
    Connection writeGroup(Connection pinned, List<Command<?>> group) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        for (Command<?> c : group) {
            c.deadline(deadline);
            observe(c, start);
        }
        Connection connection = pinned != null ? pinned : route(group.get(0), deadline);
        connection.dispatchAll(group);
        return connection;
    }

    /**
     * Waits for the reply to the last command of a batch, which means every earlier reply on its
     * connection is in too.
     *
     * @param connection the batch's connection
     * @param last the last command written
     */
    void awaitLast(Connection connection, Command<?> last) {
        last.waiter(Thread.currentThread());
        if (!last.isDone()) {
            connection.await(last);
        }
    }

    /**
     * Writes a transaction's commands, encoded as one unit, and waits for the reply to its last
     * ({@code EXEC}).
     *
     * @param held the connection holding the transaction's {@code WATCH}, or {@code null} for one
     *     the dispatcher picks
     * @param unit the commands in the order their replies arrive ({@code MULTI}, each command's
     *     {@code QUEUED}, {@code EXEC})
     * @param bytes the unit, encoded
     * @param observed the commands to report to the listener when they complete
     * @param exec the last command of the unit
     * @param <T> its reply type
     * @return its reply
     */
    <T> T runUnit(
            Connection held, List<Command<?>> unit, CommandEncoder bytes, List<Command<?>> observed, Command<T> exec) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        unit.forEach(c -> c.deadline(deadline));
        observed.forEach(c -> observe(c, start));
        exec.waiter(Thread.currentThread());
        Connection connection = held != null ? held : route(exec, deadline);
        connection.dispatchEncoded(unit, bytes);
        return connection.await(exec);
    }

    // ---------------------------------------------------------------- held connections

    /**
     * Leases a dedicated connection, held across calls until {@link #release} or {@link #discard}.
     *
     * @return the connection
     */
    Connection lease() {
        return dedicated.lease(deadlineFromNow());
    }

    /**
     * Sends a command on a held connection and waits for its reply.
     *
     * @param connection the held connection
     * @param command the command
     * @param <T> its reply type
     * @return the reply
     */
    <T> T callOn(Connection connection, Command<T> command) {
        command.deadline(deadlineFromNow());
        command.waiter(Thread.currentThread());
        connection.dispatch(command);
        return connection.await(command);
    }

    /** @param connection a held connection in a known state, given back for reuse */
    void release(Connection connection) {
        dedicated.release(connection);
    }

    /** @param connection a held connection whose state is unknown, closed */
    void discard(Connection connection) {
        dedicated.discard(connection);
    }

    // ---------------------------------------------------------------- listener

    private void completed(Command<?> command, long start, Throwable failure) {
        if (listener != CommandListener.NONE) {
            listener.commandCompleted(command.displayName(), System.nanoTime() - start, failure);
        }
    }

    /** Reports the command to the listener when it completes; costs nothing without a listener. */
    private void observe(Command<?> command, long start) {
        if (listener != CommandListener.NONE) {
            command.whenComplete((value, failure) ->
                    listener.commandCompleted(command.displayName(), System.nanoTime() - start, failure));
        }
    }
}
