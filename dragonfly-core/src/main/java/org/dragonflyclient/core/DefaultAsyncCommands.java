package org.dragonflyclient.core;

import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.command.Command;
import org.dragonflyclient.core.connection.Connection;
import org.dragonflyclient.core.connection.ConnectionPool;

/** Sends each command at once and returns it as the future of its reply. */
final class DefaultAsyncCommands extends FutureCommands {

    private final ConnectionPool pool;
    private final long timeoutNanos;
    private final CommandListener listener;

    DefaultAsyncCommands(ConnectionPool pool, long timeoutNanos, CommandListener listener) {
        this.pool = pool;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
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
