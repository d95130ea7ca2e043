package org.dragonflyclient.core.internal.connection;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLSocket;

import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyInterruptedException;
import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.DragonflyTimeoutException;
import org.dragonflyclient.core.RespLimits;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Commands;
import org.dragonflyclient.core.internal.resp.CommandEncoder;
import org.dragonflyclient.core.internal.resp.FrameHandler;
import org.dragonflyclient.core.internal.resp.ReplySink;
import org.dragonflyclient.core.internal.resp.RespDecoder;

/**
 * One socket shared by many threads, with replies paired to commands strictly in order.
 *
 * <h2>Why this shape</h2>
 * A blocking client such as Jedis is fast for a lone caller because the calling thread writes its
 * command and reads its own reply: no thread hop. An event-loop client such as Lettuce is fast
 * under concurrency because many commands share one write and the server works pipelined, but
 * every reply costs a hop from the I/O thread to the caller. This connection does both:
 * <ul>
 *   <li><b>Combined writes</b> ({@link CommandWriter}). Callers encode their command into a
 *       shared buffer under a short lock; the first to find nobody writing writes everything
 *       buffered so far in one system call, and keeps writing while others keep adding.
 *       Concurrent commands thus coalesce into one write (automatic pipelining) with no writer
 *       thread. A reader that wakes waiters also has the writer hold synchronous commands until
 *       those waiters are back, so one wake-up batch leaves in one write.</li>
 *   <li><b>Leader/follower reads.</b> A synchronous caller that finds nobody reading becomes the
 *       reader: it reads and completes replies in FIFO order, its own included, then hands the
 *       reader role to the thread waiting at the head of the queue. A lone caller therefore reads
 *       its own reply like Jedis does, after a short spin ({@link SpinWait}) that saves it the
 *       wake-up when the reply comes quickly; under load one reader completes many replies per
 *       read, and the others spin the same way on their command before they park, so that a
 *       busy machine hands replies over without putting threads to sleep.</li>
 *   <li><b>A background reader</b>, started on first need, takes the role when the head of the
 *       queue has nobody waiting on it: asynchronous commands and abandoned (timed-out) ones. It
 *       also expires asynchronous commands whose deadline passed. On a <b>tracked</b> connection
 *       ({@code CLIENT TRACKING ON}, {@link #startTracked}) it reads at all times, since
 *       invalidation pushes come while no reply is due: callers there are woken by it instead of
 *       reading themselves (one thread hop per reply, as in an event-loop client).</li>
 * </ul>
 *
 * <p>A connection can also be put in <b>subscriber mode</b> ({@link #readFramesUntilClosed}): one
 * thread reads every frame for a pub/sub connection, where answers are not paired with commands.
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
    /**
     * What a connection that broke says of the commands it held. Kept apart from the reason, so
     * that a command refused afterwards ({@link #notConnected}) is told only what is true of it.
     */
    private static final String IN_FLIGHT_MAY_HAVE_RUN = "; commands in flight may or may not have run";

    private final Socket socket;
    /** The TCP socket: {@link #socket} itself, or the one under it when {@link #socket} is a TLS socket. */
    private final Socket tcp;

    private final InputStream in;
    private final String address;
    private final Listener listener;
    private final RespDecoder decoder;
    private final PushHandler pushHandler;
    /** The command timeout: for messages, and as the grace period before an unanswered connection is closed. */
    private final Duration timeout;

    /** Commands written (or about to be) whose replies have not been read, in write order. */
    private final InFlightQueue inFlight = new InFlightQueue();

    private final CommandWriter writer;
    /** Lets a lone caller in the reader role catch a quick reply without sleeping in its socket read. */
    private final SpinWait readerSpin;
    /** Lets callers waiting while another thread reads catch their reply without sleeping in park. */
    private final SpinWait followerSpin;
    /** What {@link #followerSpin} waits for; made once, so a wait allocates nothing. */
    private final SpinWait.Probe<Command<?>> doneOrReaderFree;

    /** Held by the one thread allowed to read the socket and run the decoder. */
    private final AtomicBoolean reading = new AtomicBoolean();
    /** The command whose reply is being decoded; touched by the reader, read by {@link #fail}. */
    private volatile Command<?> current;

    private ReplySink currentPush;
    private int readTimeoutMillis = -1;

    private volatile boolean closed;
    private volatile DragonflyException closeReason;
    private volatile Thread backgroundReader;
    /**
     * Set once the server tracks this connection ({@code CLIENT TRACKING ON}): its invalidation
     * pushes come whether or not a reply is due, so the background reader reads it at all times.
     */
    private volatile boolean tracked;

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

    Connection(
            Socket socket,
            Socket tcp,
            String address,
            RespLimits limits,
            Duration timeout,
            Duration spinWait,
            PushHandler pushHandler,
            Listener listener,
            WakeGroup group)
            throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        // A TLS socket's available() counts only bytes already decrypted, so it cannot see a reply arrive.
        this.readerSpin = SpinWait.forReader(socket instanceof SSLSocket ? 0 : spinWait.toNanos());
        this.followerSpin = SpinWait.forFollower(spinWait.toNanos());
        this.doneOrReaderFree = SpinWait.doneOrReaderFree(reading);
        this.timeout = timeout;
        this.in = socket.getInputStream();
        this.address = address;
        this.listener = listener;
        this.pushHandler = pushHandler;
        this.decoder = new RespDecoder(limits);
        this.writer = new CommandWriter(
                socket.getOutputStream(),
                inFlight,
                this::ensureReader,
                e -> broke("Connection to " + address + " broke while writing: " + e.getMessage(), e),
                group);
    }

    /** @return {@code host:port} of the server */
    public String address() {
        return address;
    }

    /** @return whether the server tracks what is read through this connection ({@link #startTracked}) */
    public boolean isTracked() {
        return tracked;
    }

    /**
     * Called by the handshake once {@code CLIENT TRACKING ON} succeeded: from now on the background
     * reader reads this connection at all times, so invalidation pushes reach the
     * {@link PushHandler} while no command is in flight, and the push handler is told when the
     * connection closes ({@link PushHandler#trackingLost}). Callers of a tracked connection are
     * woken by that reader instead of reading themselves.
     */
    void startTracked() {
        tracked = true;
        wakeBackgroundReader();
        // Hand the connection out only once the background reader holds the reader role (it keeps
        // it until the connection closes): a caller that took the role first would leave the
        // background reader parked, and an idle connection's pushes unread.
        while (!reading.get() && !closed) {
            LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(50));
        }
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
        if (!writer.write(command)) {
            command.completeExceptionally(notConnected());
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
        if (!writer.writeAll(commands)) {
            failAll(commands);
        }
    }

    /**
     * Queues commands whose bytes were encoded elsewhere, as one unit that no other thread's
     * commands can split: a transaction's {@code MULTI ... EXEC}, where the replies to read
     * ({@code +QUEUED} acknowledgements) belong to other command objects than the bytes.
     *
     * @param replies one command per reply expected, in order
     * @param encoded the bytes to write
     */
    public void dispatchEncoded(List<? extends Command<?>> replies, CommandEncoder encoded) {
        if (!writer.writeEncoded(replies, encoded)) {
            failAll(replies);
        }
    }

    private void failAll(List<? extends Command<?>> commands) {
        DragonflyConnectionException e = notConnected();
        commands.forEach(c -> c.completeExceptionally(e));
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
        command.enterAwait();
        try {
            awaitDone(command);
        } finally {
            if (command.leaveAwait()) {
                writer.wokeUp();
            }
        }
        return Commands.result(command);
    }

    private void awaitDone(Command<?> command) {
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
            writer.releaseOverdueHold();
            if (Thread.interrupted()) {
                abandon(
                        command,
                        new DragonflyInterruptedException("Interrupted while waiting for the reply to "
                                + command.displayName() + " from " + address));
                Thread.currentThread().interrupt();
                break;
            }
            long remaining = command.deadline() - System.nanoTime();
            if (remaining <= 0) {
                abandon(command, timeout(command));
                break;
            }
            if (reading.get() && !command.isDone() && !followerSpin.await(doneOrReaderFree, command, remaining)) {
                LockSupport.parkNanos(this, boundByHold(remaining));
            }
        }
    }

    /** While commands are held for waking waiters, waits at most as long as a hold may last. */
    private long boundByHold(long nanos) {
        return writer.isHolding() ? Math.min(nanos, CommandWriter.MAX_HOLD_NANOS) : nanos;
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
                if (isAlone(target)) {
                    readerSpin.await(SpinWait.READABLE, in, remaining);
                }
                if (!readSome(boundByHold(Math.min(remaining, READ_SLICE_NANOS)))) {
                    return;
                }
                decoder.decode(this);
                if (writer.isHoldOverdue()) {
                    return; // leave the reader role, so that awaitDone may write what was held too long
                }
            }
        } catch (DragonflyProtocolException e) {
            broke("Closed the connection to " + address + " after a protocol error: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code target} is the only reply still expected, so no other caller waits behind it
     * and its reader may spend CPU spinning ({@link SpinWait}) rather than leave it to others.
     */
    private boolean isAlone(Command<?> target) {
        return readerSpin.isEnabled()
                && target.nextInFlight() == null
                && (current == target || inFlight.peek() == target);
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
                broke(
                        "The server at " + address + " closed the connection"
                                + " (restart, CLIENT KILL, timeout or maxclients)",
                        null);
                return false;
            }
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            broke("Connection to " + address + " broke while reading: " + e.getMessage(), e);
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
            pushHandler.endPush(this, currentPush);
            currentPush = null;
            return;
        }
        Command<?> command = current;
        current = null;
        if (command == null) {
            return; // drained by a close while its reply was half-read: already failed
        }
        Thread waiter = command.waiter();
        boolean wake = waiter != null && waiter != Thread.currentThread();
        if (wake) {
            writer.expectWaking(command); // before completing: the waiter cannot leave its wait uncounted
        }
        command.finish();
        if (wake) {
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
            if ((tracked || awaitingReplies()) && reading.compareAndSet(false, true)) {
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
            while ((tracked || awaitingReplies()) && !closed) {
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
            broke("Closed the connection to " + address + " after a protocol error: " + e.getMessage(), e);
        }
    }

    /**
     * The oldest reply is overdue by a whole extra timeout: the server is hung, the network path is
     * dead, or a reply stopped half-way. Waiting longer would make every later command on this
     * connection time out too, so the connection is closed (commands in flight fail as "outcome
     * unknown") and the pool opens a fresh one.
     */
    private void closeStale(Command<?> head) {
        broke(
                "Closed the connection to " + address + ": the reply to " + head.displayName()
                        + " is overdue by more than the command timeout (" + timeout.toMillis()
                        + " ms) after its own timeout;"
                        + " the server is blocked or unreachable, or a reply stopped half-way",
                null);
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
        if (!writer.writeUnpaired(name, args)) {
            throw notConnected();
        }
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
            fail(new DragonflyConnectionException(
                    "Closed the subscriber connection to " + address + " after a protocol error: " + e.getMessage(),
                    e,
                    true));
        } finally {
            reading.set(false);
        }
    }

    // ------------------------------------------------------------------ failure and close

    /**
     * By the {@link WriteWatchdog}: closes the connection when one socket write has not returned for
     * {@code limitNanos}, so that the writer, stuck in the kernel while the server reads nothing,
     * gets an exception instead of waiting forever.
     *
     * @param now {@link System#nanoTime()} of this look
     * @param limitNanos the command timeout
     * @return {@code false} once the connection is closed, so the watchdog stops watching it
     */
    boolean closeIfWriteStuck(long now, long limitNanos) {
        if (!closed && writer.isWriteStuck(now, limitNanos)) {
            // The TCP socket first: closing a TLS socket would wait for the lock the stuck writer holds.
            fail(
                    new DragonflyConnectionException(
                            "Closed the connection to " + address + ": a write made no progress"
                                    + " for the command timeout (" + timeout.toMillis()
                                    + " ms) because the server reads nothing"
                                    + " (blocked, overloaded or unreachable)" + IN_FLIGHT_MAY_HAVE_RUN,
                            null,
                            true),
                    tcp);
        }
        return !closed;
    }

    /** Closes the connection because it broke under the commands in flight, whose outcome is then unknown. */
    private void broke(String why, Throwable cause) {
        fail(new DragonflyConnectionException(why + IN_FLIGHT_MAY_HAVE_RUN, cause, true));
    }

    /**
     * Closes the connection and fails every command in flight with {@code reason}. Idempotent.
     *
     * @param reason why the connection is closed
     */
    public void fail(DragonflyException reason) {
        fail(reason, socket);
    }

    /** @param closeFirst the socket to close before {@link #socket}, if it is another one */
    private void fail(DragonflyException reason, Socket closeFirst) {
        synchronized (writer) {
            // Serialises concurrent failures: the first one names the reason.
            if (closed) {
                return;
            }
            closeReason = reason;
            writer.close();
            closed = true;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "Closing connection to " + address + ": " + reason.getMessage());
        closeQuietly(closeFirst);
        closeQuietly(socket);
        drainIfIdle();
        Thread reader = backgroundReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
        if (tracked) {
            // Only after closed is published: a near cache keeps a reply only while its connection
            // is open, and clears everything on this call (see DefaultNearCache).
            pushHandler.trackingLost(this, reason);
        }
        listener.closed(this, reason);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a broken socket can fail; the connection is gone either way.
        }
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
        broke("The client was closed", null);
    }

    /** For a command refused because the connection is closed: it was not sent, whatever the others' fate. */
    private DragonflyConnectionException notConnected() {
        DragonflyException reason = closeReason;
        String why = reason == null ? "" : ": " + withoutInFlightOutcome(reason.getMessage());
        return new DragonflyConnectionException(
                "Not connected to " + address + why + "; the command was not sent", reason);
    }

    private static String withoutInFlightOutcome(String reason) {
        return reason.endsWith(IN_FLIGHT_MAY_HAVE_RUN)
                ? reason.substring(0, reason.length() - IN_FLIGHT_MAY_HAVE_RUN.length())
                : reason;
    }

    private DragonflyTimeoutException timeout(Command<?> command) {
        return new DragonflyTimeoutException(command.displayName() + " got no reply from " + address
                + " within the command timeout (" + timeout.toMillis() + " ms); the server may be overloaded or blocked"
                + " (raise ClientOptions timeout or dragonfly.timeout if the command is expected to be slow)");
    }
}
