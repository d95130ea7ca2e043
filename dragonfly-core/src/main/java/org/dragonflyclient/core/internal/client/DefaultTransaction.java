package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.DragonflyTransactionAbortedException;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.Script;
import org.dragonflyclient.core.Transaction;
import org.dragonflyclient.core.internal.cluster.CommandKeys;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.TransactionCommandBuilder;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.resp.CommandEncoder;

/**
 * Keeps the queued commands on the client, encoded, and on {@link #exec()} hands
 * {@code MULTI}, their bytes and {@code EXEC} to one connection in a single
 * {@link CommandDispatcher#runUnit} call: the connection appends the unit to its write buffer
 * under its lock, so no other thread's command can land inside the transaction. The {@code EXEC}
 * reply is decoded by {@link org.dragonflyclient.core.internal.output.ExecOutput} into each command's own
 * output. With {@code WATCH}, everything runs on a connection leased from
 * the dispatcher's dedicated connections for the life of the transaction.
 */
final class DefaultTransaction implements Transaction, AsyncFamilies, AsyncBlockingLists {

    private final CommandDispatcher dispatcher;
    private final TransactionCommandBuilder tx = TransactionCommandBuilder.INSTANCE;
    private final CommandEncoder encoded = new CommandEncoder();
    private final List<Command<?>> queued = new ArrayList<>();
    /** The dedicated connection holding the watch, or {@code null} when nothing is watched. */
    private Connection watching;
    /** The keys queued and watched so far, and their slot: a cluster runs a transaction on one node. */
    private final List<Object> keys = new ArrayList<>();

    private int slot = CommandKeys.ANY;

    private boolean ended;

    DefaultTransaction(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("This transaction has ended (exec, discard or close was called); "
                    + "start a new one with client.transaction()");
        }
    }

    @Override
    public <T> CompletableFuture<T> send(Command<T> command) {
        checkOpen();
        checkSlot(command);
        encoded.encode(command.name(), command.args());
        queued.add(command);
        return command;
    }

    /** Inside {@code MULTI} a blocking command answers at once, so it is queued like any other. */
    @Override
    public <T> CompletableFuture<T> sendBlocking(Command<T> command, Duration blockFor) {
        return send(command);
    }

    /** A {@code NOSCRIPT} inside {@code EXEC} could not be retried: send the source from the start. */
    @Override
    public CompletableFuture<Reply> evalScript(Script script, Object[] keys, Object[] args) {
        return send(SCRIPTS.eval(script, keys, args));
    }

    /** In cluster mode, refuses a command whose keys are not in the slot of the earlier ones. */
    private void checkSlot(Command<?> command) {
        if (!dispatcher.isCluster()) {
            return;
        }
        List<Object> commandKeys = CommandKeys.keys(command);
        if (commandKeys.isEmpty()) {
            return;
        }
        List<Object> all = new ArrayList<>(keys);
        all.addAll(commandKeys);
        slot = dispatcher.transactionSlot(slot, all);
        keys.addAll(commandKeys);
    }

    @Override
    public int size() {
        return queued.size();
    }

    // ---------------------------------------------------------------- watch

    @Override
    public void watch(String... keys) {
        watchKeys(keys);
    }

    @Override
    public void watch(byte[]... keys) {
        watchKeys(keys);
    }

    private void watchKeys(Object[] keys) {
        checkOpen();
        if (!queued.isEmpty()) {
            throw new IllegalStateException(
                    "Call watch before queuing the transaction's commands: the server refuses " + "WATCH inside MULTI");
        }
        Command<Void> watch = tx.watch(keys);
        checkSlot(watch);
        if (watching == null) {
            watching = dispatcher.lease(slot);
        }
        try {
            dispatcher.callOn(watching, watch);
        } catch (DragonflyServerException e) {
            throw e;
        } catch (RuntimeException e) {
            // The connection's state is unknown: it cannot hold this transaction's watch any more.
            dispatcher.discard(watching);
            watching = null;
            ended = true;
            throw e;
        }
    }

    @Override
    public void unwatch() {
        checkOpen();
        if (watching == null) {
            return;
        }
        Connection connection = watching;
        watching = null;
        try {
            dispatcher.callOn(connection, tx.unwatch());
            dispatcher.release(connection);
        } catch (RuntimeException e) {
            dispatcher.discard(connection);
            throw e;
        }
    }

    // ---------------------------------------------------------------- exec and discard

    @Override
    public boolean exec() {
        checkOpen();
        ended = true;
        List<Command<?>> commands = List.copyOf(queued);
        queued.clear();
        Command<Void> multi = tx.multi();
        List<Command<Void>> acks = new ArrayList<>(commands.size());
        Command<Boolean> exec = tx.exec(commands);
        List<Command<?>> unit = new ArrayList<>(commands.size() + 2);
        CommandEncoder bytes = new CommandEncoder();
        unit.add(multi);
        bytes.encode(multi.name(), multi.args());
        for (Command<?> command : commands) {
            Command<Void> ack = tx.queued(command);
            acks.add(ack);
            unit.add(ack);
        }
        bytes.append(encoded.array(), 0, encoded.length());
        encoded.clear();
        unit.add(exec);
        bytes.encode(exec.name(), exec.args());

        Connection held = watching;
        watching = null;
        boolean clean = false;
        try {
            boolean ran = dispatcher.runUnit(held, slot, unit, bytes, commands, exec);
            clean = true;
            if (!ran) {
                DragonflyTransactionAbortedException aborted = new DragonflyTransactionAbortedException(
                        "The transaction was aborted because a WATCHed key changed before EXEC; none of its commands "
                                + "ran. Read the data again and retry the transaction");
                commands.forEach(c -> c.completeExceptionally(aborted));
            }
            return ran;
        } catch (DragonflyServerException e) {
            clean = true;
            throw refused(e, multi, commands, acks);
        } catch (RuntimeException e) {
            commands.forEach(c -> c.completeExceptionally(e));
            throw e;
        } finally {
            if (held != null) {
                if (clean) {
                    dispatcher.release(held);
                } else {
                    dispatcher.discard(held);
                }
            }
        }
    }

    /**
     * Fails the commands of a transaction the server refused: each with the error it got when
     * queued, or with the {@code EXEC} error. Should the server have refused {@code MULTI} itself,
     * the commands after it ran one by one, and the exception says so.
     */
    private static DragonflyException refused(
            DragonflyServerException e, Command<Void> multi, List<Command<?>> commands, List<Command<Void>> acks) {
        Throwable multiFailure = failure(multi);
        if (multiFailure != null) {
            DragonflyException outside = new DragonflyException(
                    "The server refused MULTI (" + multiFailure.getMessage()
                            + "); the transaction's commands may have run one by one, outside a transaction. Check the "
                            + "user's permissions for MULTI and EXEC",
                    e);
            commands.forEach(c -> c.completeExceptionally(outside));
            return outside;
        }
        for (int i = 0; i < commands.size(); i++) {
            Throwable queueFailure = failure(acks.get(i));
            commands.get(i).completeExceptionally(queueFailure != null ? queueFailure : e);
        }
        return e;
    }

    private static Throwable failure(CompletableFuture<?> future) {
        return future.isCompletedExceptionally()
                ? future.handle((value, failure) -> failure).join()
                : null;
    }

    @Override
    public void discard() {
        checkOpen();
        ended = true;
        queued.forEach(c -> c.cancel(false));
        queued.clear();
        encoded.clear();
        if (watching != null) {
            Connection connection = watching;
            watching = null;
            try {
                dispatcher.callOn(connection, tx.unwatch());
                dispatcher.release(connection);
            } catch (RuntimeException e) {
                // Closing the connection drops the watch too.
                dispatcher.discard(connection);
            }
        }
    }

    @Override
    public void close() {
        if (!ended) {
            discard();
        }
    }
}
