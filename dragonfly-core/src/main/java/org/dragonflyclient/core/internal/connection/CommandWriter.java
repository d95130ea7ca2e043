package org.dragonflyclient.core.internal.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.resp.CommandEncoder;

/**
 * The write side of a {@link Connection}: combined writes without a writer thread.
 *
 * <p>Callers encode their commands into a shared buffer and append them to the in-flight FIFO in
 * one step under a short lock, so the FIFO's order is the order of the bytes. The first caller to
 * find nobody writing becomes the writer: it swaps the buffer for an empty one, writes outside the
 * lock, and after each write takes whatever others added meanwhile, until nothing is pending.
 * Concurrent commands thus leave in one system call (automatic pipelining), and a lone caller
 * takes the lock only twice.
 *
 * <h2>Combining across a wake-up batch</h2>
 * Coalescing by overlap alone is rare when threads outnumber cores: a reader completes a batch of
 * replies and wakes their waiters one after the other, and each woken thread would write its next
 * command alone (measured: 0.8 writes per command at 16 threads on 2 cores, each write to a loopback
 * socket costing about 4 µs of kernel time, the largest single cost of a command). So a reader
 * counts each waiter it wakes ({@link #expectWaking}); while any counted waiter has not come back
 * ({@link #wokeUp}), a synchronous command only joins the buffer, and the waiter whose return brings
 * the count to zero writes everything held, in one system call. The count belongs to the
 * connection's {@link WakeGroup}: its own on a single server, shared by the nodes' connections on a
 * cluster, where a woken caller's next command may go to any node. The hold is bounded by the
 * scheduler, not by the application: a counted waiter reports back as it leaves its wait, before it
 * returns to the caller's code. A lone caller is never counted (it reads its own reply) and writes at
 * once, as before.
 *
 * <p>Why nothing is stranded: the count moves in steps of one, so once it is above zero it can only
 * fall to zero through a {@link #wokeUp} that brings it from one to zero, and that call writes what
 * is held; a command is held only when the count, read under the lock after its bytes were added,
 * is above zero. A reader counts a waiter only while the waiter is inside its wait
 * ({@link Command#countWake()}), and a waiter reports back exactly once, on leaving it. As a last
 * resort against a woken thread starved of CPU, any waiter writes a hold older than
 * {@link #MAX_HOLD_NANOS} ({@link #releaseOverdueHold}); only synchronous commands are held, because
 * their waiters are the ones that apply that bound.
 */
final class CommandWriter {

    /**
     * A write this large may not fit the socket buffers while the server, if it stops reading
     * until its replies are read, waits for us: someone must read replies meanwhile. Smaller
     * writes are left to the writer's own thread, which reads right after (waking a reader for
     * every pipeline would cost a thread hop per batch).
     */
    static final int LARGE_WRITE = 1024 * 1024;
    /** The longest a held command waits for the waiters of its batch before any waiter writes it. */
    static final long MAX_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final VarHandle WRITE_CALLS;

    static {
        try {
            WRITE_CALLS = MethodHandles.lookup().findVarHandle(CommandWriter.class, "writeCalls", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
    /** Counts the waiters woken with their reply that have not come back yet; synchronous writes wait for them. */
    private final WakeGroup group;
    /** Whether {@link #pending} holds bytes back for the waking waiters; written under {@link #lock}. */
    private volatile boolean holding;
    /** {@link System#nanoTime()} when the current hold began; written under {@link #lock} before {@link #holding}. */
    private long heldSince;
    /**
     * Socket write calls begun plus those ended, so odd while one is under way. Only the writer
     * changes it (a release store, no fence and no clock read); {@link #isWriteStuck} reads it.
     */
    private long writeCalls;
    /** {@link #writeCalls} at the write watchdog's last look, and when it first saw that value; its thread only. */
    private long watchedCalls;

    private long watchedSince;

    /**
     * @param out the socket's stream
     * @param inFlight the FIFO the written commands join, in byte order
     * @param beforeLargeWrite makes sure replies are read during a write of {@link #LARGE_WRITE} bytes or more
     * @param onFailure told when a write fails; the connection must then close
     * @param group the connections whose woken waiters hold this one's synchronous writes; joined here
     */
    CommandWriter(
            OutputStream out,
            InFlightQueue inFlight,
            Runnable beforeLargeWrite,
            Consumer<IOException> onFailure,
            WakeGroup group) {
        this.out = out;
        this.inFlight = inFlight;
        this.beforeLargeWrite = beforeLargeWrite;
        this.onFailure = onFailure;
        this.group = group;
        group.join(this);
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
            // Read under the lock, after the bytes joined the buffer: a waiter whose return makes the
            // count zero takes the lock afterwards, so it either sees these bytes or we see zero.
            if (command.waiter() != null && group.isWaking() && !flushing) {
                if (!holding) {
                    heldSince = System.nanoTime();
                    holding = true;
                }
                batch = null;
            } else {
                batch = takeBatch();
            }
        } finally {
            lock.unlock();
        }
        writeBatches(batch);
        return true;
    }

    /**
     * By a reader about to complete {@code command} and wake its waiter (another thread): counts the
     * waiter as waking if it is inside its wait, so that synchronous writes are held for its return.
     * Never writes, so a reader never blocks on the socket's send side while it holds the reader role.
     *
     * @param command the command whose reply was just read
     */
    void expectWaking(Command<?> command) {
        if (command.countWake()) {
            group.expectWaking();
        }
    }

    /** A counted waiter came back. The last one of its batch writes whatever its group held. */
    void wokeUp() {
        group.wokeUp();
    }

    /** @return whether commands are held for waking waiters; a waiter then bounds its wait by {@link #MAX_HOLD_NANOS} */
    boolean isHolding() {
        return holding;
    }

    /**
     * Writes what is held if the hold began {@link #MAX_HOLD_NANOS} ago or more: the last resort
     * when a woken thread does not get the CPU to come back. Call outside the reader role.
     */
    void releaseOverdueHold() {
        if (isHoldOverdue()) {
            writeHeld();
        }
    }

    /** @return whether commands have been held for {@link #MAX_HOLD_NANOS} or more */
    boolean isHoldOverdue() {
        return holding && System.nanoTime() - heldSince >= MAX_HOLD_NANOS;
    }

    /** Writes what is held, if anything. */
    void writeHeld() {
        CommandEncoder batch;
        lock.lock();
        try {
            batch = takeBatch();
        } finally {
            lock.unlock();
        }
        writeBatches(batch);
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
     * By the write watchdog, at each of its looks: whether one socket write has been under way,
     * without returning, since a look {@code limitNanos} or more ago. A blocking socket write has no
     * timeout of its own: once the send buffer is full because the server stopped reading, it waits
     * in the kernel until the socket is closed from another thread.
     *
     * @param now {@link System#nanoTime()} of this look
     * @param limitNanos how long one write may go without returning
     * @return {@code true} when the write in progress is stuck
     */
    boolean isWriteStuck(long now, long limitNanos) {
        long calls = (long) WRITE_CALLS.getAcquire(this);
        if ((calls & 1) == 0 || calls != watchedCalls) {
            watchedCalls = calls;
            watchedSince = now;
            return false;
        }
        return now - watchedSince >= limitNanos;
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
            holding = false;
            pending.clear();
            group.leave(this);
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
        holding = false;
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
                WRITE_CALLS.setRelease(this, writeCalls + 1);
                out.write(batch.array(), 0, batch.length());
            } catch (IOException e) {
                onFailure.accept(e);
            } finally {
                WRITE_CALLS.setRelease(this, writeCalls + 1);
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
