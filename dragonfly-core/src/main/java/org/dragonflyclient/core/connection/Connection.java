package org.dragonflyclient.core.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** Longest blocking read of a subscriber connection, which has nothing else to do meanwhile. */
    private static final long SUBSCRIBER_READ_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A write this large may fill the socket buffers: make sure someone reads replies meanwhile. */
    private static final int LARGE_WRITE = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String address;
    private final Listener listener;
    private final RespDecoder decoder;
    private final PushHandler pushHandler;

    private final ReentrantLock writeLock = new ReentrantLock();
    /** Commands encoded but not yet written; guarded by {@link #writeLock}. */
    private CommandEncoder pending = new CommandEncoder();
    /** The buffer being written by the flusher, swapped with {@link #pending}; guarded by {@link #writeLock}. */
    private CommandEncoder spare = new CommandEncoder();
    private final AtomicBoolean flushing = new AtomicBoolean();
    /** Commands written (or about to be) whose replies have not been read, in write order. */
    private final ConcurrentLinkedQueue<Command<?>> inFlight = new ConcurrentLinkedQueue<>();

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

    Connection(Socket socket, String address, RespLimits limits, PushHandler pushHandler, Listener listener)
            throws IOException {
        this.socket = socket;
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
        writeLock.lock();
        try {
            if (closed) {
                command.completeExceptionally(notConnected());
                return;
            }
            pending.encode(command.name(), command.args());
            inFlight.add(command);
        } finally {
            writeLock.unlock();
        }
        flush();
    }

    /**
     * Queues commands already encoded together (a pipeline) and writes them in one go.
     *
     * @param commands the commands, in the order they were encoded
     * @param encoded their encoding
     */
    public void dispatchEncoded(List<? extends Command<?>> commands, CommandEncoder encoded) {
        writeLock.lock();
        try {
            if (closed) {
                DragonflyConnectionException e = notConnected();
                commands.forEach(c -> c.completeExceptionally(e));
                return;
            }
            pending.append(encoded.array(), 0, encoded.length());
            inFlight.addAll(commands);
        } finally {
            writeLock.unlock();
        }
        flush();
    }

    /**
     * Writes everything pending unless another thread is already doing so; that thread then
     * writes our bytes too (it re-checks after each write), which is what coalesces commands.
     */
    private void flush() {
        while (flushing.compareAndSet(false, true)) {
            CommandEncoder batch = takePending();
            if (batch == null) {
                flushing.set(false);
                if (!hasPending()) {
                    return;
                }
                continue;
            }
            try {
                if (batch.length() >= LARGE_WRITE) {
                    ensureReader();
                }
                out.write(batch.array(), 0, batch.length());
            } catch (IOException e) {
                fail(new DragonflyConnectionException("Connection to " + address + " broke while writing: " + e.getMessage()
                        + "; commands in flight may or may not have run", e, true));
            } finally {
                batch.clear();
                flushing.set(false);
            }
        }
    }

    private CommandEncoder takePending() {
        writeLock.lock();
        try {
            if (pending.length() == 0) {
                return null;
            }
            CommandEncoder batch = pending;
            pending = spare;
            spare = batch;
            return batch;
        } finally {
            writeLock.unlock();
        }
    }

    private boolean hasPending() {
        writeLock.lock();
        try {
            return pending.length() > 0 && !closed;
        } finally {
            writeLock.unlock();
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
                    reading.set(false);
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
        command.finish();
        Thread waiter = command.waiter();
        if (waiter != null) {
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
                    reading.set(false);
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

    /** Times out the commands at the head of the queue whose deadline passed; their replies are still read. */
    private void expireOverdue() {
        long now = System.nanoTime();
        for (Command<?> c : inFlight) {
            if (c.deadline() - now > 0) {
                return;
            }
            if (!c.isDone()) {
                c.completeExceptionally(timeout(c));
                Thread waiter = c.waiter();
                if (waiter != null) {
                    LockSupport.unpark(waiter);
                }
            }
        }
    }

    // ------------------------------------------------------------------ subscriber mode

    /**
     * Writes a command without queuing it for a reply: for a connection in subscriber mode
     * ({@link #readFramesUntilClosed}), where the server's answers ({@code subscribe}
     * confirmations, messages) are frames of their own rather than replies paired with commands.
     *
     * @param name the command name
     * @param args its arguments
     * @throws DragonflyConnectionException when the connection is closed (nothing was sent)
     * @throws IllegalArgumentException when an argument cannot be encoded (nothing was sent)
     */
    public void send(byte[] name, Object[] args) {
        writeLock.lock();
        try {
            if (closed) {
                throw notConnected();
            }
            pending.encode(name, args);
        } finally {
            writeLock.unlock();
        }
        flush();
    }

    /**
     * Turns the calling thread into this connection's only reader until the connection closes,
     * handing every frame to {@code handler} instead of pairing it with a command. This is
     * subscriber mode, for a connection that carries nothing but subscriptions: on RESP2 the
     * server's messages are ordinary arrays that no command asked for, so request/reply pairing
     * cannot apply. Commands are written with {@link #send}; {@link #dispatch} must not be used.
     * Returns when the connection failed or was closed; the {@link Listener} has been told.
     *
     * @param handler receives every frame, replies and pushes alike
     * @throws IllegalStateException when another thread is reading this connection
     */
    public void readFramesUntilClosed(FrameHandler handler) {
        if (!reading.compareAndSet(false, true)) {
            throw new IllegalStateException("The connection to " + address + " is already being read; "
                    + "subscriber mode needs a connection of its own");
        }
        try {
            decoder.decode(handler);
            while (!closed && readSome(SUBSCRIBER_READ_SLICE_NANOS)) {
                decoder.decode(handler);
            }
        } catch (DragonflyProtocolException e) {
            fail(new DragonflyConnectionException("Closed the subscriber connection to " + address
                    + " after a protocol error: " + e.getMessage(), e, true));
        } finally {
            reading.set(false);
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
        failCommand(current, reason);
        for (Command<?> c; (c = inFlight.poll()) != null; ) {
            failCommand(c, reason);
        }
        Thread reader = backgroundReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
        listener.closed(this, reason);
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
                + " within the command timeout; the server may be overloaded or blocked (raise ClientOptions timeout"
                + " or dragonfly.timeout if the command is expected to be slow)");
    }
}
