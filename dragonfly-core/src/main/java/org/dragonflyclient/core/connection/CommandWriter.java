package org.dragonflyclient.core.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.dragonflyclient.core.command.Command;
import org.dragonflyclient.core.protocol.CommandEncoder;

/**
 * The write side of a {@link Connection}: combined writes without a writer thread.
 *
 * <p>Callers encode their commands into a shared buffer and append them to the in-flight FIFO in
 * one step under a short lock, so the FIFO's order is the order of the bytes. The first caller to
 * find nobody writing becomes the writer: it swaps the buffer for an empty one, writes outside the
 * lock, and after each write takes whatever others added meanwhile, until nothing is pending.
 * Concurrent commands thus leave in one system call (automatic pipelining), and a lone caller
 * takes the lock only twice.
 */
final class CommandWriter {

    /**
     * A write this large may not fit the socket buffers while the server, if it stops reading
     * until its replies are read, waits for us: someone must read replies meanwhile. Smaller
     * writes are left to the writer's own thread, which reads right after (waking a reader for
     * every pipeline would cost a thread hop per batch).
     */
    static final int LARGE_WRITE = 1024 * 1024;

    private final OutputStream out;
    private final InFlightQueue inFlight;
    private final Runnable beforeLargeWrite;
    private final Consumer<IOException> onFailure;

    private final ReentrantLock lock = new ReentrantLock();
    /** Commands encoded but not yet written; guarded by {@link #lock}. */
    private CommandEncoder pending = new CommandEncoder();
    /** The buffer the writer is writing, swapped with {@link #pending}; guarded by {@link #lock}. */
    private CommandEncoder spare = new CommandEncoder();
    /** Whether a thread is writing; guarded by {@link #lock}. */
    private boolean flushing;
    /** Set once by {@link #close()}; guarded by {@link #lock}. */
    private boolean closed;

    /**
     * @param out the socket's stream
     * @param inFlight the FIFO the written commands join, in byte order
     * @param beforeLargeWrite makes sure replies are read during a write of {@link #LARGE_WRITE} bytes or more
     * @param onFailure told when a write fails; the connection must then close
     */
    CommandWriter(OutputStream out, InFlightQueue inFlight, Runnable beforeLargeWrite, Consumer<IOException> onFailure) {
        this.out = out;
        this.inFlight = inFlight;
        this.beforeLargeWrite = beforeLargeWrite;
        this.onFailure = onFailure;
    }

    /**
     * Encodes a command, queues it for its reply, and writes it (or leaves it to the writer).
     *
     * @return {@code false} when closed: nothing was queued
     * @throws IllegalArgumentException when an argument cannot be encoded: nothing was queued
     */
    boolean write(Command<?> command) {
        CommandEncoder batch;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            pending.encode(command.name(), command.args());
            inFlight.add(command);
            batch = takeBatch();
        } finally {
            lock.unlock();
        }
        writeBatches(batch);
        return true;
    }

    /**
     * Like {@link #write(Command)} for several commands at once, all or none.
     *
     * @return {@code false} when closed: nothing was queued
     * @throws IllegalArgumentException when an argument cannot be encoded: nothing was queued
     */
    boolean writeAll(List<? extends Command<?>> commands) {
        CommandEncoder batch;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            int mark = pending.length();
            try {
                for (Command<?> c : commands) {
                    pending.encode(c.name(), c.args());
                }
            } catch (RuntimeException e) {
                pending.truncate(mark);
                throw e;
            }
            commands.forEach(inFlight::add);
            batch = takeBatch();
        } finally {
            lock.unlock();
        }
        writeBatches(batch);
        return true;
    }

    /**
     * Writes bytes encoded elsewhere and queues the commands that will read their replies.
     *
     * @return {@code false} when closed: nothing was queued
     */
    boolean writeEncoded(List<? extends Command<?>> replies, CommandEncoder encoded) {
        CommandEncoder batch;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            pending.append(encoded.array(), 0, encoded.length());
            replies.forEach(inFlight::add);
            batch = takeBatch();
        } finally {
            lock.unlock();
        }
        writeBatches(batch);
        return true;
    }

    /**
     * Writes a command whose answers are not replies to pair (subscriber mode).
     *
     * @return {@code false} when closed: nothing was written
     */
    boolean writeUnpaired(byte[] name, Object[] args) {
        CommandEncoder batch;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            pending.encode(name, args);
            batch = takeBatch();
        } finally {
            lock.unlock();
        }
        writeBatches(batch);
        return true;
    }

    /**
     * Refuses every later write and drops what was not written yet.
     *
     * @return {@code false} when already closed
     */
    boolean close() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            pending.clear();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: makes the caller the writer and hands it the pending bytes, unless another
     * thread is writing (it will write ours too, since it looks for more after each write).
     *
     * @return the bytes to write, or {@code null}
     */
    private CommandEncoder takeBatch() {
        if (flushing || closed || pending.length() == 0) {
            return null;
        }
        flushing = true;
        CommandEncoder batch = pending;
        pending = spare;
        spare = batch;
        return batch;
    }

    /** Writes {@code batch}, then whatever others added meanwhile, until nothing is pending. */
    private void writeBatches(CommandEncoder batch) {
        while (batch != null) {
            try {
                if (batch.length() >= LARGE_WRITE) {
                    beforeLargeWrite.run();
                }
                out.write(batch.array(), 0, batch.length());
            } catch (IOException e) {
                onFailure.accept(e);
            }
            batch.clear();
            lock.lock();
            try {
                flushing = false;
                batch = takeBatch();
            } finally {
                lock.unlock();
            }
        }
    }
}
