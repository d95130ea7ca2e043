package org.dragonflyclient.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.dragonflyclient.test.ServerResolver.RedisBinary;

/**
 * A {@link TestCluster} of {@code redis-server} processes, formed the way {@code redis-cli
 * --cluster create} does it, over plain sockets:
 * <ol>
 *   <li>six nodes on free ports whose bus port ({@code port + 10000}) is free too;</li>
 *   <li>a distinct config epoch per node ({@code CLUSTER SET-CONFIG-EPOCH}), so no epoch
 *       collision has to be resolved later;</li>
 *   <li>the slots split over the first three ({@code ADDSLOTSRANGE} on Redis 7,
 *       {@code ADDSLOTS} in chunks on 6.2);</li>
 *   <li>{@code CLUSTER MEET} from the first node to every other, then a wait until every node
 *       knows six nodes and says {@code cluster_state:ok};</li>
 *   <li>{@code CLUSTER REPLICATE} on the last three, then a wait until every node sees them as
 *       replicas of their masters and their replication links are up.</li>
 * </ol>
 * Every wait has a deadline; a cluster that does not form is stopped and the error names the
 * step and what was missing.
 */
final class LocalCluster implements TestCluster {

    private static final System.Logger LOG = System.getLogger(TestServers.class.getName());

    static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);
    static final Duration FORM_TIMEOUT = Duration.ofSeconds(60);
    static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 50;
    private static final int MASTERS = 3;
    private static final int ADDSLOTS_CHUNK = 1024;

    private final RedisBinary binary;
    private final List<Node> nodes;
    private final boolean shared;

    private LocalCluster(RedisBinary binary, List<Node> nodes, boolean shared) {
        this.binary = binary;
        this.nodes = List.copyOf(nodes);
        this.shared = shared;
    }

    /** Starts six nodes and forms the cluster; stops whatever it started if that fails. */
    static LocalCluster form(RedisBinary binary, boolean shared) {
        long started = System.nanoTime();
        ServerCommand command = ServerCommand.clusterNode(binary.command(), NODE_TIMEOUT);
        List<Node> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * MASTERS; i++) {
                nodes.add(new Node(LocalServerProcess.launch(binary.kind(), command, FreePorts::pickWithBusPort)));
            }
            LocalCluster cluster = new LocalCluster(binary, nodes, shared);
            for (Node node : nodes) {
                node.cluster = cluster;
            }
            cluster.assignSlotsAndMeet();
            cluster.replicate();
            LOG.log(
                    Level.INFO,
                    "Test cluster ({0}): {1} {2}, 3 masters and 3 replicas at {3}, formed in {4} ms",
                    shared ? "shared" : "dedicated",
                    binary.kind(),
                    binary.version(),
                    cluster.seeds(),
                    (System.nanoTime() - started) / 1_000_000);
            return cluster;
        } catch (RuntimeException e) {
            for (Node node : nodes) {
                node.process.close();
            }
            throw e;
        }
    }

    private void assignSlotsAndMeet() {
        for (int i = 0; i < nodes.size(); i++) {
            expectOk(nodes.get(i), "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
        }
        for (int m = 0; m < MASTERS; m++) {
            int first = m * SLOTS / MASTERS;
            int last = (m + 1) * SLOTS / MASTERS - 1;
            addSlots(nodes.get(m), first, last);
        }
        Node first = nodes.get(0);
        for (Node other : nodes.subList(1, nodes.size())) {
            expectOk(first, "CLUSTER", "MEET", other.host(), Integer.toString(other.port()));
        }
        await("every node to know 6 nodes and report cluster_state:ok", FORM_TIMEOUT, () -> {
            for (Node node : nodes) {
                String info = node.execute("CLUSTER", "INFO");
                if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + nodes.size())) {
                    return node + " replied " + info.replace("\r\n", " ");
                }
            }
            return null;
        });
    }

    private void addSlots(Node master, int first, int last) {
        if (binary.version().atLeast(7, 0)) {
            expectOk(master, "CLUSTER", "ADDSLOTSRANGE", Integer.toString(first), Integer.toString(last));
            return;
        }
        for (int from = first; from <= last; from += ADDSLOTS_CHUNK) {
            int to = Math.min(last, from + ADDSLOTS_CHUNK - 1);
            String[] command = new String[2 + to - from + 1];
            command[0] = "CLUSTER";
            command[1] = "ADDSLOTS";
            for (int slot = from; slot <= to; slot++) {
                command[2 + slot - from] = Integer.toString(slot);
            }
            expectOk(master, command);
        }
    }

    private void replicate() {
        for (int r = MASTERS; r < nodes.size(); r++) {
            expectOk(
                    nodes.get(r), "CLUSTER", "REPLICATE", nodes.get(r - MASTERS).id());
        }
        await("every node to see the replicas attached and their links up", FORM_TIMEOUT, () -> {
            for (Node node : nodes) {
                ClusterView view = ClusterView.parse(node.execute("CLUSTER", "NODES"));
                for (int r = MASTERS; r < nodes.size(); r++) {
                    Node replica = nodes.get(r);
                    String masterId = nodes.get(r - MASTERS).id();
                    Optional<ClusterView.Entry> entry = view.entry(replica.id());
                    if (entry.isEmpty()
                            || entry.get().isMaster()
                            || !entry.get().masterId().equals(masterId)) {
                        return node + " does not see " + replica + " as a replica of " + masterId + " yet";
                    }
                }
            }
            for (Node replica : nodes.subList(MASTERS, nodes.size())) {
                if (!replica.execute("INFO", "replication").contains("master_link_status:up")) {
                    return replica + " has no replication link up yet";
                }
            }
            return null;
        });
        // Redis 7 leaves a replica out of CLUSTER SLOTS and calls it "loading" in CLUSTER SHARDS
        // while its replication offset is 0, which it stays until the master propagates a write
        // (or its 10 s replica ping). One write per master moves the offsets now.
        for (Node master : nodes.subList(0, MASTERS)) {
            expectOk(master, "FLUSHALL");
        }
        awaitReplicasListed(nodes.subList(MASTERS, nodes.size()), nodes, FORM_TIMEOUT);
    }

    /** Waits until every node in {@code askers} lists every replica in {@code CLUSTER SLOTS}. */
    private static void awaitReplicasListed(List<Node> replicas, List<Node> askers, Duration timeout) {
        await("every node to list the replicas in CLUSTER SLOTS", timeout, () -> {
            for (Node node : askers) {
                String slots = node.execute("CLUSTER", "SLOTS");
                for (Node replica : replicas) {
                    if (!slots.contains(replica.id())) {
                        return node + " does not list " + replica + " in CLUSTER SLOTS yet";
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<ClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public List<ClusterNode> masters() {
        ClusterView view = currentView();
        return nodes.stream()
                .filter(n -> view.entry(n.id()).map(ClusterView.Entry::isMaster).orElse(false))
                .collect(Collectors.toList());
    }

    @Override
    public List<ClusterNode> replicas() {
        ClusterView view = currentView();
        return nodes.stream()
                .filter(n -> view.entry(n.id()).map(e -> !e.isMaster()).orElse(false))
                .collect(Collectors.toList());
    }

    @Override
    public ClusterNode masterOf(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("Slot " + slot + " is not between 0 and " + (SLOTS - 1));
        }
        ClusterView view = currentView();
        String id = view.masterOf(slot)
                .orElseThrow(() -> new IllegalStateException("No node masters slot " + slot + ": " + view))
                .id();
        return byId(id);
    }

    @Override
    public List<ClusterNode> replicasOf(ClusterNode master) {
        ClusterView view = currentView();
        return nodes.stream()
                .filter(n -> view.entry(n.id())
                        .map(e -> !e.isMaster() && e.masterId().equals(master.id()))
                        .orElse(false))
                .collect(Collectors.toList());
    }

    @Override
    public String seeds() {
        return nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
    }

    @Override
    public void awaitStable() {
        await("every running node to report cluster_state:ok and agree on roles and slot owners", FORM_TIMEOUT, () -> {
            Set<String> layouts = new HashSet<>();
            List<Node> live = live();
            for (Node node : live) {
                String info = node.execute("CLUSTER", "INFO");
                if (!info.contains("cluster_state:ok")) {
                    return node + " replied " + info.replace("\r\n", " ");
                }
                ClusterView view = ClusterView.parse(node.execute("CLUSTER", "NODES"));
                for (Node other : live) {
                    if (view.entry(other.id())
                            .map(ClusterView.Entry::isTroubled)
                            .orElse(true)) {
                        return node + " does not see " + other + " as healthy yet";
                    }
                }
                layouts.add(view.layout());
            }
            return layouts.size() <= 1 ? null : "nodes disagree on roles or slot owners: " + layouts;
        });
        List<Node> live = live();
        List<Node> liveReplicas = live.stream().filter(n -> !n.isMaster()).collect(Collectors.toList());
        awaitReplicasListed(liveReplicas, live, FORM_TIMEOUT);
    }

    @Override
    public TestServer.Kind kind() {
        return binary.kind();
    }

    @Override
    public String version() {
        return binary.version().toString();
    }

    @Override
    public void close() {
        if (!shared) {
            stop();
        }
    }

    /** Stops every node and deletes its files, also for the shared cluster. */
    void stop() {
        for (Node node : nodes) {
            node.process.close();
        }
    }

    @Override
    public String toString() {
        return "test cluster (" + binary.kind() + " " + binary.version() + ") at " + seeds();
    }

    /** The operating system's id of a running node's process, for tests that check it is gone. */
    static long pid(ClusterNode node) {
        return ((Node) node).process.pid();
    }

    /** The view of the first node that is running, not paused and answers. */
    private ClusterView currentView() {
        List<String> failures = new ArrayList<>();
        for (Node node : live()) {
            try {
                return ClusterView.parse(Resp.call(node.endpoint(), PROBE_TIMEOUT, "CLUSTER", "NODES"));
            } catch (IOException | RuntimeException e) {
                failures.add(node + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("No node of " + this + " answers CLUSTER NODES: " + failures);
    }

    private List<Node> live() {
        return nodes.stream().filter(Node::isLive).collect(Collectors.toList());
    }

    private Node byId(String id) {
        return nodes.stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Node " + id + " is not one of " + this));
    }

    private static void expectOk(Node node, String... command) {
        String reply = node.execute(command);
        if (!reply.equals("+OK")) {
            throw new IllegalStateException(command[0] + " " + command[1] + " on " + node + " replied " + reply);
        }
    }

    /**
     * Polls {@code check} until it returns {@code null}; its text otherwise says what is still
     * missing, for the error when the deadline passes.
     */
    static void await(String what, Duration timeout, Supplier<String> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String missing;
        while (true) {
            try {
                missing = check.get();
            } catch (UncheckedIOException | IllegalStateException e) {
                missing = e.getMessage();
            }
            if (missing == null) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(
                        "Test cluster: waited " + timeout.toSeconds() + " s for " + what + "; still: " + missing);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** One process of the cluster and what the cluster knows of its state. */
    private static final class Node implements ClusterNode {

        private final LocalServerProcess process;
        private final String id;
        private LocalCluster cluster;
        private boolean stopped;
        private boolean paused;

        Node(LocalServerProcess process) {
            this.process = process;
            String reply = process.execute("CLUSTER", "MYID");
            if (!reply.startsWith("$")) {
                process.close();
                throw new IllegalStateException("CLUSTER MYID at " + process.uri() + " replied " + reply
                        + "; is this redis-server built with cluster support?");
            }
            this.id = reply.substring(reply.indexOf("\r\n") + 2);
        }

        Endpoint endpoint() {
            return Endpoint.loopback(process.port());
        }

        synchronized boolean isLive() {
            return !stopped && !paused;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String host() {
            return process.host();
        }

        @Override
        public int port() {
            return process.port();
        }

        @Override
        public String uri() {
            return process.uri();
        }

        @Override
        public boolean isMaster() {
            return ClusterView.parse(execute("CLUSTER", "NODES"))
                    .myself()
                    .map(ClusterView.Entry::isMaster)
                    .orElseThrow(() -> new IllegalStateException(this + " does not list itself in CLUSTER NODES"));
        }

        @Override
        public synchronized void stop() {
            process.stop();
            stopped = true;
            paused = false;
        }

        @Override
        public synchronized void kill() {
            process.crash();
            stopped = true;
            paused = false;
        }

        @Override
        public synchronized void start() {
            process.start();
            stopped = false;
        }

        @Override
        public synchronized void pause() {
            process.pause();
            paused = true;
        }

        @Override
        public synchronized void resume() {
            process.resume();
            paused = false;
        }

        @Override
        public void failover(String... options) {
            String[] command = new String[2 + options.length];
            command[0] = "CLUSTER";
            command[1] = "FAILOVER";
            System.arraycopy(options, 0, command, 2, options.length);
            expectOk(this, command);
            await(this + " to be a master in every running node's view", FAILOVER_TIMEOUT, () -> {
                for (Node node : cluster.live()) {
                    boolean master = ClusterView.parse(node.execute("CLUSTER", "NODES"))
                            .entry(id)
                            .map(ClusterView.Entry::isMaster)
                            .orElse(false);
                    if (!master) {
                        return node + " does not see it as a master yet";
                    }
                }
                return null;
            });
        }

        @Override
        public String execute(String... command) {
            return process.execute(command);
        }

        @Override
        public String toString() {
            return "node " + process.uri() + " (" + id.substring(0, Math.min(8, id.length())) + ")";
        }
    }
}
