package org.dragonflyclient.core.internal.client;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.PubSub;
import org.dragonflyclient.core.PubSubListener;
import org.dragonflyclient.core.PubSubMessage;
import org.dragonflyclient.core.internal.cluster.ClusterNodes;
import org.dragonflyclient.core.internal.cluster.CommandKeys;
import org.dragonflyclient.core.internal.cluster.NodeClient;
import org.dragonflyclient.core.internal.cluster.Redirection;
import org.dragonflyclient.core.internal.cluster.SlotHash;

/**
 * A subscriber on a cluster: channels and patterns on one {@link DefaultPubSub} connected to a
 * master, and each shard channel on a {@link DefaultPubSub} connected to the master of its slot,
 * one per node, all sharing the listeners.
 *
 * <p>Channels and patterns follow a failover: while their subscriber is disconnected and its node
 * no longer masters slots, they move to another master.
 *
 * <p>A shard channel follows its slot. When a node unsubscribes a channel by itself (its slot
 * moved away), or the connection to a node breaks, the channels are subscribed again on their
 * slot's owner as soon as the topology names another one: every {@value #RETRY_MILLIS} ms, the
 * topology refreshed meanwhile, until the channel is subscribed where its slot lives, or the
 * subscriber is closed. Messages published in between are lost, as across any reconnect.
 */
final class ClusterPubSub implements PubSub {

    private static final System.Logger LOG = System.getLogger(PubSub.class.getName());

    /** Between two attempts to move shard channels to their slot's new owner. */
    static final long RETRY_MILLIS = 200;
    /** How long a shard channel is retried on its slot's new owner: 30 s. */
    private static final int MAX_MOVE_ATTEMPTS = 150;

    private static final int MAX_REDIRECTS = 3;

    private final ClusterNodes nodes;
    private final int maxQueuedMessages;
    private final Consumer<PubSub> onClose;
    /** Channels and patterns, on one master; replaced when that node stops being a master. Guarded by {@code this}. */
    private DefaultPubSub global;

    private NodeClient globalNode;
    private final Map<NodeClient, DefaultPubSub> shards = new ConcurrentHashMap<>();
    private final List<PubSubListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ClusterPubSub(ClusterNodes nodes, int maxQueuedMessages, Consumer<PubSub> onClose) {
        this.nodes = nodes;
        this.maxQueuedMessages = maxQueuedMessages;
        this.onClose = onClose;
    }

    static ClusterPubSub open(ClusterNodes nodes, int maxQueuedMessages, Consumer<PubSub> onClose) {
        ClusterPubSub pubSub = new ClusterPubSub(nodes, maxQueuedMessages, onClose);
        synchronized (pubSub) {
            pubSub.globalNode = nodes.master(CommandKeys.ANY);
            pubSub.global = pubSub.openOn(pubSub.globalNode, pubSub::followGlobalLater);
        }
        return pubSub;
    }

    /** A subscriber on a node, with the listeners, telling {@code onDisconnect} when it loses its connection. */
    private DefaultPubSub openOn(NodeClient node, Runnable onDisconnect) {
        DefaultPubSub subscriber = DefaultPubSub.open(node.connector(), maxQueuedMessages, p -> {});
        listeners.forEach(subscriber::addListener);
        subscriber.addListener(new PubSubListener() {
            @Override
            public void message(PubSubMessage message) {}

            @Override
            public void disconnected(DragonflyException reason) {
                nodes.requestRefresh();
                onDisconnect.run();
            }
        });
        return subscriber;
    }

    /** Runs on the channel-and-pattern subscriber, never during its replacement. */
    private synchronized <R> R global(Function<DefaultPubSub, R> action) {
        return action.apply(global);
    }

    /**
     * While the channel-and-pattern subscriber is disconnected, moves it (with its channels and
     * patterns) to another master once its node is no longer one (a failover); a node that is
     * still a master, or comes back, it reconnects to itself.
     */
    private void followGlobalLater() {
        later(() -> {
            synchronized (this) {
                if (closed || global.isConnected()) {
                    return;
                }
                if (!nodes.masters().contains(globalNode)) {
                    try {
                        NodeClient next = nodes.master(CommandKeys.ANY);
                        DefaultPubSub fresh = openOn(next, this::followGlobalLater);
                        fresh.restore(global.channelKeys(), global.patternKeys());
                        global.close();
                        global = fresh;
                        globalNode = next;
                        return;
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.DEBUG, () -> "Subscriber not moved yet: " + e.getMessage());
                    }
                }
            }
            nodes.requestRefresh(); // until the cluster has promoted a replica, or the node is back
            followGlobalLater();
        });
    }

    @Override
    public void addListener(PubSubListener listener) {
        listeners.add(listener);
        global(g -> {
            g.addListener(listener);
            return null;
        });
        shards.values().forEach(s -> s.addListener(listener));
    }

    @Override
    public void removeListener(PubSubListener listener) {
        listeners.remove(listener);
        global(g -> {
            g.removeListener(listener);
            return null;
        });
        shards.values().forEach(s -> s.removeListener(listener));
    }

    // ---------------------------------------------------------------- channels and patterns: one master

    @Override
    public void subscribe(String... channels) {
        global(g -> {
            g.subscribe(channels);
            return null;
        });
    }

    @Override
    public void subscribe(byte[]... channels) {
        global(g -> {
            g.subscribe(channels);
            return null;
        });
    }

    @Override
    public void psubscribe(String... patterns) {
        global(g -> {
            g.psubscribe(patterns);
            return null;
        });
    }

    @Override
    public void psubscribe(byte[]... patterns) {
        global(g -> {
            g.psubscribe(patterns);
            return null;
        });
    }

    @Override
    public void unsubscribe(String... channels) {
        global(g -> {
            g.unsubscribe(channels);
            return null;
        });
    }

    @Override
    public void unsubscribe(byte[]... channels) {
        global(g -> {
            g.unsubscribe(channels);
            return null;
        });
    }

    @Override
    public void punsubscribe(String... patterns) {
        global(g -> {
            g.punsubscribe(patterns);
            return null;
        });
    }

    @Override
    public void punsubscribe(byte[]... patterns) {
        global(g -> {
            g.punsubscribe(patterns);
            return null;
        });
    }

    @Override
    public void unsubscribeAll() {
        global(g -> {
            g.unsubscribeAll();
            return null;
        });
    }

    @Override
    public void punsubscribeAll() {
        global(g -> {
            g.punsubscribeAll();
            return null;
        });
    }

    @Override
    public Set<String> channels() {
        return global(DefaultPubSub::channels);
    }

    @Override
    public Set<String> patterns() {
        return global(DefaultPubSub::patterns);
    }

    // ---------------------------------------------------------------- shard channels: the slot's master

    @Override
    public void ssubscribe(String... channels) {
        ssubscribe(DefaultPubSub.keys(channels, "SSUBSCRIBE"));
    }

    @Override
    public void ssubscribe(byte[]... channels) {
        ssubscribe(DefaultPubSub.keys(channels, "SSUBSCRIBE"));
    }

    private void ssubscribe(List<String> names) {
        for (List<String> sameSlot : DefaultPubSub.bySlot(names)) {
            int slot = slot(sameSlot.get(0));
            NodeClient node = nodes.master(slot);
            for (int redirects = 0; ; redirects++) {
                try {
                    subscriberOf(node).ssubscribe(sameSlot);
                    break;
                } catch (DragonflyServerException e) {
                    // The slot moved and the topology did not know yet: follow the MOVED, as commands do.
                    Redirection moved = Redirection.of(e);
                    if (moved == null || moved.kind() != Redirection.Kind.MOVED || redirects >= MAX_REDIRECTS) {
                        throw e;
                    }
                    node = nodes.node(moved.host(), moved.port(), node);
                    nodes.moved(slot, node);
                }
            }
        }
    }

    @Override
    public void sunsubscribe(String... channels) {
        sunsubscribe(DefaultPubSub.keys(channels, "SUNSUBSCRIBE"));
    }

    @Override
    public void sunsubscribe(byte[]... channels) {
        sunsubscribe(DefaultPubSub.keys(channels, "SUNSUBSCRIBE"));
    }

    private void sunsubscribe(List<String> names) {
        for (DefaultPubSub shard : shards.values()) {
            List<String> here =
                    names.stream().filter(shard.shardChannelKeys()::contains).toList();
            if (!here.isEmpty()) {
                shard.sunsubscribe(here);
            }
        }
    }

    @Override
    public Set<String> shardChannels() {
        Set<String> all = new LinkedHashSet<>();
        shards.values().forEach(s -> all.addAll(s.shardChannels()));
        return all;
    }

    private static int slot(String key) {
        return SlotHash.slot(key.getBytes(StandardCharsets.ISO_8859_1));
    }

    private DefaultPubSub subscriberOf(NodeClient node) {
        return shards.computeIfAbsent(node, n -> {
            DefaultPubSub[] shard = new DefaultPubSub[1];
            shard[0] = openOn(n, () -> followLater(n, shard[0]));
            shard[0].onShardChannelLost(name -> moveLater(List.of(name)));
            return shard[0];
        });
    }

    /** Subscribes channels the server unsubscribed by itself on their slot's owner, once known. */
    private void moveLater(List<String> names) {
        moveLater(names, 0);
    }

    private void moveLater(List<String> names, int attempt) {
        nodes.requestRefresh();
        later(() -> {
            try {
                ssubscribe(names);
            } catch (RuntimeException e) {
                // No owner known yet, or its subscriber is reconnecting: try again, for a while.
                if (attempt + 1 >= MAX_MOVE_ATTEMPTS) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            () -> "Gave up subscribing shard channels " + names.size() + " on their slot's new owner: "
                                    + e.getMessage() + "; call ssubscribe again");
                    return;
                }
                moveLater(names, attempt + 1);
            }
        });
    }

    /**
     * While a node's subscriber is disconnected, moves its channels whose slot has another owner
     * now (after a failover); the rest it restores itself when it reconnects.
     */
    private void followLater(NodeClient node, DefaultPubSub shard) {
        later(() -> {
            if (shard.isConnected()) {
                return;
            }
            for (String name : shard.shardChannelKeys()) {
                try {
                    NodeClient owner = nodes.master(slot(name));
                    if (owner != node) {
                        shard.forgetShardChannels(List.of(name));
                        moveLater(List.of(name));
                    }
                } catch (RuntimeException e) {
                    // No owner known right now: look again on the next turn.
                }
            }
            if (!shard.shardChannelKeys().isEmpty()) {
                nodes.requestRefresh();
                followLater(node, shard);
            } else if (shards.remove(node, shard)) {
                shard.close(); // every channel moved: stop reconnecting to a node that serves none
            }
        });
    }

    private void later(Runnable task) {
        if (!closed) {
            CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS)
                    .execute(() -> {
                        if (!closed) {
                            task.run();
                        }
                    });
        }
    }

    // ---------------------------------------------------------------- state

    @Override
    public boolean isConnected() {
        return !closed
                && global(DefaultPubSub::isConnected)
                && shards.values().stream().allMatch(DefaultPubSub::isConnected);
    }

    @Override
    public long droppedMessages() {
        return global(DefaultPubSub::droppedMessages)
                + shards.values().stream()
                        .mapToLong(DefaultPubSub::droppedMessages)
                        .sum();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        global(g -> {
            g.close();
            return null;
        });
        shards.values().forEach(DefaultPubSub::close);
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "PubSub[cluster, channels on " + global(g -> globalNode.address()) + ", "
                + (isConnected() ? "connected" : "disconnected") + "]";
    }
}
