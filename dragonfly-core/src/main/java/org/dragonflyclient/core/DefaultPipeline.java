package org.dragonflyclient.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.command.Command;
import org.dragonflyclient.core.connection.Connection;
import org.dragonflyclient.core.connection.ConnectionPool;

/**
 * Keeps the commands (their arguments were checked when each was called), and on {@link #sync()}
 * hands them to one connection, which encodes them into its write buffer and writes them in one
 * step; then waits for the last reply: replies arrive in order, so all are in by then.
 */
final class DefaultPipeline extends FutureCommands implements Pipeline {

    private final ConnectionPool pool;
    private final long timeoutNanos;
    private final CommandListener listener;
    private final List<Command<?>> queued = new ArrayList<>();

    DefaultPipeline(ConnectionPool pool, long timeoutNanos, CommandListener listener) {
        this.pool = pool;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
    }

    @Override
    protected <T> CompletableFuture<T> submit(Command<T> command) {
        queued.add(command);
        return command;
    }

    @Override
    public int size() {
        return queued.size();
    }

    @Override
    public void sync() {
        if (queued.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        for (Command<?> c : queued) {
            c.deadline(deadline);
            observe(c, start, listener);
        }
        Command<?> last = queued.get(queued.size() - 1);
        last.waiter(Thread.currentThread());
        try {
            Connection connection = pool.route(deadline);
            connection.dispatchAll(queued);
            connection.await(last);
        } catch (DragonflyServerException | DragonflyProtocolException e) {
            // The last command's own failure: it is in its future, like every other command's.
        } catch (RuntimeException e) {
            for (Command<?> c : queued) {
                c.completeExceptionally(e);
            }
            throw e;
        } finally {
            queued.clear();
        }
    }

    @Override
    public void close() {
        sync();
    }
}
