package org.dragonflyclient.core.internal.connection;

import java.util.function.Consumer;

import org.dragonflyclient.core.internal.command.Command;

/**
 * The FIFO of commands written on a connection and waiting for their replies, linked through the
 * commands themselves so that queueing allocates nothing.
 *
 * <p>Single producer, single consumer, by construction of {@link Connection}: commands are
 * appended only under the connection's write lock, and taken only by the thread holding its
 * reader role. The link from one command to the next is written with release semantics and read
 * with acquire semantics ({@link Command#nextInFlight()} is volatile), so a command is fully
 * visible to the reader once it is linked. {@link #peek()} and {@link #isEmpty()} may be called
 * from any thread as hints.
 */
final class InFlightQueue {

    /** The last command taken (or a stub): the queue's elements start at {@code head.next}. */
    private volatile Command<?> head = Command.stub();
    /** The last command appended; producer only. */
    private Command<?> tail = head;

    /** Appends a command; call under the write lock. */
    void add(Command<?> command) {
        tail.nextInFlight(command);
        tail = command;
    }

    /** @return the oldest command, removed, or {@code null}; reader role only */
    Command<?> poll() {
        Command<?> first = head.nextInFlight();
        if (first != null) {
            head = first;
        }
        return first;
    }

    /** @return the oldest command without removing it, or {@code null} */
    Command<?> peek() {
        return head.nextInFlight();
    }

    /** @return {@code true} when no command waits */
    boolean isEmpty() {
        return head.nextInFlight() == null;
    }

    /** Visits the waiting commands, oldest first, while {@code visitor} returns normally. */
    void forEach(Consumer<Command<?>> visitor) {
        for (Command<?> c = head.nextInFlight(); c != null; c = c.nextInFlight()) {
            visitor.accept(c);
        }
    }

    /** @return the number of waiting commands, counted (for statistics, not the hot path) */
    int size() {
        int n = 0;
        for (Command<?> c = head.nextInFlight(); c != null; c = c.nextInFlight()) {
            n++;
        }
        return n;
    }
}
