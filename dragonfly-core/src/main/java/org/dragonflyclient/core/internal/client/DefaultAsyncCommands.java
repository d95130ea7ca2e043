package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.DragonflyAsyncCommands;
import org.dragonflyclient.core.internal.command.Command;

/**
 * The asynchronous view of the client: the {@code Async*} command families, each command sent at
 * once through the {@link CommandDispatcher} and returned as the future of its reply; blocking
 * commands go to a dedicated connection, given back when their future completes.
 */
final class DefaultAsyncCommands implements DragonflyAsyncCommands, AsyncFamilies, AsyncBlockingLists {

    private final CommandDispatcher dispatcher;

    DefaultAsyncCommands(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public <T> CompletableFuture<T> send(Command<T> command) {
        return dispatcher.submit(command);
    }

    @Override
    public <T> CompletableFuture<T> sendBlocking(Command<T> command, Duration blockFor) {
        return dispatcher.submitBlocking(command, blockFor);
    }
}
