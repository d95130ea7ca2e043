package org.dragonflyclient.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.command.Command;
import org.dragonflyclient.core.connection.Connection;
import org.dragonflyclient.core.connection.ConnectionPool;
import org.dragonflyclient.core.protocol.CommandEncoder;

/**
 * Encodes each command as it is called (so a bad argument fails at its call, not at
 * {@code sync()}), and on {@link #sync()} hands the bytes and the commands to one connection in a
 * single step, then waits for the last reply: replies arrive in order, so all are in by then.
 */
final class DefaultPipeline extends FutureCommands implements Pipeline {

    private final ConnectionPool pool;
    private final long timeoutNanos;
    private final CommandListener listener;
    private final FutureCommands outsideBatch;
    private final CommandEncoder encoded = new CommandEncoder();
    private final List<Command<?>> queued = new ArrayList<>();

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
        encoded.encode(command.name(), command.args());
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
        List<Command<?>> batch = List.copyOf(queued);
        queued.clear();
        for (Command<?> c : batch) {
            c.deadline(deadline);
            observe(c, start, listener);
        }
        Command<?> last = batch.get(batch.size() - 1);
        last.waiter(Thread.currentThread());
        try {
            Connection connection = pool.route(deadline);
            connection.dispatchEncoded(batch, encoded);
            connection.await(last);
        } catch (DragonflyServerException | DragonflyProtocolException e) {
            // The last command's own failure: it is in its future, like every other command's.
        } catch (RuntimeException e) {
            for (Command<?> c : batch) {
                c.completeExceptionally(e);
            }
            throw e;
        } finally {
            encoded.clear();
        }
    }

    @Override
    public void close() {
        sync();
    }
}
