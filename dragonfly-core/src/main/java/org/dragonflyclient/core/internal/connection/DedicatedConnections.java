package org.dragonflyclient.core.internal.connection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyInterruptedException;
import org.dragonflyclient.core.DragonflyTimeoutException;

/**
 * Connections that serve one caller at a time, for what must not share a connection: blocking
 * commands ({@code BLPOP} would stall every command queued behind it) and {@code WATCH}
 * transactions (the watch belongs to the connection, and another thread's {@code EXEC} or
 * {@code MULTI} on it would break it).
 *
 * <p>They are opened on demand through the same {@link Connector} as the shared ones (so with the
 * same handshake: credentials, database, client name, protocol), kept after use for the next
 * caller, and bounded: when all of them are leased, {@link #lease} waits at most until the
 * caller's deadline. A connection is reused only when it came back clean, open and with no reply
 * outstanding; one given up mid-command (a blocking call that timed out on the client, say) is
 * closed, which also makes the server stop blocking for it. Broken connections are not
 * reconnected: the next lease opens a fresh one.
 */
public final class DedicatedConnections implements AutoCloseable {

    /** Default bound on the dedicated connections open at once. */
    public static final int DEFAULT_MAX = 8;

    private final Connector connector;
    private final int max;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    /** Every connection open or leased; guarded by {@code this}. */
    private final Set<Connection> all = new HashSet<>();

    private final Connection.Listener onClosed = (connection, reason) -> forget(connection);
    private int opening;
    private boolean closed;

    /**
     * @param connector opens and authenticates connections
     * @param max how many dedicated connections may be open at once, at least 1
     */
    public DedicatedConnections(Connector connector, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("At least one dedicated connection is needed, got " + max);
        }
        this.connector = connector;
        this.max = max;
    }

    /**
     * Takes an idle dedicated connection, or opens one while fewer than the bound are open, or
     * waits for one to come back.
     *
     * @param deadline {@link System#nanoTime()} after which to stop waiting for a free connection
     * @return an open connection that no one else uses until {@link #release}
     * @throws DragonflyTimeoutException when all of them stayed in use until the deadline
     * @throws DragonflyConnectionException when a new connection cannot be opened, or the client is closed
     * @throws DragonflyInterruptedException when the waiting thread is interrupted
     */
    public Connection lease(long deadline) {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new DragonflyConnectionException(
                            "The client is closed; create a new one. The command was not sent", null);
                }
                for (Connection c; (c = idle.pollFirst()) != null; ) {
                    if (c.isOpen()) {
                        return c;
                    }
                    all.remove(c);
                }
                if (all.size() + opening < max) {
                    opening++;
                    break;
                }
                awaitRelease(deadline);
            }
        }
        Connection fresh = null;
        try {
            fresh = connector.open(onClosed);
            return fresh;
        } finally {
            boolean lateForClose;
            synchronized (this) {
                opening--;
                lateForClose = closed && fresh != null;
                if (fresh != null && !closed) {
                    all.add(fresh);
                }
                notifyAll();
            }
            if (lateForClose) {
                fresh.close();
            }
        }
    }

    private void awaitRelease(long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new DragonflyTimeoutException("All " + max + " dedicated connections (used by blocking commands such "
                    + "as BLPOP and by WATCH transactions) stayed busy for the command timeout; close transactions "
                    + "promptly, use shorter blocking timeouts, or run fewer blocking calls at once");
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragonflyInterruptedException("Interrupted while waiting for a dedicated connection to "
                    + connector.options().address());
        }
    }

    /**
     * Gives a leased connection back: kept for reuse when it is open with no reply outstanding,
     * closed otherwise (its state is unknown, or a blocking command is still waiting on it).
     *
     * @param connection a connection from {@link #lease}
     */
    public void release(Connection connection) {
        boolean reuse = connection.isOpen() && connection.inFlightCount() == 0;
        synchronized (this) {
            if (reuse && !closed && all.contains(connection)) {
                idle.addFirst(connection);
                notifyAll();
                return;
            }
            all.remove(connection);
            notifyAll();
        }
        connection.close();
    }

    /**
     * Closes a leased connection instead of giving it back, for a caller that knows its state is
     * unusable (a transaction that failed half-way).
     *
     * @param connection a connection from {@link #lease}
     */
    public void discard(Connection connection) {
        forget(connection);
        connection.close();
    }

    private synchronized void forget(Connection connection) {
        all.remove(connection);
        idle.remove(connection);
        notifyAll();
    }

    /** @return how many dedicated connections are open, idle or leased */
    public synchronized int openCount() {
        return all.size();
    }

    /** Closes every dedicated connection, failing the commands blocked on them. Idempotent. */
    @Override
    public void close() {
        List<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        toClose.forEach(Connection::close);
    }
}
