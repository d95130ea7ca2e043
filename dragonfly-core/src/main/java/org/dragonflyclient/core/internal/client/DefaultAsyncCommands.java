package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.ConnectionPool;
import org.dragonflyclient.core.internal.connection.DedicatedConnections;
import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyException;

/**
 * Sends each command at once and returns it as the future of its reply; blocking commands go to
 * a dedicated connection, given back when their future completes.
 */
final class DefaultAsyncCommands extends FutureCommands {

    /** Deadline of a blocking command that may wait without limit: decades away, never overflowing. */
    private static final long NO_LIMIT_NANOS = Long.MAX_VALUE / 4;

    private final ConnectionPool pool;
    private final DedicatedConnections dedicated;
    private final long timeoutNanos;
    private final CommandListener listener;

    DefaultAsyncCommands(ConnectionPool pool, DedicatedConnections dedicated, long timeoutNanos,
            CommandListener listener) {
        this.pool = pool;
        this.dedicated = dedicated;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
    }

    /**
     * The client-side deadline of a blocking command: its blocking timeout plus the command
     * timeout, or no practical limit when it blocks without one.
     */
    static long blockingDeadline(long start, Duration blockFor, long timeoutNanos) {
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

    @Override
    protected <T> CompletableFuture<T> submitBlocking(Command<T> command, Duration blockFor) {
        long start = System.nanoTime();
        FutureCommands.observe(command, start, listener);
        Connection connection;
        try {
            connection = dedicated.lease(start + timeoutNanos);
        } catch (DragonflyException e) {
            command.completeExceptionally(e);
            return command;
        }
        command.deadline(blockingDeadline(start, blockFor, timeoutNanos));
        command.whenComplete((value, failure) -> dedicated.release(connection));
        connection.dispatch(command);
        connection.ensureReader();
        return command;
    }

    @Override
    protected <T> CompletableFuture<T> submit(Command<T> command) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        command.deadline(deadline);
        FutureCommands.observe(command, start, listener);
        Connection connection;
        try {
            connection = pool.route(deadline);
        } catch (DragonflyException e) {
            command.completeExceptionally(e);
            return command;
        }
        connection.dispatch(command);
        connection.ensureReader();
        return command;
    }
}
