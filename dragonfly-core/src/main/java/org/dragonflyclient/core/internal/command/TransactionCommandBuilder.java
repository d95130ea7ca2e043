package org.dragonflyclient.core.internal.command;

import java.util.List;

import org.dragonflyclient.core.internal.output.ExecOutput;
import org.dragonflyclient.core.internal.output.QueuedOutput;
import org.dragonflyclient.core.internal.output.VoidOutput;

/** Builds the commands that frame a transaction: {@code MULTI}, {@code EXEC}, {@code WATCH}, {@code UNWATCH}. */
public final class TransactionCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final TransactionCommandBuilder INSTANCE = new TransactionCommandBuilder();

    private TransactionCommandBuilder() {}

    /**
     * {@code MULTI}.
     *
     * @return the command
     */
    public Command<Void> multi() {
        return new Command<>(Keyword.MULTI, new Object[0], new QueuedOutput());
    }

    /**
     * The wrapper that reads the {@code +QUEUED} answer of a command sent inside {@code MULTI}.
     *
     * @param queued the command being queued
     * @return a command with the same name and arguments that expects {@code +QUEUED}
     */
    public Command<Void> queued(Command<?> queued) {
        return new Command<>(queued.name(), queued.args(), new QueuedOutput());
    }

    /**
     * {@code EXEC}, whose reply completes the queued commands.
     *
     * @param queued the commands queued since {@code MULTI}, in order
     * @return the command, answering {@code true} when the transaction ran and {@code false} when
     *     a watched key changed
     */
    public Command<Boolean> exec(List<? extends Command<?>> queued) {
        return new Command<>(Keyword.EXEC, new Object[0], new ExecOutput(queued));
    }

    /**
     * {@code WATCH key [key ...]}.
     *
     * @param keys the keys
     * @return the command
     */
    public Command<Void> watch(Object[] keys) {
        return new Command<>(Keyword.WATCH, Arguments.keys(keys, "WATCH").clone(), new VoidOutput());
    }

    /**
     * {@code UNWATCH}.
     *
     * @return the command
     */
    public Command<Void> unwatch() {
        return new Command<>(Keyword.UNWATCH, new Object[0], new VoidOutput());
    }
}
