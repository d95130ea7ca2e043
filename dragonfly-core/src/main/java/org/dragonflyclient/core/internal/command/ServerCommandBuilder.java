package org.dragonflyclient.core.internal.command;

import java.nio.charset.StandardCharsets;

import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;
import org.dragonflyclient.core.internal.output.StatusOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueOutput;
import org.dragonflyclient.core.internal.output.VoidOutput;

/**
 * Builds the server commands ({@code PING}, {@code INFO}, ...) and {@code execute}, once for the synchronous, asynchronous,
 * pipelined and transactional APIs: they differ only in what they do with the command. The binary
 * and text forms differ only in their {@link ValueDecoder}.
 */
public final class ServerCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final ServerCommandBuilder INSTANCE = new ServerCommandBuilder();

    private ServerCommandBuilder() {}

    /**
     * {@code PING}.
     *
     * @return the command
     */
    public Command<String> ping() {
        return new Command<>(Keyword.PING, new Object[0], new StatusOutput());
    }

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @param decoder how the answer is decoded
     * @param <V> the value type
     * @return the command
     */
    public <V> Command<V> echo(Object message, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.ECHO, new Object[] {Arguments.value(message)}, new ValueOutput<>(decoder));
    }

    /**
     * {@code INFO [section]}.
     *
     * @param section the section, {@code null} for the default ones
     * @return the command
     */
    public Command<String> info(String section) {
        Object[] args = section == null ? new Object[0] : new Object[] {section};
        return new Command<>(Keyword.INFO, args, new ValueOutput<>(ValueDecoder.UTF8));
    }

    /**
     * {@code DBSIZE}.
     *
     * @return the command
     */
    public Command<Long> dbsize() {
        return new Command<>(Keyword.DBSIZE, new Object[0], new LongOutput());
    }

    /**
     * {@code FLUSHDB} or {@code FLUSHALL}.
     *
     * @param name the command name
     * @return the command
     */
    public Command<Void> flush(byte[] name) {
        return new Command<>(name, new Object[0], new VoidOutput());
    }

    /**
     * Any command, decoded as a {@link Reply} tree.
     *
     * @param command the command name, one word
     * @param args the arguments
     * @return the command
     */
    public Command<Reply> execute(String command, Object[] args) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("execute needs a command name such as \"PING\"");
        }
        if (command.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(
                    "Pass each word as its own argument: execute(\"CLIENT\", \"LIST\"), not \"" + command + "\"");
        }
        Object[] copy = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!(copy[i] instanceof byte[] || copy[i] instanceof String || copy[i] instanceof Number)) {
                throw new IllegalArgumentException("Argument " + i + " of " + command + " is "
                        + (copy[i] == null ? "null" : "a " + copy[i].getClass().getName())
                        + "; pass byte[], String or a number (serialize other objects first)");
            }
        }
        return new Command<>(command.getBytes(StandardCharsets.UTF_8), copy, new ReplyTreeOutput());
    }
}
