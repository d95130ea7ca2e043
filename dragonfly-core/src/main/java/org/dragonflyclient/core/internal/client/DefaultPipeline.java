package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.ConnectionPool;
import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.Pipeline;

/**
 * Streams a batch: commands are kept until {@value #WRITE_EVERY} have accumulated, then handed to
 * the thread's connection, which encodes them into its write buffer and writes them in one step;
 * {@link #sync()} writes the rest and waits for the last reply (replies arrive in order, so all are
 * in by then). Writing as the batch grows lets the server work while the caller is still adding
 * commands, instead of idling until the whole batch is built.
 */
final class DefaultPipeline extends FutureCommands implements Pipeline {

    /** Commands per write: large enough to amortise a system call, small enough to overlap with the server. */
    static final int WRITE_EVERY = 128;

    private final ConnectionPool pool;
    private final long timeoutNanos;
    private final CommandListener listener;
    private final FutureCommands outsideBatch;
    /** Commands not written yet. */
    private final List<Command<?>> queued = new ArrayList<>(WRITE_EVERY);
    /** Commands written since the last {@link #sync()}, to fail together if the wait fails. */
    private final List<Command<?>> written = new ArrayList<>();
    /**
     * The one connection of this batch, chosen at its first write: the batch stays in order, and
     * the reply to its last command tells that all replies are in. If it breaks, the rest of the
     * batch fails rather than moving to another connection.
     */
    private Connection connection;

    DefaultPipeline(ConnectionPool pool, long timeoutNanos, CommandListener listener, FutureCommands outsideBatch) {
        this.pool = pool;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
        this.outsideBatch = outsideBatch;
    }

    @Override
    protected <T> CompletableFuture<T> submitBlocking(Command<T> command, Duration blockFor) {
        throw new UnsupportedOperationException(command.displayName() + " cannot be pipelined: it would block the "
                + "pipeline's shared connection and every command behind it; call it on the client or on "
                + "client.async(), which run it on a dedicated connection");
    }

    /** The {@code EVAL} after a {@code NOSCRIPT} arrives during {@link #sync()}: it goes out on its own. */
    @Override
    protected <T> CompletableFuture<T> submitFallback(Command<T> command) {
        return outsideBatch.submit(command);
    }

    @Override
    protected <T> CompletableFuture<T> submit(Command<T> command) {
        queued.add(command);
        if (queued.size() >= WRITE_EVERY) {
            try {
                writeQueued();
            } catch (DragonflyException e) {
                // The commands' futures hold the failure; sync() reports it.
            }
        }
        return command;
    }

    @Override
    public int size() {
        return queued.size() + written.size();
    }

    /** Writes the queued commands; on failure they are completed with it, and it is thrown. */
    private void writeQueued() {
        if (queued.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        for (Command<?> c : queued) {
            c.deadline(deadline);
            observe(c, start, listener);
        }
        try {
            if (connection == null) {
                connection = pool.route(deadline);
            }
            connection.dispatchAll(queued);
            written.addAll(queued);
        } catch (DragonflyException e) {
            queued.forEach(c -> c.completeExceptionally(e));
            throw e;
        } finally {
            queued.clear();
        }
    }

    @Override
    public void sync() {
        try {
            writeQueued();
            if (written.isEmpty()) {
                return;
            }
            Command<?> last = written.get(written.size() - 1);
            last.waiter(Thread.currentThread());
            if (!last.isDone()) {
                connection.await(last);
            }
        } catch (DragonflyServerException | DragonflyProtocolException e) {
            // The last command's own failure: it is in its future, like every other command's.
        } catch (RuntimeException e) {
            written.forEach(c -> c.completeExceptionally(e));
            throw e;
        } finally {
            written.clear();
            connection = null;
        }
    }

    @Override
    public void close() {
        sync();
    }
}
