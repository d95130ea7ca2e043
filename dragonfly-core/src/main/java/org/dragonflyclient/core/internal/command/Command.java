package org.dragonflyclient.core.internal.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.internal.output.ReplyOutput;
import org.dragonflyclient.core.internal.output.VoidOutput;
import org.dragonflyclient.core.internal.resp.DiscardingSink;
import org.dragonflyclient.core.internal.resp.ReplySink;

/**
 * One request and the future of its reply.
 *
 * <p>A command is written by a connection, queued in that connection's in-flight FIFO, and
 * completed by whichever thread reads its reply. It <em>is</em> the {@link CompletableFuture}
 * returned by the asynchronous API, so the hot path allocates one object per request besides
 * its arguments and output. "First completion wins" is what makes timeouts safe: a caller that
 * gives up completes the future exceptionally, and the reply, when it arrives later, is read,
 * dropped, and never handed to anyone else.
 *
 * @param <T> the type of the decoded reply
 */
public final class Command<T> extends CompletableFuture<T> {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<Command> WAKE =
            AtomicIntegerFieldUpdater.newUpdater(Command.class, "wakeState");
    // Where the waiting thread is, for a connection's write combining: see enterAwait().
    private static final int NOT_AWAITED = 0;
    private static final int AWAITED = 1;
    private static final int WAKE_COUNTED = 2;
    private static final int LEFT = 3;

    private final byte[] name;
    private final Object[] args;
    private final ReplyOutput<T> output;
    /** Thread parked on this command in a synchronous call, to be unparked on completion. */
    volatile Thread waiter;
    /** {@link System#nanoTime()} after which the command times out; set when it is dispatched. */
    long deadline;
    /** The next command in the connection's in-flight FIFO. */
    private volatile Command<?> nextInFlight;
    /** {@link #NOT_AWAITED}, {@link #AWAITED}, {@link #WAKE_COUNTED} or {@link #LEFT}. */
    private volatile int wakeState;
    /**
     * The cluster node that served this command, for its listener; {@code null} on a single server.
     * A plain field that fills what was alignment padding (the object stays 56 bytes with
     * compressed oops), written only in cluster mode before the command, or the future the
     * listener watches, completes: the completion publishes it.
     */
    private @Nullable String node;

    /**
     * Creates a command.
     *
     * @param name the command name as bytes, e.g. {@link Keyword#GET}
     * @param args arguments: {@code byte[]}, {@code String} or numbers
     * @param output decodes the reply
     */
    public Command(byte[] name, Object[] args, ReplyOutput<T> output) {
        this.name = name;
        this.args = args;
        this.output = output;
    }

    /**
     * A command that is never sent, used as the in-flight FIFO's initial head.
     *
     * @return a new stub command
     */
    public static Command<Void> stub() {
        return new Command<>(new byte[0], new Object[0], new VoidOutput());
    }

    /** @return the command written after this one on the same connection, or {@code null}; connection use only */
    public Command<?> nextInFlight() {
        return nextInFlight;
    }

    /** @param next the command written after this one; connection use only, set once */
    public void nextInFlight(Command<?> next) {
        this.nextInFlight = next;
    }

    /**
     * Returns a new command with the same name, arguments, deadline and output, to send again after
     * this one was refused with a cluster redirection ({@code MOVED}, {@code ASK},
     * {@code TRYAGAIN}, {@code CLUSTERDOWN}): the server did not run it. A command never travels
     * twice itself, since the connection that read its reply keeps it as its FIFO's head.
     *
     * @return the command to send instead
     */
    public Command<T> resend() {
        output.clearFailure();
        Command<T> again = new Command<>(name, args, output);
        again.deadline = deadline;
        return again;
    }

    /**
     * Returns a new command with this one's name and deadline, other arguments and a fresh output
     * of the same kind: one part of a command that a cluster client sends in parts.
     *
     * @param partArgs the part's arguments
     * @return the part
     * @throws UnsupportedOperationException when this command's output cannot be split
     */
    public Command<T> part(Object[] partArgs) {
        Command<T> part = new Command<>(name, partArgs, output.fresh());
        part.deadline = deadline;
        return part;
    }

    /** @return the command name as bytes */
    public byte[] name() {
        return name;
    }

    /** @return the arguments after the name */
    public Object[] args() {
        return args;
    }

    /** @return the sink that decodes this command's reply, or a discarding sink when nobody waits */
    public ReplySink sink() {
        return isDone() ? DiscardingSink.INSTANCE : output;
    }

    /** Completes the future from the decoded reply (a no-op when the caller already gave up). */
    public void finish() {
        RuntimeException failure = output.failure();
        if (failure != null) {
            completeExceptionally(failure);
        } else {
            complete(output.result());
        }
    }

    /** @return the thread blocked on this command, or {@code null} */
    public Thread waiter() {
        return waiter;
    }

    /** @param thread the thread that will block on this command */
    public void waiter(Thread thread) {
        this.waiter = thread;
    }

    /**
     * The waiter has entered the connection's wait for this command. From now until
     * {@link #leaveAwait()}, the reader that completes the command may count its waiter as "waking"
     * ({@link #countWake()}): a thread that will run again within moments and has promised to report
     * back. The connection holds back single writes while any woken waiter has not come back, so
     * that the commands of one wake-up batch leave in one write. Connection use only.
     */
    public void enterAwait() {
        wakeState = AWAITED;
    }

    /**
     * Claims the waiter's report of coming back; by the reader that completes this command, before
     * completing it. Fails once the waiter has left its wait, or when it never entered one (as when
     * a pipeline's last command completed before its caller could wait for it). Connection use only.
     *
     * @return {@code true} when the waiter will report back through {@link #leaveAwait()}
     */
    public boolean countWake() {
        return WAKE.compareAndSet(this, AWAITED, WAKE_COUNTED);
    }

    /**
     * The waiter leaves its wait, whatever the outcome. Connection use only.
     *
     * @return {@code true} when a reader counted this waiter's wake, which must now be reported back
     */
    public boolean leaveAwait() {
        return WAKE.getAndSet(this, LEFT) == WAKE_COUNTED;
    }

    /**
     * @return the address ({@code host:port}) of the cluster node that served this command, a
     *     marker such as {@link org.dragonflyclient.core.CommandListener#SEVERAL_NODES}, or
     *     {@code null} when no node was chosen (and always on a single server)
     */
    public @Nullable String node() {
        return node;
    }

    /**
     * Records which cluster node serves this command (the last one chosen wins, so after a
     * redirection the node that replied). Cluster use only; not copied by {@link #resend} or
     * {@link #part}.
     *
     * @param address the node's {@code host:port}, or a marker
     */
    public void node(String address) {
        this.node = address;
    }

    /** @return the deadline in {@link System#nanoTime()} terms */
    public long deadline() {
        return deadline;
    }

    /** @param nanoTime the deadline in {@link System#nanoTime()} terms */
    public void deadline(long nanoTime) {
        this.deadline = nanoTime;
    }

    /**
     * The command name for messages: never the arguments, which may hold secrets or user data.
     *
     * @return the name as text, e.g. {@code GET}
     */
    public String displayName() {
        return Keyword.nameOf(name);
    }

    @Override
    public String toString() {
        return "Command[" + displayName() + ", " + (isDone() ? "done" : "pending") + "]";
    }
}
