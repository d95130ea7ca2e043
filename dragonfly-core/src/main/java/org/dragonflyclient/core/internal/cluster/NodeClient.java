package org.dragonflyclient.core.internal.cluster;

import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.Protocol;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.ConnectionPool;
import org.dragonflyclient.core.internal.connection.Connector;
import org.dragonflyclient.core.internal.connection.DedicatedConnections;
import org.dragonflyclient.core.internal.connection.PushHandler;
import org.dragonflyclient.core.internal.connection.WakeGroup;

/**
 * One node of a cluster and its connections: a multiplexed pool like a single-server client's,
 * and dedicated connections for blocking pops and {@code WATCH}, both opened on first use with the
 * client's options (credentials, TLS, timeouts) and this node's address; the pool's size is the
 * node's share of the client's pool size ({@link ClusterNodes#poolShare()}). A node that
 * cannot be reached gets an empty pool that reconnects in the background, so its commands fail
 * fast meanwhile; each broken or unobtainable connection asks for a topology refresh.
 */
public final class NodeClient {

    private final String host;
    private final int port;
    private final String address;
    private final ClientOptions nodeOptions;
    private final PushHandler pushHandler;
    private final Runnable onLost;
    private final IntSupplier poolSize;
    private final IntFunction<WakeGroup> wakeGroups;
    private volatile @Nullable Connector connector;
    private volatile @Nullable ConnectionPool pool;
    private volatile @Nullable DedicatedConnections dedicated;
    private volatile boolean closed;

    NodeClient(
            ClientOptions options,
            PushHandler pushHandler,
            String host,
            int port,
            IntSupplier poolSize,
            IntFunction<WakeGroup> wakeGroups,
            Runnable onLost) {
        this.host = host;
        this.port = port;
        this.address = address(host, port);
        this.nodeOptions = options.toBuilder()
                .clusterNodes(address)
                .requireServerAtStartup(false)
                .build();
        this.pushHandler = pushHandler;
        this.poolSize = poolSize;
        this.wakeGroups = wakeGroups;
        this.onLost = onLost;
    }

    static String address(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return the host */
    public String host() {
        return host;
    }

    /** @return {@code host:port} */
    public String address() {
        return address;
    }

    /**
     * Picks a connection of this node's pool for the calling thread.
     *
     * @param deadline when to stop waiting for a reconnect
     * @return an open connection
     * @throws DragonflyConnectionException when the node is down or closed; the command was not sent
     */
    public Connection route(long deadline) {
        try {
            return pool().route(deadline);
        } catch (RuntimeException e) {
            onLost.run();
            throw e;
        }
    }

    /** @return the pool, opened on first use with the node's share of the client's pool size */
    ConnectionPool pool() {
        ConnectionPool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    checkOpen();
                    p = ConnectionPool.open(connector(), poolSize.getAsInt(), wakeGroups, onLost);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Closes the pool if it was opened with another size than the node's share, so that the next
     * command opens it again with its share. Only while no command can be routed here (before the
     * first topology is known), as the commands in flight on the pool would fail.
     */
    synchronized void resizePool() {
        ConnectionPool p = pool;
        if (p != null && p.size() != poolSize.getAsInt()) {
            pool = null;
            p.close();
        }
    }

    /** @return the dedicated connections, created on first use */
    public DedicatedConnections dedicated() {
        DedicatedConnections d = dedicated;
        if (d == null) {
            synchronized (this) {
                d = dedicated;
                if (d == null) {
                    checkOpen();
                    d = new DedicatedConnections(connector(), DedicatedConnections.DEFAULT_MAX);
                    dedicated = d;
                }
            }
        }
        return d;
    }

    /** @return the connector, which also opens this node's subscribers */
    public synchronized Connector connector() {
        Connector c = connector;
        if (c == null) {
            c = new Connector(nodeOptions, pushHandler);
            connector = c;
        }
        return c;
    }

    private void checkOpen() {
        if (closed) {
            throw new DragonflyConnectionException(
                    "The connections to cluster node " + address + " are closed (it left the cluster, or the client "
                            + "was closed); the command was not sent",
                    null);
        }
    }

    @Nullable
    Protocol protocol() {
        Connector c = connector;
        return c == null ? null : c.negotiatedProtocol();
    }

    int openCount() {
        ConnectionPool p = pool;
        return p == null ? 0 : p.openCount();
    }

    int inFlightCount() {
        ConnectionPool p = pool;
        return p == null ? 0 : p.inFlightCount();
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the node's connections; commands in flight on them fail. Idempotent. */
    synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
        }
        if (dedicated != null) {
            dedicated.close();
        }
    }

    @Override
    public String toString() {
        return address;
    }
}
