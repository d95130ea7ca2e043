package org.dragonflyclient.test;

import java.util.List;

/**
 * A Redis Cluster of real {@code redis-server} processes on loopback: three masters that split
 * the 16,384 hash slots evenly, each with one replica. The test support forms it itself over
 * plain sockets ({@code CLUSTER ADDSLOTS}, {@code MEET}, {@code REPLICATE}), so it needs no
 * {@code redis-cli}.
 *
 * <p>Roles change: after a failover a former replica masters the slots. Ask {@link #masters()},
 * {@link #replicas()} and {@link #masterOf(int)}, which read the cluster's current view, rather
 * than remembering which node was which. The methods are thread-safe.
 *
 * <p>Obtain one from {@link TestClusters#shared()} (one per JVM) or
 * {@link TestClusters#startDedicated()}, or declare a parameter of this type under
 * {@link WithTestServer}.
 */
public interface TestCluster extends AutoCloseable {

    /** The number of hash slots in a Redis Cluster. */
    int SLOTS = 16384;

    /**
     * Returns every node, in the order they were started: the three first masters, then their
     * replicas in the same order.
     *
     * @return six nodes
     */
    List<ClusterNode> nodes();

    /**
     * Returns the nodes that are masters now, as the first reachable node sees the cluster.
     *
     * @return the masters, in {@link #nodes()} order
     */
    List<ClusterNode> masters();

    /**
     * Returns the nodes that are replicas now, as the first reachable node sees the cluster.
     *
     * @return the replicas, in {@link #nodes()} order
     */
    List<ClusterNode> replicas();

    /**
     * Returns the node that serves {@code slot} now, as the first reachable node sees the
     * cluster.
     *
     * @param slot a hash slot, 0 to 16383
     * @return its master
     * @throws IllegalStateException if no reachable node knows a master for it
     */
    ClusterNode masterOf(int slot);

    /**
     * Returns the replicas of {@code master} now, as the first reachable node sees the cluster.
     *
     * @param master a master of this cluster
     * @return its replicas, possibly none
     */
    List<ClusterNode> replicasOf(ClusterNode master);

    /**
     * Returns the seed addresses a cluster client starts from: every node's address.
     *
     * @return for example {@code "127.0.0.1:30001,127.0.0.1:30002,..."}
     */
    String seeds();

    /**
     * Waits until every running node that is not paused reports {@code cluster_state:ok}, sees
     * the other running nodes as healthy, agrees with them on every node's role and on which node
     * masters which slots, and lists every running replica in {@code CLUSTER SLOTS}: for a test
     * that stopped, paused or failed over nodes and brought them back.
     *
     * @throws IllegalStateException if that does not happen within a minute
     */
    void awaitStable();

    /**
     * Returns where the servers come from.
     *
     * @return {@link TestServer.Kind#REDIS_BINARY} or {@link TestServer.Kind#EMBEDDED_REDIS}
     */
    TestServer.Kind kind();

    /**
     * Returns the servers' version.
     *
     * @return for example {@code "7.0.15"}
     */
    String version();

    /**
     * Returns what the nodes can do, for tests that depend on the version.
     *
     * @return for example {@code capabilities().clusterShards()} is {@code false} on Redis 6.2
     */
    default ServerCapabilities capabilities() {
        return ServerCapabilities.of(ServerCapabilities.Product.REDIS, version(), kind().name());
    }

    /**
     * Stops every node and deletes their files. Does nothing on the {@linkplain
     * TestClusters#shared() shared} cluster, which is stopped when the test run ends.
     */
    @Override
    void close();
}
