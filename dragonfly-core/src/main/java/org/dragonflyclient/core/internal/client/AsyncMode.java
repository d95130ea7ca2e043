package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.internal.command.Command;

/**
 * How the asynchronous families send a command: {@link DefaultAsyncCommands} sends it at once,
 * {@link DefaultPipeline} keeps it for its next write, {@link DefaultTransaction} queues it for
 * {@code EXEC}. The command is the future of its reply.
 */
interface AsyncMode {

    /**
     * Sends the command now or later.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the future of its reply, usually the command itself
     */
    <T> CompletableFuture<T> send(Command<T> command);

    /**
     * Sends a blocking command where it cannot stall other callers: on a dedicated connection,
     * with a deadline of {@code blockFor} plus the command timeout (none when {@code blockFor} is
     * zero). A transaction queues it like any other command: it does not block inside {@code EXEC}.
     *
     * @param command the command
     * @param blockFor how long the server may block, zero for no limit
     * @param <T> its reply type
     * @return the future of its reply
     */
    default <T> CompletableFuture<T> sendBlocking(Command<T> command, Duration blockFor) {
        return send(command);
    }
}
