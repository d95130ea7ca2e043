package org.dragonflyclient.core.internal.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.Protocol;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.PushHandler;
import org.dragonflyclient.core.internal.connection.WakeGroup;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;

/**
 * The client's one view of a cluster: which master serves each slot, and the connections of each
 * node ({@link NodeClient}, opened on first use).
 *
 * <p>The slot map comes from {@code CLUSTER SHARDS} ({@code CLUSTER SLOTS} on servers that do not
 * know it, as Redis 6.2), read once at start-up from the first seed that answers and again on
 * request: after a {@code MOVED} (which also corrects its slot at once, so the next command goes
 * straight to the new owner), when a node's connection breaks or cannot be obtained, when the
 * cluster says {@code CLUSTERDOWN}, and every {@link ClientOptions#topologyRefreshPeriod()} if set.
 * One thread reads it, so requests that come together make one refresh, and at least
 * {@value #MIN_REFRESH_MILLIS} ms pass between two: never a storm of {@code CLUSTER SHARDS}.
 * A refresh asks the known masters first, then the seeds. A node that no longer masters slots
 * is forgotten and its connections closed a little later, once commands already sent to it are
 * answered; a new master is connected on its first command.
 */
public final class ClusterNodes implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterNodes.class.getName());

    /** The least time between two refreshes. */
    static final long MIN_REFRESH_MILLIS = 100;

    private final ClientOptions options;
    private final PushHandler pushHandler;
    private final Map<String, NodeClient> nodes = new ConcurrentHashMap<>();
    private final Map<Integer, WakeGroup> wakeGroups = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<NodeClient> owners = new AtomicReferenceArray<>(SlotHash.SLOT_COUNT);
    private final AtomicBoolean refreshRequested = new AtomicBoolean();
    private volatile List<NodeClient> masters = List.of();
    private volatile @Nullable Thread refresher;
    private volatile boolean closed;
    /** {@code CLUSTER SLOTS} instead of {@code SHARDS}, once a node did not know {@code SHARDS}. */
    private volatile boolean useSlots;

    private ClusterNodes(ClientOptions options, PushHandler pushHandler) {
        this.options = options;
        this.pushHandler = pushHandler;
    }

    /**
     * Reads the topology from the first seed that answers and starts the refresh thread.
     *
     * @param options the client's options, in cluster mode
     * @param pushHandler receives RESP3 pushes of every node's connections
     * @return the cluster's nodes
     * @throws DragonflyConnectionException when no seed answers (unless
     *     {@link ClientOptions#requireServerAtStartup()} is off), or a seed is not in cluster mode
     */
    public static ClusterNodes open(ClientOptions options, PushHandler pushHandler) {
        ClusterNodes cluster = new ClusterNodes(options, pushHandler);
        try {
            cluster.apply(cluster.fetch());
        } catch (NotClusterException e) {
            cluster.close();
            throw e;
        } catch (RuntimeException e) {
            if (options.requireServerAtStartup()) {
                cluster.close();
                throw new DragonflyConnectionException(
                        "No seed node of the cluster " + options.clusterSeeds() + " answered CLUSTER SHARDS: "
                                + e.getMessage() + ". Check the addresses, and that the nodes run",
                        e);
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> "No seed node of " + options.clusterSeeds() + " answered (" + e.getMessage()
                            + "); starting anyway (requireServerAtStartup is off), reading the topology in the background");
            cluster.refreshRequested.set(true);
        }
        Thread thread = new Thread(cluster::refreshLoop, "dragonfly-cluster-refresh-" + options.address());
        thread.setDaemon(true);
        cluster.refresher = thread;
        thread.start();
        return cluster;
    }

    // ---------------------------------------------------------------- routing

    /**
     * Returns the master that serves a slot.
     *
     * @param slot a slot, or {@link CommandKeys#ANY} for any master
     * @return the node
     * @throws DragonflyConnectionException when no node serves the slot (the command was not sent)
     */
    public NodeClient master(int slot) {
        NodeClient node;
        if (slot == CommandKeys.ANY) {
            List<NodeClient> all = masters;
            node = all.isEmpty() ? null : all.get((int) (Thread.currentThread().getId() % all.size()));
        } else {
            node = owners.get(slot);
        }
        if (node == null || node.isClosed()) {
            requestRefresh();
            throw new DragonflyConnectionException(
                    (slot == CommandKeys.ANY
                                    ? "No cluster master is known"
                                    : "No cluster node serves hash slot " + slot)
                            + " right now (the cluster does not cover it, or the client is reading the topology "
                            + "again); the command was not sent",
                    null);
        }
        return node;
    }

    /**
     * Returns the node at an address that a redirection named, connecting to it on first use.
     *
     * @param host its host, empty for "the host of {@code fallback}"
     * @param port its port
     * @param fallback the node that sent the redirection
     * @return the node
     */
    public NodeClient node(String host, int port, NodeClient fallback) {
        String h = host.isEmpty() ? fallback.host() : host;
        return nodes.computeIfAbsent(NodeClient.address(h, port), a -> newNode(h, port));
    }

    /**
     * Records a {@code MOVED}: the slot's next commands go to its new owner at once, and the whole
     * topology is read again in the background.
     *
     * @param slot the slot
     * @param owner its new owner
     */
    public void moved(int slot, NodeClient owner) {
        owners.set(slot, owner);
        requestRefresh();
    }

    private NodeClient newNode(String host, int port) {
        return new NodeClient(options, pushHandler, host, port, this::poolShare, this::wakeGroup, this::requestRefresh);
    }

    /**
     * The wake group of the connections at one pool index on every node (decision 0020): a caller
     * woken by one node's reader sends its next command to whichever node owns its next key, so
     * the writes of the batch one reader woke are held on every node until the batch is back.
     * Callers use the same index on every node (the pools route by thread), so an index is a group.
     */
    private WakeGroup wakeGroup(int index) {
        return wakeGroups.computeIfAbsent(index, i -> new WakeGroup());
    }

    /**
     * The size of a node's pool: the client's {@link ClientOptions#poolSize()} spread over the
     * masters, at least one connection each (decision 0020). A connection coalesces the commands
     * of every thread waiting on it into shared writes, and each master sees only its share of
     * the callers, so splitting that share over several connections would shrink the batches
     * the server reads and answers at once; with one master (Dragonfly's emulated cluster) the
     * pool is a single server's.
     *
     * @return connections per node, 1 or more
     */
    int poolShare() {
        int count = Math.max(1, masters.size());
        return Math.max(1, (options.poolSize() + count - 1) / count);
    }

    /** @return the masters as last read, each serving some slots */
    public List<NodeClient> masters() {
        return masters;
    }

    /** Asks the refresh thread to read the topology again; cheap, coalesced, rate-limited. */
    public void requestRefresh() {
        if (refreshRequested.compareAndSet(false, true)) {
            Thread thread = refresher;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    // ---------------------------------------------------------------- refresh

    private void refreshLoop() {
        long period = options.topologyRefreshPeriod().toNanos();
        long next = System.nanoTime() + period;
        while (!closed) {
            boolean due = period > 0 && System.nanoTime() - next >= 0;
            if (refreshRequested.getAndSet(false) || due) {
                try {
                    apply(fetch());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "Cluster topology refresh failed: " + e.getMessage());
                }
                next = System.nanoTime() + period;
                // Requests that arrive meanwhile make one refresh after the pause.
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(MIN_REFRESH_MILLIS));
                continue;
            }
            LockSupport.parkNanos(
                    this, period > 0 ? Math.max(1, next - System.nanoTime()) : TimeUnit.SECONDS.toNanos(1));
        }
    }

    /** Asks the known masters, then the seeds, until one answers. */
    private ClusterTopology fetch() {
        Map<String, NodeClient> candidates = new LinkedHashMap<>();
        for (NodeClient master : masters) {
            candidates.put(master.address(), master);
        }
        for (String seed : options.clusterSeeds()) {
            int colon = seed.lastIndexOf(':');
            String host = seed.substring(0, colon);
            if (host.startsWith("[")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = Integer.parseInt(seed.substring(colon + 1));
            String h = host;
            candidates.computeIfAbsent(seed, a -> nodes.computeIfAbsent(a, x -> newNode(h, port)));
        }
        RuntimeException last = null;
        for (NodeClient node : candidates.values()) {
            if (closed) {
                break;
            }
            try {
                return ask(node);
            } catch (NotClusterException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last != null ? last : new DragonflyConnectionException("The client is closed", null);
    }

    private ClusterTopology ask(NodeClient node) {
        if (!useSlots) {
            try {
                return ClusterTopology.fromShards(clusterCommand(node, Keyword.SHARDS), node.host());
            } catch (DragonflyServerException e) {
                notCluster(node, e);
                useSlots = true; // Redis 6.2: unknown subcommand
            }
        }
        try {
            return ClusterTopology.fromSlots(clusterCommand(node, Keyword.SLOTS), node.host());
        } catch (DragonflyServerException e) {
            notCluster(node, e);
            throw e;
        }
    }

    private static void notCluster(NodeClient node, DragonflyServerException e) {
        if (e.getServerMessage().toLowerCase(java.util.Locale.ROOT).contains("disabled")) {
            throw new NotClusterException(node.address() + " is not in cluster mode (" + e.getServerMessage()
                    + "): remove cluster=true to use it as a single server, or start it in cluster mode "
                    + "(Redis: --cluster-enabled yes; Dragonfly: --cluster_mode=yes or emulated)");
        }
    }

    private Reply clusterCommand(NodeClient node, byte[] sub) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Connection connection = node.pool().route(deadline);
        Command<Reply> command = new Command<>(Keyword.CLUSTER, new Object[] {sub}, new ReplyTreeOutput());
        command.deadline(deadline);
        command.waiter(Thread.currentThread());
        connection.dispatch(command);
        return connection.await(command);
    }

    private synchronized void apply(ClusterTopology topology) {
        if (closed) {
            return;
        }
        if (topology.assignedSlots() == 0 && !masters.isEmpty()) {
            return; // a node that has just (re)started knows no slots yet: keep what we know
        }
        List<NodeClient> newMasters = new ArrayList<>();
        NodeClient[] bySlot = new NodeClient[SlotHash.SLOT_COUNT];
        for (ClusterTopology.Shard shard : topology.shards()) {
            ClusterTopology.Node m = shard.master();
            NodeClient node = nodes.computeIfAbsent(m.address(), a -> newNode(m.host(), m.port()));
            if (!shard.slots().isEmpty()) {
                newMasters.add(node);
            }
            for (ClusterTopology.SlotRange range : shard.slots()) {
                java.util.Arrays.fill(bySlot, range.start(), range.end() + 1, node);
            }
        }
        for (int slot = 0; slot < bySlot.length; slot++) {
            owners.set(slot, bySlot[slot]);
        }
        boolean first = masters.isEmpty();
        masters = List.copyOf(newMasters);
        if (first) {
            // The pools that read this topology were opened before the number of masters was known;
            // no command could be routed yet, so they can be opened again at their share.
            for (NodeClient node : nodes.values()) {
                node.resizePool();
            }
        }
        for (NodeClient node : List.copyOf(nodes.values())) {
            if (!newMasters.contains(node) && nodes.remove(node.address(), node)) {
                retire(node);
            }
        }
    }

    /** Closes a node that left, once the commands already sent to it have had their command timeout. */
    private void retire(NodeClient node) {
        long graceMillis = 2 * options.timeout().toMillis();
        CompletableFuture.delayedExecutor(graceMillis, TimeUnit.MILLISECONDS).execute(node::close);
    }

    // ---------------------------------------------------------------- life cycle and statistics

    /** @return the protocol the nodes agreed to, or {@code null} before any handshake */
    public @Nullable Protocol protocol() {
        for (NodeClient node : nodes.values()) {
            Protocol p = node.protocol();
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** @return the connections open right now, over every node */
    public int openCount() {
        return nodes.values().stream().mapToInt(NodeClient::openCount).sum();
    }

    /** @return commands written whose replies have not arrived, over every node */
    public int inFlightCount() {
        return nodes.values().stream().mapToInt(NodeClient::inFlightCount).sum();
    }

    /** Closes every node's connections and stops the refresh thread. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        Thread thread = refresher;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        nodes.values().forEach(NodeClient::close);
        nodes.clear();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /** A seed that answers but is not in cluster mode: a configuration error, never retried. */
    static final class NotClusterException extends DragonflyConnectionException {
        private static final long serialVersionUID = 1L;

        NotClusterException(String message) {
            super(message, null);
        }
    }

    /** @return a short description for logs and {@code toString} */
    @Override
    public String toString() {
        return "ClusterNodes" + masters;
    }

    /** @return a failure to throw when the client is closed */
    static DragonflyException closedFailure() {
        return new DragonflyConnectionException(
                "The client is closed; create a new one. The command was not sent", null);
    }
}
