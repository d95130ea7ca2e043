package org.dragonflyclient.core.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.Pipeline;
import org.dragonflyclient.core.internal.cluster.ClusterRouter;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.connection.Connection;

/**
 * Streams a batch: commands are kept until {@value #WRITE_EVERY} have accumulated, then handed to
 * the {@link CommandDispatcher} as one group, which the batch's connection encodes into its write
 * buffer and writes in one step; {@link #sync()} writes the rest, waits for the last reply (replies
 * arrive in order, so all are in by then) and throws when commands failed because of the
 * connection ({@link BatchFailures}). Writing as the batch grows lets the server work while the
 * caller is still adding commands, instead of idling until the whole batch is built.
 *
 * <p>On a cluster, each group is split by node and written in one step per node; every command
 * then has a future of its own (not the command), since a redirection may send it again, and
 * {@link #sync()} waits for those futures.
 */
public final class DefaultPipeline implements Pipeline, AsyncFamilies {

    /** Commands per write: large enough to amortise a system call, small enough to overlap with the server. */
    public static final int WRITE_EVERY = 128;

    private final CommandDispatcher dispatcher;
    /** Sends the {@code EVAL} fallback of a script outside the batch. */
    private final DefaultAsyncCommands outsideBatch;
    /** Commands not written yet. */
    private final List<Command<?>> queued = new ArrayList<>(WRITE_EVERY);
    /**
     * Commands taken from the queue since the last {@link #sync()}: handed to the connection, or
     * failed because none could be obtained. {@code sync()} waits for them and reports their failures.
     */
    private final List<Command<?>> handedOver = new ArrayList<>();
    /**
     * The one connection of this batch, chosen at its first write: the batch stays in order, and
     * the reply to its last command tells that all replies are in. If it breaks, the rest of the
     * batch fails rather than moving to another connection.
     */
    private Connection connection;
    /** Cluster only: the futures of {@link #queued}, then of {@link #handedOver}, in the same order. */
    private final List<CompletableFuture<?>> queuedResults = new ArrayList<>();

    private final List<CompletableFuture<?>> handedOverResults = new ArrayList<>();

    DefaultPipeline(CommandDispatcher dispatcher, DefaultAsyncCommands outsideBatch) {
        this.dispatcher = dispatcher;
        this.outsideBatch = outsideBatch;
    }

    /** The {@code EVAL} after a {@code NOSCRIPT} arrives during {@link #sync()}: it goes out on its own. */
    @Override
    public <T> CompletableFuture<T> sendFallback(Command<T> command) {
        return outsideBatch.send(command);
    }

    @Override
    public <T> CompletableFuture<T> send(Command<T> command) {
        queued.add(command);
        CompletableFuture<T> result = command;
        if (dispatcher.isCluster()) {
            result = new CompletableFuture<>();
            queuedResults.add(result);
        }
        if (queued.size() >= WRITE_EVERY) {
            try {
                writeQueued();
            } catch (DragonflyException e) {
                // The commands' futures hold the failure; sync() reports it.
            }
        }
        return result;
    }

    @Override
    public int size() {
        return queued.size() + handedOver.size();
    }

    /**
     * Hands the queued commands to the batch's connection. When no connection can be obtained (or
     * the group cannot be encoded) they fail with the reason, which is thrown; when the connection
     * is broken, it fails them itself.
     */
    private void writeQueued() {
        if (queued.isEmpty()) {
            return;
        }
        if (dispatcher.isCluster()) {
            try {
                dispatcher.submitGroup(queued, queuedResults);
            } finally {
                handedOver.addAll(queued);
                handedOverResults.addAll(queuedResults);
                queued.clear();
                queuedResults.clear();
            }
            return;
        }
        try {
            connection = dispatcher.writeGroup(connection, queued);
        } catch (RuntimeException e) {
            // No connection, or an argument that cannot be encoded (nothing of the group was sent).
            queued.forEach(c -> c.completeExceptionally(e));
            throw e;
        } finally {
            handedOver.addAll(queued);
            queued.clear();
        }
    }

    @Override
    public void sync() {
        if (dispatcher.isCluster()) {
            syncCluster();
            return;
        }
        try {
            writeQueued();
            if (!handedOver.isEmpty()) {
                dispatcher.awaitLast(connection, handedOver.get(handedOver.size() - 1));
            }
        } catch (DragonflyServerException | DragonflyProtocolException e) {
            // The last command's own failure: it is in its future, like every other command's.
        } catch (DragonflyConnectionException e) {
            // Reported below with the batch's other failures. What the broken connection has not
            // failed yet (a reader on another thread may still be at it) was written: it may have run.
            DragonflyConnectionException unknown = e.isOutcomeUnknown()
                    ? e
                    : new DragonflyConnectionException(
                            "The connection broke before this command's reply was read; it may or may not have run",
                            e,
                            true);
            handedOver.forEach(c -> c.completeExceptionally(unknown));
        } catch (RuntimeException e) {
            // A timeout or an interruption: the futures not completed by then fail the same way.
            handedOver.forEach(c -> c.completeExceptionally(e));
            reset();
            throw e;
        }
        try {
            BatchFailures.throwIfAny("pipeline", handedOver);
        } finally {
            reset();
        }
    }

    /** Waits for every command's own future: the groups went to several nodes. */
    private void syncCluster() {
        try {
            writeQueued();
            ClusterRouter.await(
                    CompletableFuture.allOf(handedOverResults.toArray(new CompletableFuture<?>[0])),
                    dispatcher.deadlineFromNow());
        } catch (DragonflyServerException | DragonflyProtocolException | DragonflyConnectionException e) {
            // Each command's own failure is in its future, reported below.
        } catch (RuntimeException e) {
            handedOverResults.forEach(f -> f.completeExceptionally(e));
            reset();
            throw e;
        }
        try {
            BatchFailures.throwIfAny("pipeline", handedOverResults);
        } finally {
            reset();
        }
    }

    private void reset() {
        handedOverResults.clear();
        handedOver.clear();
        connection = null;
    }

    @Override
    public void close() {
        sync();
    }
}
