package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ServerAsyncCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ServerCommandBuilder;

/**
 * The server commands of {@link ServerAsyncCommands}: each builds its command with
 * {@link ServerCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncServer extends ServerAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    ServerCommandBuilder SERVER = ServerCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<String> ping() {
        return send(SERVER.ping());
    }

    @Override
    default CompletableFuture<byte[]> echo(byte[] message) {
        return send(SERVER.echo(message, BYTES));
    }

    @Override
    default CompletableFuture<String> echo(String message) {
        return send(SERVER.echo(message, UTF8));
    }

    @Override
    default CompletableFuture<String> info() {
        return send(SERVER.info(null));
    }

    @Override
    default CompletableFuture<String> info(String section) {
        return send(SERVER.info(section));
    }

    @Override
    default CompletableFuture<Long> dbsize() {
        return send(SERVER.dbsize());
    }

    @Override
    default CompletableFuture<Void> flushdb() {
        return send(SERVER.flush(Keyword.FLUSHDB));
    }

    @Override
    default CompletableFuture<Void> flushall() {
        return send(SERVER.flush(Keyword.FLUSHALL));
    }

    @Override
    default CompletableFuture<Reply> execute(String command, Object... args) {
        return send(SERVER.execute(command, args));
    }
}
