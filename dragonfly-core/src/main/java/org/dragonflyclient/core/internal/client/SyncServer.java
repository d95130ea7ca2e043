package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ServerCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ServerCommandBuilder;

/**
 * The server commands of {@link ServerCommands}: each builds its command with
 * {@link ServerCommandBuilder} and waits for each reply through {@link SyncMode#call}.
 */
interface SyncServer extends ServerCommands, SyncMode {

    /** Shared, stateless. */
    ServerCommandBuilder SERVER = ServerCommandBuilder.INSTANCE;

    @Override
    default String ping() {
        return call(SERVER.ping());
    }

    @Override
    default byte[] echo(byte[] message) {
        return call(SERVER.echo(message, BYTES));
    }

    @Override
    default String echo(String message) {
        return call(SERVER.echo(message, UTF8));
    }

    @Override
    default String info() {
        return call(SERVER.info(null));
    }

    @Override
    default String info(String section) {
        return call(SERVER.info(section));
    }

    @Override
    default long dbsize() {
        return call(SERVER.dbsize());
    }

    @Override
    default void flushdb() {
        call(SERVER.flush(Keyword.FLUSHDB));
    }

    @Override
    default void flushall() {
        call(SERVER.flush(Keyword.FLUSHALL));
    }

    @Override
    default Reply execute(String command, Object... args) {
        return call(SERVER.execute(command, args));
    }
}
