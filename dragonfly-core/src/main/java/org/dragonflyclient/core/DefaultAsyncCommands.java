package org.dragonflyclient.core;

import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.command.Command;
import org.dragonflyclient.core.connection.Connection;
import org.dragonflyclient.core.connection.ConnectionPool;

/** Sends each command at once and returns it as the future of its reply. */
final class DefaultAsyncCommands extends FutureCommands {

    private final ConnectionPool pool;
    private final long timeoutNanos;

    DefaultAsyncCommands(ConnectionPool pool, long timeoutNanos) {
        this.pool = pool;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    protected <T> CompletableFuture<T> submit(Command<T> command) {
        long deadline = System.nanoTime() + timeoutNanos;
        command.deadline(deadline);
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
