package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyAsyncCommands;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.Pipeline;
import org.dragonflyclient.core.Protocol;
import org.dragonflyclient.core.PubSub;
import org.dragonflyclient.core.Transaction;
import org.dragonflyclient.core.internal.cluster.ClusterRouter;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.connection.ConnectionPool;
import org.dragonflyclient.core.internal.connection.Connector;
import org.dragonflyclient.core.internal.connection.DedicatedConnections;
import org.dragonflyclient.core.internal.connection.PushHandler;

/**
 * The one implementation of {@link DragonflyClient}. The command families are the {@code Sync*}
 * interfaces it implements: each method builds its command with its family's builder and hands it
 * to {@link #call}, which the {@link CommandDispatcher} sends and waits for; that is the whole path
 * of a call. This class holds what is not a command: the async view, pipelines, transactions,
 * subscriptions and the client's life cycle.
 */
public final class DefaultDragonflyClient
        implements DragonflyClient,
                SyncStrings,
                SyncKeys,
                SyncHashes,
                SyncLists,
                SyncSets,
                SyncSortedSets,
                SyncScripting,
                SyncPublish,
                SyncServer {

    private final ClientOptions options;
    private final ConnectionPool pool;
    private final DedicatedConnections dedicated;
    private final CommandDispatcher dispatcher;
    private final DefaultAsyncCommands async;
    private final Set<PubSub> pubSubs = ConcurrentHashMap.newKeySet();
    /** In cluster mode, the router over every node's connections; {@code pool} and {@code dedicated} are then unused. */
    private final @Nullable ClusterRouter cluster;

    private DefaultDragonflyClient(ClientOptions options, ConnectionPool pool, DedicatedConnections dedicated) {
        this.options = options;
        this.pool = pool;
        this.dedicated = dedicated;
        this.cluster = null;
        this.dispatcher =
                new CommandDispatcher(pool, dedicated, options.timeout().toNanos(), options.commandListener());
        this.async = new DefaultAsyncCommands(dispatcher);
    }

    private DefaultDragonflyClient(ClientOptions options, ClusterRouter cluster) {
        this.options = options;
        this.pool = null;
        this.dedicated = null;
        this.cluster = cluster;
        this.dispatcher = new CommandDispatcher(cluster, options.timeout().toNanos(), options.commandListener());
        this.async = new DefaultAsyncCommands(dispatcher);
    }

    public static DragonflyClient connect(ClientOptions options) {
        PushHandler pushHandler =
                options.tracking() ? PushHandler.tracking(options.trackingListener()) : PushHandler.IGNORE;
        if (options.cluster()) {
            return new DefaultDragonflyClient(options, ClusterRouter.open(options, pushHandler));
        }
        Connector connector = new Connector(options, pushHandler);
        ConnectionPool pool = ConnectionPool.open(connector);
        return new DefaultDragonflyClient(
                options, pool, new DedicatedConnections(connector, DedicatedConnections.DEFAULT_MAX));
    }

    @Override
    public <T> T call(Command<T> command) {
        return dispatcher.call(command);
    }

    @Override
    public <T> T callBlocking(Command<T> command, Duration blockFor) {
        return dispatcher.callBlocking(command, blockFor);
    }

    @Override
    public DragonflyAsyncCommands async() {
        return async;
    }

    @Override
    public Pipeline pipeline() {
        return new DefaultPipeline(dispatcher, async);
    }

    @Override
    public PubSub pubSub() {
        return pubSub(PubSub.DEFAULT_MAX_QUEUED_MESSAGES);
    }

    @Override
    public PubSub pubSub(int maxQueuedMessages) {
        PubSub pubSub = cluster != null
                ? ClusterPubSub.open(cluster.nodes(), maxQueuedMessages, pubSubs::remove)
                : DefaultPubSub.open(pool.connector(), maxQueuedMessages, pubSubs::remove);
        pubSubs.add(pubSub);
        return pubSub;
    }

    @Override
    public Transaction transaction() {
        return new DefaultTransaction(dispatcher);
    }

    @Override
    public ClientOptions options() {
        return options;
    }

    @Override
    public Protocol protocol() {
        return cluster != null ? cluster.nodes().protocol() : pool.connector().negotiatedProtocol();
    }

    @Override
    public int openConnections() {
        return cluster != null ? cluster.nodes().openCount() : pool.openCount();
    }

    @Override
    public int inFlightCommands() {
        return cluster != null ? cluster.nodes().inFlightCount() : pool.inFlightCount();
    }

    @Override
    public void close() {
        pubSubs.forEach(PubSub::close);
        if (cluster != null) {
            cluster.close();
            return;
        }
        dedicated.close();
        pool.close();
    }

    @Override
    public String toString() {
        return "DragonflyClient[" + options + "]";
    }
}
