package org.dragonflyclient.core.internal.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyInterruptedException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.DedicatedConnections;
import org.dragonflyclient.core.internal.connection.PushHandler;
import org.dragonflyclient.core.internal.output.StatusOutput;

/**
 * Sends commands to a cluster: each to the master of its key's slot ({@link CommandKeys},
 * {@link ClusterNodes}), following the cluster's redirections.
 *
 * <p>A redirection is a refusal: the node did not run the command, so sending it again is safe.
 * {@code MOVED} corrects the slot map and goes to the new owner; {@code ASK} goes once to the node
 * named, preceded by {@code ASKING} on the same connection in the same write; {@code TRYAGAIN}
 * and {@code CLUSTERDOWN} wait a little (10 ms, doubling, at most 200 ms) and try the slot's owner
 * again. At most {@link ClientOptions#maxRedirects()} times, and never past the command's deadline.
 * Every other failure ends the command, and in particular a broken connection, after which the
 * outcome is unknown: that command is never sent again.
 *
 * <p>A synchronous caller reads its own reply as on a single server; an asynchronous command gets
 * a future of its own, completed when the last attempt completes, and re-sent from a pool thread.
 * Commands that span slots or nodes ({@code MGET} over several slots, {@code DBSIZE}, {@code SCAN}
 * ...) go to {@link ClusterFanOut}.
 */
public final class ClusterRouter implements AutoCloseable {

    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ClusterNodes nodes;
    private final int maxRedirects;
    private final ClusterFanOut fanOut;
    /** Which node's dedicated connections each leased connection came from. */
    private final Map<Connection, DedicatedConnections> leased = new ConcurrentHashMap<>();

    private ClusterRouter(ClusterNodes nodes, int maxRedirects) {
        this.nodes = nodes;
        this.maxRedirects = maxRedirects;
        this.fanOut = new ClusterFanOut(this, nodes);
    }

    /**
     * Reads the cluster's topology from its seeds.
     *
     * @param options the client's options, in cluster mode
     * @param pushHandler receives RESP3 pushes of every node's connections
     * @return the router
     */
    public static ClusterRouter open(ClientOptions options, PushHandler pushHandler) {
        return new ClusterRouter(ClusterNodes.open(options, pushHandler), options.maxRedirects());
    }

    /** @return the cluster's nodes */
    public ClusterNodes nodes() {
        return nodes;
    }

    // ---------------------------------------------------------------- one command, synchronous

    /**
     * Sends a command (its deadline set) and waits for its reply, following redirections.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the reply
     */
    public <T> T call(Command<T> command) {
        if (fanOut.handles(command)) {
            return ClusterFanOut.await(fanOut.submit(command), command.deadline());
        }
        return callOnSlot(command, CommandKeys.slot(command), false, 0);
    }

    /**
     * Sends a blocking command on a dedicated connection of its slot's node and waits for its reply.
     *
     * @param command the command, its deadline set to the end of its blocking time
     * @param leaseDeadline when to stop waiting for a dedicated connection
     * @param <T> its reply type
     * @return the reply
     */
    public <T> T callBlocking(Command<T> command, long leaseDeadline) {
        return callOnSlot(command, CommandKeys.slot(command), true, leaseDeadline);
    }

    private <T> T callOnSlot(Command<T> command, int slot, boolean dedicated, long leaseDeadline) {
        Command<T> attempt = command;
        NodeClient node = nodes.master(slot);
        boolean asking = false;
        for (int redirects = 0; ; redirects++) {
            command.node(node.address()); // for the listener: the last node asked is the one that answered
            DedicatedConnections pool = dedicated ? node.dedicated() : null;
            Connection connection = pool != null ? pool.lease(leaseDeadline) : node.route(attempt.deadline());
            try {
                attempt.waiter(Thread.currentThread());
                send(connection, attempt, asking);
                return connection.await(attempt);
            } catch (DragonflyServerException e) {
                Redirection redirection = Redirection.of(e);
                NodeClient next = redirection == null || redirects >= maxRedirects
                        ? null
                        : follow(redirection, slot, node, redirects, attempt.deadline(), true);
                if (next == null) {
                    throw advise(command, e);
                }
                node = next;
                asking = redirection.kind() == Redirection.Kind.ASK;
                attempt = attempt.resend();
            } finally {
                if (pool != null) {
                    pool.release(connection);
                }
            }
        }
    }

    // ---------------------------------------------------------------- one command, asynchronous

    /**
     * Sends a command (its deadline set) and returns the future of its reply, which follows
     * redirections.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the future
     */
    public <T> CompletableFuture<T> submit(Command<T> command) {
        if (fanOut.handles(command)) {
            return fanOut.submit(command);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        int slot;
        try {
            slot = CommandKeys.slot(command);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        new AsyncCall<>(command, slot, false, 0, true, result).attempt(command, null, false, 0);
        return result;
    }

    /**
     * Sends a blocking command on a dedicated connection of its slot's node, given back when it
     * completes.
     *
     * @param command the command, its deadline set to the end of its blocking time
     * @param leaseDeadline when to stop waiting for a dedicated connection
     * @param <T> its reply type
     * @return the future
     */
    public <T> CompletableFuture<T> submitBlocking(Command<T> command, long leaseDeadline) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            new AsyncCall<>(command, CommandKeys.slot(command), true, leaseDeadline, true, result)
                    .attempt(command, null, false, 0);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Sends a command to one node, without following redirections: a part of a whole-cluster
     * command.
     *
     * @param node the node
     * @param command the command, its deadline set
     * @param <T> its reply type
     * @return the future
     */
    <T> CompletableFuture<T> submitTo(NodeClient node, Command<T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        new AsyncCall<>(command, CommandKeys.ANY, false, 0, false, result).attempt(command, node, false, 0);
        return result;
    }

    /**
     * Sends commands as one batch: grouped by node, each group written in one step on one of its
     * node's connections, each command completing its own future and following its own
     * redirections.
     *
     * @param commands the commands, their deadlines set
     * @param results their futures, in the same order
     * @return the one node every command was sent to, or {@code null} when they went to several
     *     (or some to none)
     */
    public @Nullable NodeClient submitAll(List<Command<?>> commands, List<CompletableFuture<?>> results) {
        Map<NodeClient, List<Integer>> groups = new LinkedHashMap<>();
        boolean allGrouped = true;
        for (int i = 0; i < commands.size(); i++) {
            Command<?> command = commands.get(i);
            try {
                if (fanOut.handles(command)) {
                    allGrouped = false;
                    forward(fanOut.submit(command), results.get(i));
                    continue;
                }
                NodeClient node = nodes.master(CommandKeys.slot(command));
                groups.computeIfAbsent(node, n -> new ArrayList<>()).add(i);
            } catch (RuntimeException e) {
                allGrouped = false;
                results.get(i).completeExceptionally(e);
            }
        }
        for (Map.Entry<NodeClient, List<Integer>> group : groups.entrySet()) {
            List<Command<?>> batch = new ArrayList<>(group.getValue().size());
            for (int i : group.getValue()) {
                batch.add(commands.get(i));
            }
            String address = group.getKey().address();
            for (Command<?> command : batch) {
                command.node(address);
            }
            Connection connection;
            try {
                connection = group.getKey().route(batch.get(0).deadline());
            } catch (RuntimeException e) {
                group.getValue().forEach(i -> results.get(i).completeExceptionally(e));
                continue;
            }
            for (int i : group.getValue()) {
                watchUntyped(commands.get(i), group.getKey(), results.get(i));
            }
            connection.dispatchAll(batch);
            connection.ensureReader();
        }
        return allGrouped && groups.size() == 1 ? groups.keySet().iterator().next() : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void watchUntyped(Command<?> command, NodeClient node, CompletableFuture<?> result) {
        new AsyncCall(command, CommandKeys.slot(command), false, 0, true, result).watch(command, node, 0);
    }

    @SuppressWarnings("unchecked")
    private static void forward(CompletableFuture<?> from, CompletableFuture<?> to) {
        CompletableFuture<Object> target = (CompletableFuture<Object>) to;
        from.whenComplete((value, failure) -> {
            if (failure != null) {
                target.completeExceptionally(failure);
            } else {
                target.complete(value);
            }
        });
    }

    /**
     * One asynchronous command and its attempts: each attempt is a new {@link Command} with the
     * same arguments, sent after the previous one was refused; the caller's future completes with
     * the last attempt.
     */
    private final class AsyncCall<T> {
        /** The command the dispatcher reports: told the node of each attempt, the last one wins. */
        private final Command<?> origin;

        private final int slot;
        private final boolean dedicated;
        private final long leaseDeadline;
        private final boolean followRedirections;
        private final CompletableFuture<T> result;

        AsyncCall(
                Command<?> origin,
                int slot,
                boolean dedicated,
                long leaseDeadline,
                boolean followRedirections,
                CompletableFuture<T> result) {
            this.origin = origin;
            this.slot = slot;
            this.dedicated = dedicated;
            this.leaseDeadline = leaseDeadline;
            this.followRedirections = followRedirections;
            this.result = result;
        }

        /** Sends one attempt to {@code to}, or to the slot's master. */
        void attempt(Command<T> command, @Nullable NodeClient to, boolean asking, int redirects) {
            NodeClient node;
            Connection connection;
            try {
                node = to != null ? to : nodes.master(slot);
                // Before the caller's future can complete, which publishes it to the listener.
                origin.node(node.address());
                if (dedicated) {
                    DedicatedConnections pool = node.dedicated();
                    connection = pool.lease(leaseDeadline);
                    command.whenComplete((value, failure) -> pool.release(connection));
                } else {
                    connection = node.route(command.deadline());
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            watch(command, node, redirects);
            try {
                send(connection, command, asking);
            } catch (RuntimeException e) {
                command.completeExceptionally(e); // nothing was written: an argument that cannot be encoded
                return;
            }
            connection.ensureReader();
        }

        /** Completes the caller's future from the attempt, or sends another after a redirection. */
        void watch(Command<T> command, NodeClient node, int redirects) {
            command.whenComplete((value, failure) -> {
                if (failure == null) {
                    result.complete(value);
                    return;
                }
                try {
                    redirect(command, failure, node, redirects);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }

        private void redirect(Command<T> command, Throwable failure, NodeClient node, int redirects) {
            Redirection redirection = followRedirections ? Redirection.of(failure) : null;
            NodeClient next = redirection == null || redirects >= maxRedirects
                    ? null
                    : follow(redirection, slot, node, redirects, command.deadline(), false);
            if (next == null) {
                result.completeExceptionally(advise(command, failure));
                return;
            }
            boolean asking = redirection.kind() == Redirection.Kind.ASK;
            long delay = redirection.namesNode() ? 0 : backoff(redirects);
            Executor executor = delay == 0
                    ? ForkJoinPool.commonPool()
                    : CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS);
            Command<T> again = command.resend();
            // Re-resolved after a back-off (the slot may have moved meanwhile); MOVED and ASK go where
            // they say, as a synchronous call does: the refused key's slot need not be the slot the
            // command was routed by (execute(...) of a name whose first argument is not its key).
            NodeClient to = redirection.namesNode() || slot == CommandKeys.ANY ? next : null;
            // Not on this thread: it may be a connection's reader, and the next node may need connecting.
            executor.execute(() -> attempt(again, to, asking, redirects + 1));
        }
    }

    /**
     * Acts on a redirection: returns the node to try next, or {@code null} to give up (the deadline
     * would pass during the back-off). A synchronous caller waits out the back-off here.
     */
    private @Nullable NodeClient follow(
            Redirection redirection, int slot, NodeClient from, int redirects, long deadline, boolean sleep) {
        switch (redirection.kind()) {
            case MOVED -> {
                NodeClient owner = nodes.node(redirection.host(), redirection.port(), from);
                nodes.moved(redirection.slot(), owner);
                return owner;
            }
            case ASK -> {
                return nodes.node(redirection.host(), redirection.port(), from);
            }
            default -> {
                if (redirection.kind() == Redirection.Kind.CLUSTERDOWN) {
                    nodes.requestRefresh();
                }
                long delay = backoff(redirects);
                if (System.nanoTime() + delay - deadline >= 0) {
                    return null;
                }
                if (sleep) {
                    LockSupport.parkNanos(this, delay);
                    if (Thread.interrupted()) {
                        Thread.currentThread().interrupt();
                        throw new DragonflyInterruptedException("Interrupted while waiting to retry after "
                                + redirection.kind() + "; the command did not run");
                    }
                }
                return slot == CommandKeys.ANY ? from : nodes.master(slot);
            }
        }
    }

    private static long backoff(int redirects) {
        return Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(redirects, 8));
    }

    private static void send(Connection connection, Command<?> command, boolean asking) {
        if (asking) {
            Command<String> ask = new Command<>(Keyword.ASKING, new Object[0], new StatusOutput());
            ask.deadline(command.deadline());
            connection.dispatchAll(List.of(ask, command));
        } else {
            connection.dispatch(command);
        }
    }

    /** Dragonfly refuses {@code PUBLISH} in cluster mode: say what to use instead. */
    private static RuntimeException advise(Command<?> command, Throwable failure) {
        if (command.name() == Keyword.PUBLISH && failure instanceof DragonflyServerException e) {
            return new DragonflyServerException(
                    e.getMessage() + " (in cluster mode Dragonfly refuses PUBLISH: use sharded pub/sub, "
                            + "spublish(channel, message), which goes to the node of the channel's slot)",
                    e.getServerMessage());
        }
        return failure instanceof RuntimeException r
                ? r
                : new DragonflyConnectionException(failure.getMessage(), failure);
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Picks a shared connection of the node that serves a transaction's slot.
     *
     * @param slot the slot of the transaction's keys, or {@link CommandKeys#ANY}
     * @param deadline when to stop waiting for a reconnect
     * @return the connection
     */
    public Connection route(int slot, long deadline) {
        return nodes.master(slot).route(deadline);
    }

    /**
     * Leases a dedicated connection of the node that serves a slot, for a {@code WATCH}.
     *
     * @param slot the slot of the watched keys
     * @param deadline when to stop waiting for one
     * @return the connection, to give back with {@link #release} or {@link #discard}
     */
    public Connection lease(int slot, long deadline) {
        DedicatedConnections pool = nodes.master(slot).dedicated();
        Connection connection = pool.lease(deadline);
        leased.put(connection, pool);
        return connection;
    }

    /** @param connection a connection from {@link #lease}, given back for reuse */
    public void release(Connection connection) {
        DedicatedConnections pool = leased.remove(connection);
        if (pool != null) {
            pool.release(connection);
        } else {
            connection.close();
        }
    }

    /** @param connection a connection from {@link #lease}, closed */
    public void discard(Connection connection) {
        DedicatedConnections pool = leased.remove(connection);
        if (pool != null) {
            pool.discard(connection);
        } else {
            connection.close();
        }
    }

    /**
     * Learns from a transaction's failed commands: a {@code MOVED} among them corrects the slot
     * map, so the next transaction goes to the right node (this one is not run again: the caller
     * decides).
     *
     * @param commands the transaction's commands and acknowledgements
     */
    public void learn(List<? extends CompletableFuture<?>> commands) {
        for (CompletableFuture<?> command : commands) {
            if (command.isCompletedExceptionally()) {
                Redirection redirection =
                        Redirection.of(command.handle((v, f) -> f).join());
                if (redirection != null && redirection.kind() == Redirection.Kind.MOVED) {
                    List<NodeClient> masters = nodes.masters();
                    if (!masters.isEmpty()) {
                        nodes.moved(
                                redirection.slot(), nodes.node(redirection.host(), redirection.port(), masters.get(0)));
                    }
                }
            }
        }
    }

    /**
     * Waits for a future until a deadline, as a synchronous call waits for its reply: a command
     * sent in parts, or a pipeline's commands on several nodes.
     *
     * @param future the future
     * @param deadline the deadline in {@link System#nanoTime()} terms
     * @param <T> the result type
     * @return the result
     * @throws org.dragonflyclient.core.DragonflyException the future's failure, or a timeout
     */
    public static <T> T await(CompletableFuture<T> future, long deadline) {
        return ClusterFanOut.await(future, deadline);
    }

    // ---------------------------------------------------------------- life cycle

    /** Closes every node's connections. */
    @Override
    public void close() {
        nodes.close();
    }
}
