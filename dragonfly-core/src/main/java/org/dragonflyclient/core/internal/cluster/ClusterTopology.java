package org.dragonflyclient.core.internal.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.Reply;

/**
 * Which node serves each of the 16,384 hash slots, and which replicas follow it: one snapshot of
 * a cluster, parsed from one node's answer. Immutable; a refresh builds a new one.
 *
 * <p>Two sources, read through the client's generic {@link Reply} (RESP2 arrays and RESP3 maps
 * alike, since {@link Reply#asList()} flattens a map into key, value, ...):
 * <ul>
 *   <li>{@code CLUSTER SHARDS} (Redis 7, Dragonfly): one entry per shard with its slot ranges and
 *       its nodes, each with {@code id}, {@code endpoint}, {@code ip}, {@code port},
 *       {@code role} and {@code health}. Dragonfly's emulated cluster mode answers with one shard
 *       that owns 0-16383. Replicas that are not {@code online} (failed, loading, hidden) are
 *       left out: they cannot serve a read.</li>
 *   <li>{@code CLUSTER SLOTS} (every version; the fallback for Redis 6.2): one entry per slot
 *       range, {@code [start, end, master, replica...]}, each node {@code [host, port, id, ...]}.</li>
 * </ul>
 * A node's host is its announced endpoint; an empty one means "the address you asked", so the
 * caller passes the host it asked; {@code "?"} (unknown endpoint) leaves a master's slots
 * unassigned and drops a replica. Slots no node serves map to {@code null}.
 */
public final class ClusterTopology {

    private final List<Shard> shards;
    private final short[] shardBySlot;

    private ClusterTopology(List<Shard> shards, short[] shardBySlot) {
        this.shards = List.copyOf(shards);
        this.shardBySlot = shardBySlot;
    }

    /**
     * A node of the cluster.
     *
     * @param id the node id, empty when the reply has none
     * @param host the host to connect to
     * @param port the port to connect to
     */
    public record Node(String id, String host, int port) {

        /**
         * Returns the address as {@code host:port}.
         *
         * @return the address
         */
        public String address() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * An inclusive range of slots.
     *
     * @param start the first slot
     * @param end the last slot
     */
    public record SlotRange(int start, int end) {}

    /**
     * A master, its replicas and the slots it serves.
     *
     * @param master the master
     * @param replicas its online replicas
     * @param slots the ranges it serves, possibly none
     */
    public record Shard(Node master, List<Node> replicas, List<SlotRange> slots) {

        /**
         * Copies the lists.
         *
         * @param master the master
         * @param replicas its online replicas
         * @param slots the ranges it serves
         */
        public Shard {
            replicas = List.copyOf(replicas);
            slots = List.copyOf(slots);
        }
    }

    /**
     * Parses a {@code CLUSTER SHARDS} reply.
     *
     * @param reply the reply
     * @param askedHost the host the reply came from, for nodes that announce an empty endpoint
     * @return the topology
     * @throws DragonflyProtocolException if the reply does not have the documented shape
     */
    public static ClusterTopology fromShards(Reply reply, String askedHost) {
        List<Shard> shards = new ArrayList<>();
        for (Reply entry : reply.asList()) {
            Map<String, Reply> fields = fields(entry, "CLUSTER SHARDS shard");
            List<SlotRange> ranges = new ArrayList<>();
            List<Reply> bounds =
                    require(fields, "slots", "CLUSTER SHARDS shard").asList();
            if (bounds.size() % 2 != 0) {
                throw malformed("CLUSTER SHARDS", "odd number of slot bounds " + bounds);
            }
            for (int i = 0; i < bounds.size(); i += 2) {
                ranges.add(range(bounds.get(i).asLong(), bounds.get(i + 1).asLong(), "CLUSTER SHARDS"));
            }
            Node master = null;
            boolean masterOnline = false;
            List<Node> replicas = new ArrayList<>();
            for (Reply nodeReply :
                    require(fields, "nodes", "CLUSTER SHARDS shard").asList()) {
                Map<String, Reply> node = fields(nodeReply, "CLUSTER SHARDS node");
                Node parsed = shardNode(node, askedHost);
                boolean online = "online".equals(text(node, "health", "online"));
                if ("master".equals(text(node, "role", ""))) {
                    // After a failover a shard may list its old, failed master too: prefer the online one.
                    if (parsed != null && (master == null || (online && !masterOnline))) {
                        master = parsed;
                        masterOnline = online;
                    }
                } else if (parsed != null && online) {
                    replicas.add(parsed);
                }
            }
            if (master != null) {
                shards.add(new Shard(master, replicas, ranges));
            }
        }
        return build(shards);
    }

    /**
     * Parses a {@code CLUSTER SLOTS} reply. Ranges with the same master form one shard.
     *
     * @param reply the reply
     * @param askedHost the host the reply came from, for nodes that announce an empty endpoint
     * @return the topology
     * @throws DragonflyProtocolException if the reply does not have the documented shape
     */
    public static ClusterTopology fromSlots(Reply reply, String askedHost) {
        Map<Node, List<SlotRange>> rangesByMaster = new LinkedHashMap<>();
        Map<Node, List<Node>> replicasByMaster = new LinkedHashMap<>();
        for (Reply entry : reply.asList()) {
            List<Reply> elements = entry.asList();
            if (elements.size() < 3) {
                throw malformed("CLUSTER SLOTS", "entry without a master: " + entry);
            }
            SlotRange range = range(elements.get(0).asLong(), elements.get(1).asLong(), "CLUSTER SLOTS");
            Node master = slotsNode(elements.get(2), askedHost);
            if (master == null) {
                continue;
            }
            rangesByMaster.computeIfAbsent(master, m -> new ArrayList<>()).add(range);
            List<Node> replicas = replicasByMaster.computeIfAbsent(master, m -> new ArrayList<>());
            for (Reply replicaReply : elements.subList(3, elements.size())) {
                Node replica = slotsNode(replicaReply, askedHost);
                if (replica != null && !replicas.contains(replica)) {
                    replicas.add(replica);
                }
            }
        }
        List<Shard> shards = new ArrayList<>();
        rangesByMaster.forEach((master, ranges) -> shards.add(new Shard(master, replicasByMaster.get(master), ranges)));
        return build(shards);
    }

    /**
     * Returns the master that serves {@code slot}.
     *
     * @param slot a slot, 0 to 16383
     * @return its master, or {@code null} when no node serves it
     */
    public @Nullable Node masterOf(int slot) {
        int shard = shardBySlot[slot];
        return shard < 0 ? null : shards.get(shard).master();
    }

    /**
     * Returns the online replicas of the master that serves {@code slot}.
     *
     * @param slot a slot, 0 to 16383
     * @return the replicas, empty when there are none or no node serves the slot
     */
    public List<Node> replicasOf(int slot) {
        int shard = shardBySlot[slot];
        return shard < 0 ? List.of() : shards.get(shard).replicas();
    }

    /**
     * Returns the shards, each a master with its replicas and slots, in the order of the reply.
     *
     * @return the shards
     */
    public List<Shard> shards() {
        return shards;
    }

    /**
     * Returns the masters, in the order of the reply.
     *
     * @return the masters
     */
    public List<Node> masters() {
        return shards.stream().map(Shard::master).toList();
    }

    /**
     * Returns how many slots a master serves.
     *
     * @return 16384 when the cluster covers every slot
     */
    public int assignedSlots() {
        int assigned = 0;
        for (short shard : shardBySlot) {
            if (shard >= 0) {
                assigned++;
            }
        }
        return assigned;
    }

    @Override
    public String toString() {
        return "ClusterTopology" + shards;
    }

    private static ClusterTopology build(List<Shard> shards) {
        short[] shardBySlot = new short[SlotHash.SLOT_COUNT];
        Arrays.fill(shardBySlot, (short) -1);
        for (int i = 0; i < shards.size(); i++) {
            for (SlotRange range : shards.get(i).slots()) {
                Arrays.fill(shardBySlot, range.start(), range.end() + 1, (short) i);
            }
        }
        return new ClusterTopology(shards, shardBySlot);
    }

    private static @Nullable Node shardNode(Map<String, Reply> node, String askedHost) {
        String endpoint = text(node, "endpoint", "");
        String host = endpoint.isEmpty() ? text(node, "ip", "") : endpoint;
        Reply port = node.containsKey("port") ? node.get("port") : node.get("tls-port");
        if (port == null) {
            throw malformed("CLUSTER SHARDS", "node without a port: " + node);
        }
        return node(text(node, "id", ""), host, port.asLong(), askedHost, "CLUSTER SHARDS");
    }

    private static @Nullable Node slotsNode(Reply reply, String askedHost) {
        List<Reply> fields = reply.asList();
        if (fields.size() < 2) {
            throw malformed("CLUSTER SLOTS", "node without host and port: " + reply);
        }
        String id = fields.size() > 2 ? nonNull(fields.get(2).asString()) : "";
        return node(id, nonNull(fields.get(0).asString()), fields.get(1).asLong(), askedHost, "CLUSTER SLOTS");
    }

    private static @Nullable Node node(String id, String host, long port, String askedHost, String command) {
        if (port <= 0 || port > 65535) {
            throw malformed(command, "port " + port + " of node " + id);
        }
        if (host.equals("?")) {
            return null;
        }
        return new Node(id, host.isEmpty() ? askedHost : host, (int) port);
    }

    private static SlotRange range(long start, long end, String command) {
        if (start < 0 || end >= SlotHash.SLOT_COUNT || start > end) {
            throw malformed(command, "slot range " + start + "-" + end);
        }
        return new SlotRange((int) start, (int) end);
    }

    /** The fields of a RESP3 map or of a RESP2 array of alternating names and values. */
    private static Map<String, Reply> fields(Reply reply, String what) {
        List<Reply> elements = reply.asList();
        if (elements.size() % 2 != 0) {
            throw malformed(what, "odd number of elements in " + reply);
        }
        Map<String, Reply> fields = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i += 2) {
            fields.put(nonNull(elements.get(i).asString()), elements.get(i + 1));
        }
        return fields;
    }

    private static Reply require(Map<String, Reply> fields, String name, String what) {
        Reply value = fields.get(name);
        if (value == null) {
            throw malformed(what, "no '" + name + "' in " + fields);
        }
        return value;
    }

    private static String text(Map<String, Reply> fields, String name, String absent) {
        Reply value = fields.get(name);
        String text = value == null ? null : value.asString();
        return text == null ? absent : text;
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static DragonflyProtocolException malformed(String command, String detail) {
        return new DragonflyProtocolException("Unexpected " + command + " reply: " + detail);
    }
}
