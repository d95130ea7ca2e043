package org.dragonflyclient.core.internal.client;

import java.time.Duration;

import org.dragonflyclient.core.internal.command.Command;

/**
 * How the synchronous families send a command: the caller waits for its reply. Implemented by
 * {@link DefaultDragonflyClient}, which hands each command to its {@link CommandDispatcher}.
 */
interface SyncMode {

    /**
     * Sends a command on a shared connection and waits for its reply.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the reply
     */
    <T> T call(Command<T> command);

    /**
     * Sends a blocking command on a dedicated connection and waits for its reply up to
     * {@code blockFor} plus the command timeout (without limit when {@code blockFor} is zero).
     *
     * @param command the command
     * @param blockFor how long the server may block, zero for no limit
     * @param <T> its reply type
     * @return the reply
     */
    <T> T callBlocking(Command<T> command, Duration blockFor);
}
