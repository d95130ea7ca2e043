package org.dragonflyclient.core.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyInterruptedException;
import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.DragonflyTimeoutException;
import org.dragonflyclient.core.command.Command;
import org.dragonflyclient.core.command.Commands;
import org.dragonflyclient.core.protocol.CommandEncoder;
import org.dragonflyclient.core.protocol.FrameHandler;
import org.dragonflyclient.core.protocol.ReplySink;
import org.dragonflyclient.core.protocol.RespDecoder;
import org.dragonflyclient.core.protocol.RespLimits;

/**
 * One socket shared by many threads, with replies paired to commands strictly in order.
 *
 * <h2>Why this shape</h2>
 * A blocking client such as Jedis is fast for a lone caller because the calling thread writes its
 * command and reads its own reply: no thread hop. An event-loop client such as Lettuce is fast
 * under concurrency because many commands share one write and the server works pipelined, but
 * every reply costs a hop from the I/O thread to the caller. This connection does both:
 * <ul>
 *   <li><b>Combined writes.</b> Callers encode their command into a shared buffer under a short
 *       lock; whichever caller wins the {@code flushing} flag writes everything buffered so far
 *       in one system call, and keeps writing while others keep adding. Concurrent commands thus
 *       coalesce into one write (automatic pipelining) with no writer thread.</li>
 *   <li><b>Leader/follower reads.</b> A synchronous caller that finds nobody reading becomes the
 *       reader: it reads and completes replies in FIFO order, its own included, then hands the
 *       reader role to the thread waiting at the head of the queue. A lone caller therefore reads
 *       its own reply like Jedis does; under load one reader completes many replies per read.</li>
 *   <li><b>A background reader</b>, started on first need, takes the role when the head of the
 *       queue has nobody waiting on it: asynchronous commands and abandoned (timed-out) ones. It
 *       also expires asynchronous commands whose deadline passed.</li>
 * </ul>
 *
 * <h2>Safety</h2>
 * A caller that times out or is interrupted completes its command exceptionally; its reply is
 * still read in order and dropped, so it never reaches another caller. Any I/O or protocol error
 * closes the connection and fails every command in flight with an "outcome unknown" exception;
 * nothing is ever written twice.
 */
public final class Connection implements FrameHandler {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());
    /** Longest blocking read, so an interrupted reader notices within this time. */
    private static final long READ_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A write this large may not fit the socket buffers while the server, if it stops reading
     * until its replies are read, waits for us: make sure someone reads replies meanwhile. Smaller
     * writes are left to the writer's own thread, which reads right after (waking a reader for
     * each pipeline would cost a thread hop on every batch).
     */
    private static final int LARGE_WRITE = 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String address;
    private final Listener listener;
    private final RespDecoder decoder;
    private final PushHandler pushHandler;
    /** The command timeout: for messages, and as the grace period before an unanswered connection is closed. */
    private final Duration timeout;

    private final ReentrantLock writeLock = new ReentrantLock();
    /** Commands encoded but not yet written; guarded by {@link #writeLock}. */
    private CommandEncoder pending = new CommandEncoder();
    /** The buffer being written by the flusher, swapped with {@link #pending}; guarded by {@link #writeLock}. */
    private CommandEncoder spare = new CommandEncoder();
    /** Whether a thread is writing; that thread writes what others add meanwhile. Guarded by {@link #writeLock}. */
    private boolean flushing;
    /** Commands written (or about to be) whose replies have not been read, in write order. */
    private final InFlightQueue inFlight = new InFlightQueue();

    /** Held by the one thread allowed to read the socket and run the decoder. */
    private final AtomicBoolean reading = new AtomicBoolean();
    /** The command whose reply is being decoded; touched by the reader, read by {@link #fail}. */
    private volatile Command<?> current;
    private ReplySink currentPush;
    private int readTimeoutMillis = -1;

    private volatile boolean closed;
    private volatile DragonflyException closeReason;
    private volatile Thread backgroundReader;

    /** Told when a connection closes, so the pool can replace it. */
    public interface Listener {
        /**
         * The connection closed.
         *
         * @param connection the closed connection
         * @param reason why, for logs and for the commands that fail next
         */
        void closed(Connection connection, DragonflyException reason);
    }

    Connection(Socket socket, String address, RespLimits limits, Duration timeout, PushHandler pushHandler,
            Listener listener) throws IOException {
        this.socket = socket;
        this.timeout = timeout;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.address = address;
        this.listener = listener;
        this.pushHandler = pushHandler;
        this.decoder = new RespDecoder(limits);
    }

    /** @return {@code host:port} of the server */
    public String address() {
        return address;
    }

    /** @return {@code true} until the connection failed or was closed */
    public boolean isOpen() {
        return !closed;
    }

    /** @return number of commands written whose replies have not been read yet */
    public int inFlightCount() {
        return inFlight.size();
    }

    // ------------------------------------------------------------------ writing

    /**
     * Queues a command and makes sure it is written. The command's deadline must be set.
     *
     * @param command the command
     * @throws IllegalArgumentException when an argument cannot be encoded (nothing is sent)
     */
    public void dispatch(Command<?> command) {
        CommandEncoder batch;
        writeLock.lock();
        try {
            if (closed) {
                command.completeExceptionally(notConnected());
                return;
            }
            pending.encode(command.name(), command.args());
            inFlight.add(command);
            batch = takeBatch();
        } finally {
            writeLock.unlock();
        }
        if (batch != null) {
            writeBatches(batch);
        }
    }

    /**
     * Queues several commands as one unit and writes them together (a pipeline). Either all are
     * queued or, when one cannot be encoded, none is.
     *
     * @param commands the commands, in order
     * @throws IllegalArgumentException when an argument cannot be encoded (nothing is sent)
     */
    public void dispatchAll(List<? extends Command<?>> commands) {
        CommandEncoder batch;
        writeLock.lock();
        try {
            if (closed) {
                DragonflyConnectionException e = notConnected();
                commands.forEach(c -> c.completeExceptionally(e));
                return;
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
            for (Command<?> c : commands) {
                inFlight.add(c);
            }
            batch = takeBatch();
        } finally {
            writeLock.unlock();
        }
        if (batch != null) {
            writeBatches(batch);
        }
    }

    /**
     * Under the write lock: makes the caller the writer and hands it the pending bytes, unless
     * another thread is writing; that thread then writes our bytes too, since it looks for more
     * after each write. This is what coalesces concurrent commands into one write.
     *
     * @return the bytes to write, or {@code null} when another thread writes them
     */
    private CommandEncoder takeBatch() {
        if (flushing || pending.length() == 0) {
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
                    ensureReader();
                }
                out.write(batch.array(), 0, batch.length());
            } catch (IOException e) {
                fail(new DragonflyConnectionException("Connection to " + address + " broke while writing: "
                        + e.getMessage() + "; commands in flight may or may not have run", e, true));
            }
            batch.clear();
            writeLock.lock();
            try {
                flushing = false;
                batch = closed ? null : takeBatch();
            } finally {
                writeLock.unlock();
            }
        }
    }

    // ------------------------------------------------------------------ waiting and reading

    /**
     * Waits for a dispatched command, reading replies itself when nobody else is reading.
     *
     * @param command the command, already dispatched on this connection
     * @param <T> the reply type
     * @return the reply
     * @throws DragonflyException the command's failure, a timeout, or an interruption
     */
    public <T> T await(Command<T> command) {
        while (!command.isDone()) {
            if (reading.compareAndSet(false, true)) {
                try {
                    readUntil(command);
                } finally {
                    releaseReader();
                }
                handOff();
                if (command.isDone()) {
                    break;
                }
            }
            if (Thread.interrupted()) {
                abandon(command, new DragonflyInterruptedException("Interrupted while waiting for the reply to "
                        + command.displayName() + " from " + address));
                Thread.currentThread().interrupt();
                break;
            }
            long remaining = command.deadline() - System.nanoTime();
            if (remaining <= 0) {
                abandon(command, timeout(command));
                break;
            }
            if (reading.get() && !command.isDone()) {
                LockSupport.parkNanos(this, remaining);
            }
        }
        return Commands.result(command);
    }

    /** Makes sure an asynchronous command will be read even if no synchronous caller comes. */
    public void ensureReader() {
        if (!reading.get() && awaitingReplies()) {
            wakeBackgroundReader();
        }
    }

    /**
     * Tells whether a reply is still to be read: a command is queued, or a reply is half-read
     * (its command has left the queue but its frame is not complete, as with a large value that
     * arrives over many reads).
     */
    private boolean awaitingReplies() {
        return current != null || !inFlight.isEmpty();
    }

    private void abandon(Command<?> command, DragonflyException reason) {
        // The reply may have won the race: then the command is already done and keeps its value.
        command.completeExceptionally(reason);
        handOff();
    }

    /** Reads and completes replies until {@code target} is done or its deadline passed. */
    private void readUntil(Command<?> target) {
        try {
            decoder.decode(this);
            while (!target.isDone() && !closed) {
                long remaining = target.deadline() - System.nanoTime();
                if (remaining <= 0 || Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!readSome(Math.min(remaining, READ_SLICE_NANOS))) {
                    return;
                }
                decoder.decode(this);
            }
        } catch (DragonflyProtocolException e) {
            fail(new DragonflyConnectionException("Closed the connection to " + address + " after a protocol error: "
                    + e.getMessage(), e, true));
        }
    }

    /**
     * One read from the socket into the decoder.
     *
     * @return {@code false} when the connection failed (it is then closed)
     */
    private boolean readSome(long timeoutNanos) {
        try {
            int millis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            if (millis != readTimeoutMillis) {
                socket.setSoTimeout(millis);
                readTimeoutMillis = millis;
            }
            if (decoder.readFrom(in) < 0) {
                fail(new DragonflyConnectionException("The server at " + address + " closed the connection"
                        + " (restart, CLIENT KILL, timeout or maxclients); commands in flight may or may not have run",
                        null, true));
                return false;
            }
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            fail(new DragonflyConnectionException("Connection to " + address + " broke while reading: " + e.getMessage()
                    + "; commands in flight may or may not have run", e, true));
            return false;
        }
    }

    /** After leaving the reader role: wake whoever should read next. */
    private void handOff() {
        Command<?> head = current;
        if (head == null) {
            head = inFlight.peek();
        }
        if (head == null || reading.get()) {
            return;
        }
        Thread waiter = head.waiter();
        if (waiter != null && !head.isDone()) {
            LockSupport.unpark(waiter);
        } else {
            wakeBackgroundReader();
        }
    }

    @Override
    public ReplySink beginFrame(boolean push) {
        if (push) {
            currentPush = pushHandler.beginPush();
            return currentPush;
        }
        Command<?> command = inFlight.poll();
        if (command == null) {
            throw new DragonflyProtocolException("The server sent a reply although no command was waiting for one; "
                    + "the stream cannot be trusted any more");
        }
        current = command;
        return command.sink();
    }

    @Override
    public void endFrame(boolean push) {
        if (push) {
            pushHandler.endPush(currentPush);
            currentPush = null;
            return;
        }
        Command<?> command = current;
        current = null;
        if (command == null) {
            return; // drained by a close while its reply was half-read: already failed
        }
        command.finish();
        Thread waiter = command.waiter();
        if (waiter != null && waiter != Thread.currentThread()) {
            LockSupport.unpark(waiter);
        }
    }

    // ------------------------------------------------------------------ background reader

    private void wakeBackgroundReader() {
        Thread reader = backgroundReader;
        if (reader == null) {
            synchronized (this) {
                reader = backgroundReader;
                if (reader == null) {
                    reader = new Thread(this::backgroundLoop, "dragonfly-reader-" + address);
                    reader.setDaemon(true);
                    backgroundReader = reader;
                    reader.start();
                    return;
                }
            }
        }
        LockSupport.unpark(reader);
    }

    private void backgroundLoop() {
        while (!closed) {
            if (awaitingReplies() && reading.compareAndSet(false, true)) {
                try {
                    readWhilePending();
                } finally {
                    releaseReader();
                }
                continue;
            }
            LockSupport.park(this);
        }
    }

    private void readWhilePending() {
        try {
            decoder.decode(this);
            while (awaitingReplies() && !closed) {
                Command<?> head = current != null ? current : inFlight.peek();
                long untilDeadline = head == null ? READ_SLICE_NANOS : head.deadline() - System.nanoTime();
                if (untilDeadline <= 0) {
                    expireOverdue();
                    if (-untilDeadline > timeout.toNanos()) {
                        closeStale(head);
                        return;
                    }
                    untilDeadline = READ_SLICE_NANOS;
                }
                if (!readSome(Math.min(untilDeadline, READ_SLICE_NANOS))) {
                    return;
                }
                decoder.decode(this);
            }
        } catch (DragonflyProtocolException e) {
            fail(new DragonflyConnectionException("Closed the connection to " + address + " after a protocol error: "
                    + e.getMessage(), e, true));
        }
    }

    /**
     * The oldest reply is overdue by a whole extra timeout: the server is hung, the network path is
     * dead, or a reply stopped half-way. Waiting longer would make every later command on this
     * connection time out too, so the connection is closed (commands in flight fail as "outcome
     * unknown") and the pool opens a fresh one.
     */
    private void closeStale(Command<?> head) {
        fail(new DragonflyConnectionException("Closed the connection to " + address + ": the reply to "
                + head.displayName() + " is overdue by more than the command timeout (" + timeout.toMillis()
                + " ms) after its own timeout; the server is blocked or unreachable, or a reply stopped half-way."
                + " Commands in flight may or may not have run", null, true));
    }

    /** Times out the commands at the head of the queue whose deadline passed; their replies are still read. */
    private void expireOverdue() {
        long now = System.nanoTime();
        Command<?> inProgress = current;
        if (inProgress != null && inProgress.deadline() - now <= 0 && !inProgress.isDone()) {
            failCommand(inProgress, timeout(inProgress));
        }
        for (Command<?> c = inFlight.peek(); c != null && c.deadline() - now <= 0; c = c.nextInFlight()) {
            if (!c.isDone()) {
                failCommand(c, timeout(c));
            }
        }
    }

    // ------------------------------------------------------------------ failure and close

    /**
     * Closes the connection and fails every command in flight with {@code reason}. Idempotent.
     *
     * @param reason why the connection is closed
     */
    public void fail(DragonflyException reason) {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closeReason = reason;
            closed = true;
            pending.clear();
        } finally {
            writeLock.unlock();
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "Closing connection to " + address + ": " + reason.getMessage());
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a broken socket can fail; the connection is gone either way.
        }
        drainIfIdle();
        Thread reader = backgroundReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
        listener.closed(this, reason);
    }

    /**
     * Leaves the reader role; on a closed connection, first makes sure the commands still waiting
     * are failed. Every thread that leaves the role goes through here.
     */
    private void releaseReader() {
        reading.set(false);
        if (closed) {
            drainIfIdle();
        }
    }

    /**
     * Fails every command still waiting on a closed connection, but only while holding the reader
     * role: a reader may still be delivering replies it had already read (they are real and in
     * order), and taking commands off the queue behind its back would pair a reply with the wrong
     * command. If another thread reads, it drains when it leaves the role ({@link #releaseReader}):
     * {@link #fail} publishes {@code closed} before trying, the reader clears {@code reading}
     * before checking, so one of the two always drains.
     */
    private void drainIfIdle() {
        while (awaitingReplies() && reading.compareAndSet(false, true)) {
            try {
                DragonflyException reason = closeReason;
                Command<?> inProgress = current;
                current = null;
                failCommand(inProgress, reason);
                for (Command<?> c; (c = inFlight.poll()) != null; ) {
                    failCommand(c, reason);
                }
            } finally {
                reading.set(false);
            }
        }
    }

    private static void failCommand(Command<?> command, DragonflyException reason) {
        if (command != null) {
            command.completeExceptionally(reason);
            Thread waiter = command.waiter();
            if (waiter != null) {
                LockSupport.unpark(waiter);
            }
        }
    }

    /** Closes the connection at the client's request; commands in flight fail. */
    public void close() {
        fail(new DragonflyConnectionException("The client was closed; commands in flight may or may not have run",
                null, true));
    }

    private DragonflyConnectionException notConnected() {
        DragonflyException reason = closeReason;
        return new DragonflyConnectionException("Not connected to " + address
                + (reason == null ? "" : ": " + reason.getMessage()) + "; the command was not sent", reason);
    }

    private DragonflyTimeoutException timeout(Command<?> command) {
        return new DragonflyTimeoutException(command.displayName() + " got no reply from " + address
                + " within the command timeout (" + timeout.toMillis() + " ms); the server may be overloaded or blocked"
                + " (raise ClientOptions timeout or dragonfly.timeout if the command is expected to be slow)");
    }
}
