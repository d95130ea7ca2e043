package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.internal.cluster.ClusterRouter;
import org.dragonflyclient.core.internal.cluster.CommandKeys;
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
 * {@link CommandListener} exactly once, with the cluster node that served it ({@code null} on a
 * single server, where no node is recorded or read).
 *
 * <p>In cluster mode a {@link ClusterRouter} takes the place of the single pool: it picks the node
 * of each command's slot and follows the cluster's redirections, so the synchronous and
 * asynchronous paths hand it the command where they would otherwise pick a connection. A
 * pipeline's commands go to it as groups by node, each command completing a future of its own.
 */
public final class CommandDispatcher {

    /** Deadline of a blocking command that may wait without limit: decades away, never overflowing. */
    private static final long NO_LIMIT_NANOS = Long.MAX_VALUE / 4;

    private final ConnectionPool pool;
    private final DedicatedConnections dedicated;
    private final long timeoutNanos;
    private final CommandListener listener;
    /** The cluster's router, or {@code null} for a single server. */
    private final @Nullable ClusterRouter cluster;

    CommandDispatcher(
            ConnectionPool pool, DedicatedConnections dedicated, long timeoutNanos, CommandListener listener) {
        this.pool = pool;
        this.dedicated = dedicated;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
        this.cluster = null;
    }

    CommandDispatcher(ClusterRouter cluster, long timeoutNanos, CommandListener listener) {
        this.pool = null;
        this.dedicated = null;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
        this.cluster = cluster;
    }

    /** @return whether commands go to a cluster */
    boolean isCluster() {
        return cluster != null;
    }

    /**
     * The connection that serves a command: the routing seam. On one server, the pool's choice for
     * the calling thread; on a cluster, a connection of the master of the command's slot (for the
     * paths that pick a connection themselves and follow no redirection, such as a pipeline's
     * {@link #writeGroup}; {@link #call} and {@link #submit} go through the router).
     */
    private Connection route(Command<?> command, long deadline) {
        return cluster != null ? cluster.route(CommandKeys.slot(command), deadline) : pool.route(deadline);
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
            T result;
            if (cluster != null) {
                result = cluster.call(command);
            } else {
                Connection connection = route(command, deadline);
                connection.dispatch(command);
                result = connection.await(command);
            }
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
        if (cluster != null) {
            CompletableFuture<T> result = cluster.submit(command);
            observe(result, command, start);
            return result;
        }
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
        if (cluster != null) {
            try {
                command.deadline(blockingDeadline(start, blockFor));
                T result = cluster.callBlocking(command, start + timeoutNanos);
                completed(command, start, null);
                return result;
            } catch (RuntimeException e) {
                completed(command, start, e);
                throw e;
            }
        }
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
        if (cluster != null) {
            command.deadline(blockingDeadline(start, blockFor));
            CompletableFuture<T> result = cluster.submitBlocking(command, start + timeoutNanos);
            observe(result, command, start);
            return result;
        }
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
        servedBy(group, connection);
        connection.dispatchAll(group);
        return connection;
    }

    /**
     * Sends a pipeline's commands to a cluster: grouped by node, each group written in one step,
     * each command completing its own future (following its own redirections).
     *
     * @param group the commands, at least one
     * @param results their futures, in the same order, as handed to the caller
     */
    void submitGroup(List<Command<?>> group, List<CompletableFuture<?>> results) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        for (int i = 0; i < group.size(); i++) {
            group.get(i).deadline(deadline);
            observe(results.get(i), group.get(i), start);
        }
        cluster.submitAll(group, results);
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
     * @param slot the slot of the transaction's keys (cluster), or {@link CommandKeys#ANY}
     * @param unit the commands in the order their replies arrive ({@code MULTI}, each command's
     *     {@code QUEUED}, {@code EXEC})
     * @param bytes the unit, encoded
     * @param observed the commands to report to the listener when they complete
     * @param exec the last command of the unit
     * @param <T> its reply type
     * @return its reply
     */
    <T> T runUnit(
            Connection held,
            int slot,
            List<Command<?>> unit,
            CommandEncoder bytes,
            List<Command<?>> observed,
            Command<T> exec) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        unit.forEach(c -> c.deadline(deadline));
        observed.forEach(c -> observe(c, start));
        exec.waiter(Thread.currentThread());
        Connection connection =
                held != null ? held : cluster != null ? cluster.route(slot, deadline) : route(exec, deadline);
        servedBy(observed, connection);
        connection.dispatchEncoded(unit, bytes);
        try {
            return connection.await(exec);
        } finally {
            if (cluster != null) {
                cluster.learn(unit);
            }
        }
    }

    /**
     * Checks that a transaction's next keys share the slot of its earlier ones; nothing to check
     * on a single server.
     *
     * @param slot the transaction's slot so far, {@link CommandKeys#ANY} before its first key
     * @param keys all its keys so far, the new ones included, for the message
     * @return the slot with the new keys
     * @throws org.dragonflyclient.core.DragonflyCrossSlotException in cluster mode, when they do not
     */
    int transactionSlot(int slot, List<Object> keys) {
        return cluster == null ? CommandKeys.ANY : CommandKeys.sameSlot(slot, keys, "This transaction");
    }

    // ---------------------------------------------------------------- held connections

    /**
     * Leases a dedicated connection, held across calls until {@link #release} or {@link #discard}.
     *
     * @param slot the slot of the keys to watch (cluster), or {@link CommandKeys#ANY}
     * @return the connection
     */
    Connection lease(int slot) {
        return cluster != null ? cluster.lease(slot, deadlineFromNow()) : dedicated.lease(deadlineFromNow());
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
        if (cluster != null) {
            cluster.release(connection);
        } else {
            dedicated.release(connection);
        }
    }

    /** @param connection a held connection whose state is unknown, closed */
    void discard(Connection connection) {
        if (cluster != null) {
            cluster.discard(connection);
        } else {
            dedicated.discard(connection);
        }
    }

    // ---------------------------------------------------------------- listener

    private void completed(Command<?> command, long start, Throwable failure) {
        if (listener != CommandListener.NONE) {
            listener.commandCompleted(command.displayName(), node(command), System.nanoTime() - start, failure);
        }
    }

    /** Reports the command to the listener when its future (not the command itself) completes. */
    private void observe(CompletableFuture<?> result, Command<?> command, long start) {
        if (listener != CommandListener.NONE) {
            result.whenComplete((value, failure) -> listener.commandCompleted(
                    command.displayName(), node(command), System.nanoTime() - start, failure));
        }
    }

    /** Reports the command to the listener when it completes; costs nothing without a listener. */
    private void observe(Command<?> command, long start) {
        if (listener != CommandListener.NONE) {
            command.whenComplete((value, failure) -> listener.commandCompleted(
                    command.displayName(), node(command), System.nanoTime() - start, failure));
        }
    }

    /**
     * The node reported with a command: {@code null} on a single server (nothing is read or written
     * there); in cluster mode the node the router recorded on the command, or
     * {@link CommandListener#NO_NODE} when it failed before one was chosen.
     */
    private @Nullable String node(Command<?> command) {
        if (cluster == null) {
            return null;
        }
        String node = command.node();
        return node != null ? node : CommandListener.NO_NODE;
    }

    /** In cluster mode, records on each command the node of the connection that serves it. */
    private void servedBy(List<Command<?>> commands, Connection connection) {
        if (cluster != null) {
            String node = connection.address();
            for (Command<?> c : commands) {
                c.node(node);
            }
        }
    }
}
