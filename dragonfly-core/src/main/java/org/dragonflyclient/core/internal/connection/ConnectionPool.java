package org.dragonflyclient.core.internal.connection;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyTimeoutException;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.output.StatusOutput;

/**
 * A fixed set of multiplexed connections and the one place that decides which connection serves
 * a command (cluster routing by hash slot will live here too).
 *
 * <p>Routing is by thread: a thread always uses the same connection while it is open, so the
 * asynchronous commands one thread issues are executed in the order it issued them, and threads
 * spread evenly over the connections.
 *
 * <p>When a connection breaks, a reconnect thread replaces it with exponential backoff, repeating
 * the handshake. Meanwhile commands go to the other connections; when none is open, a command
 * fails at once if the last connection attempt failed (the server is known to be down), or waits
 * at most until its own deadline for the reconnect. No command is ever queued while disconnected.
 */
public final class ConnectionPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());

    private final Connector connector;
    private final ClientOptions options;
    private final AtomicReferenceArray<Connection> connections;
    private final Connection.Listener onClosed = (connection, reason) -> connectionClosed(connection, reason);
    private final Object monitor = new Object();

    private volatile boolean closed;
    /** The last connect attempt's failure, or {@code null} after a success. */
    private volatile DragonflyException lastConnectFailure;

    private volatile Thread reconnector;
    /** Told when a connection breaks; a cluster client refreshes its topology. */
    private final Runnable onLost;
    /** The wake group of the connection at each index ({@link WakeGroup}). */
    private final IntFunction<WakeGroup> groups;

    private ConnectionPool(Connector connector, int size, IntFunction<WakeGroup> groups, Runnable onLost) {
        this.connector = connector;
        this.groups = groups;
        this.onLost = onLost;
        this.options = connector.options();
        this.connections = new AtomicReferenceArray<>(size);
    }

    /** @return the number of connections the pool keeps open */
    public int size() {
        return connections.length();
    }

    /**
     * Opens every connection of the pool, so that a wrong address or password is reported at once.
     * When the server is merely unreachable and {@link ClientOptions#requireServerAtStartup()} is
     * off, the pool starts empty instead and connects in the background; a refused handshake
     * (credentials, database, TLS certificate) is a configuration error and always throws.
     *
     * @param connector opens and authenticates connections
     * @return the pool
     * @throws DragonflyConnectionException when a connection cannot be opened
     */
    public static ConnectionPool open(Connector connector) {
        // A caller keeps its connection (route by thread), so each connection's woken callers write to it alone.
        return open(connector, connector.options().poolSize(), index -> new WakeGroup(), () -> {});
    }

    /**
     * Opens a pool as {@link #open(Connector)} does, of {@code size} connections, telling
     * {@code onLost} each time one of its connections breaks (before the reconnect starts).
     *
     * @param connector opens and authenticates connections
     * @param size the number of connections, 1 or more
     * @param groups the {@link WakeGroup} of the connection at an index (a reconnect asks again)
     * @param onLost told of each broken connection; quick, called on the thread that saw the break
     * @return the pool
     * @throws DragonflyConnectionException when a connection cannot be opened
     */
    public static ConnectionPool open(Connector connector, int size, IntFunction<WakeGroup> groups, Runnable onLost) {
        ConnectionPool pool = new ConnectionPool(connector, size, groups, onLost);
        try {
            for (int i = 0; i < pool.connections.length(); i++) {
                pool.connections.set(i, connector.openPooled(pool.onClosed, groups.apply(i)));
            }
        } catch (DragonflyConnectionException e) {
            if (pool.options.requireServerAtStartup() || !Connector.isUnreachable(e) || pool.openCount() > 0) {
                pool.close();
                throw e;
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> e.getMessage() + ". Starting anyway (requireServerAtStartup "
                            + "is off): commands fail fast until the server answers; connecting in the background");
            pool.lastConnectFailure = e;
            pool.startReconnector();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /**
     * Picks the connection for the calling thread.
     *
     * @param deadline {@link System#nanoTime()} after which to give up waiting for a reconnect
     * @return an open connection
     * @throws DragonflyConnectionException when no connection is open and the server is known to be down
     * @throws DragonflyTimeoutException when no connection opened before the deadline
     */
    public Connection route(long deadline) {
        int n = connections.length();
        int first = (int) (Thread.currentThread().getId() % n);
        Connection c = connections.get(first);
        if (c != null && c.isOpen()) {
            return c;
        }
        return anyOpen(first, deadline);
    }

    private Connection anyOpen(int first, long deadline) {
        int n = connections.length();
        while (true) {
            for (int i = 1; i <= n; i++) {
                Connection c = connections.get((first + i) % n);
                if (c != null && c.isOpen()) {
                    return c;
                }
            }
            if (closed) {
                throw new DragonflyConnectionException(
                        "The client is closed; create a new one. The command was not sent", null);
            }
            DragonflyException failure = lastConnectFailure;
            if (failure != null) {
                throw new DragonflyConnectionException(
                        "Not connected to " + options.address() + " (reconnecting in the background): "
                                + failure.getMessage() + ". The command was not sent",
                        failure);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new DragonflyTimeoutException("No connection to " + options.address()
                        + " became available within the command timeout; a reconnect is in progress");
            }
            synchronized (monitor) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.dragonflyclient.core.DragonflyInterruptedException(
                            "Interrupted while waiting for a connection to " + options.address());
                }
            }
        }
    }

    /** @return the number of connections currently open */
    public int openCount() {
        int open = 0;
        for (int i = 0; i < connections.length(); i++) {
            Connection c = connections.get(i);
            if (c != null && c.isOpen()) {
                open++;
            }
        }
        return open;
    }

    /** @return the number of commands written whose replies have not arrived, over all connections */
    public int inFlightCount() {
        int count = 0;
        for (int i = 0; i < connections.length(); i++) {
            Connection c = connections.get(i);
            if (c != null) {
                count += c.inFlightCount();
            }
        }
        return count;
    }

    private void connectionClosed(Connection connection, DragonflyException reason) {
        if (closed) {
            return;
        }
        LOG.log(
                System.Logger.Level.WARNING,
                () -> "Lost connection to " + connection.address() + ": " + reason.getMessage() + "; reconnecting");
        startReconnector();
        probeSiblings(connection);
        onLost.run();
    }

    /**
     * When one connection breaks, the others to the same server often broke too (a restart, a
     * network cut) without anybody noticing, since an idle socket is not read. A PING on each open
     * sibling finds out now, so the next user command does not meet the dead connection first.
     */
    private void probeSiblings(Connection broken) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        for (int i = 0; i < connections.length(); i++) {
            Connection c = connections.get(i);
            if (c != null && c != broken && c.isOpen()) {
                Command<String> ping = new Command<>(Keyword.PING, new Object[0], new StatusOutput());
                ping.deadline(deadline);
                c.dispatch(ping);
                c.ensureReader();
            }
        }
    }

    private void startReconnector() {
        synchronized (monitor) {
            Thread current = reconnector;
            if (current != null && current.isAlive()) {
                LockSupport.unpark(current);
                return;
            }
            Thread thread = new Thread(this::reconnectLoop, "dragonfly-reconnect-" + options.address());
            thread.setDaemon(true);
            reconnector = thread;
            thread.start();
        }
    }

    /** Replaces broken connections until all are open, backing off after each failed attempt. */
    private void reconnectLoop() {
        long delay = options.reconnectDelay().toNanos();
        long maxDelay = options.maxReconnectDelay().toNanos();
        while (!closed) {
            int broken = -1;
            for (int i = 0; i < connections.length() && broken < 0; i++) {
                Connection c = connections.get(i);
                if (c == null || !c.isOpen()) {
                    broken = i;
                }
            }
            if (broken < 0) {
                synchronized (monitor) {
                    // Exit under the monitor so that startReconnector either sees us alive and
                    // unparks us after a new break, or starts a fresh thread.
                    if (allOpen()) {
                        reconnector = null;
                        return;
                    }
                }
                continue;
            }
            try {
                Connection fresh = connector.openPooled(onClosed, groups.apply(broken));
                if (closed) {
                    fresh.close();
                    return;
                }
                connections.set(broken, fresh);
                lastConnectFailure = null;
                delay = options.reconnectDelay().toNanos();
                LOG.log(System.Logger.Level.INFO, () -> "Reconnected to " + options.address());
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            } catch (RuntimeException e) {
                lastConnectFailure = Connector.describe(e);
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> "Reconnect to " + options.address() + " failed: " + e.getMessage());
                LockSupport.parkNanos(this, delay);
                delay = Math.min(maxDelay, delay * 2);
            }
        }
    }

    private boolean allOpen() {
        return openCount() == connections.length();
    }

    /** Closes every connection; commands in flight fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < connections.length(); i++) {
            Connection c = connections.get(i);
            if (c != null) {
                c.close();
            }
        }
        Thread thread = reconnector;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** @return the connector, which knows the negotiated protocol */
    public Connector connector() {
        return connector;
    }
}
