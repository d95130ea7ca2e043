package org.dragonflyclient.test;

import java.util.List;
import java.util.Locale;

/**
 * {@code CLUSTER} as Dragonfly answers it (from {@code cluster_family.cc}): refused unless the
 * cluster mode is on; in {@code --cluster_mode=emulated}, one master with no replica that owns
 * every slot. {@code SHARDS} and {@code SLOTS} are plain arrays even on RESP3 (Dragonfly writes
 * no maps there), each node as {@code id, endpoint, ip, port, role, replication-offset, health}.
 *
 * @param host the address the node announces (Dragonfly: the address the client connected to,
 *     or {@code --cluster_announce_ip})
 * @param port the port it announces ({@code --announce_port}, else {@code --port})
 * @param id its node id (in emulated mode, its replication id)
 */
record ScriptedCluster(String host, int port, String id) {

    /** Dragonfly's error when the cluster mode is off ({@code kClusterDisabled}). */
    static final String DISABLED = "ERR Cluster is disabled. Enabled via passing --cluster_mode=emulated|yes";

    private static final long LAST_SLOT = 16383;

    /** The reply to {@code CLUSTER args...}; {@code cluster} is {@code null} when the mode is off. */
    static Object execute(ScriptedCluster cluster, List<String> args) {
        if (cluster == null) {
            return new ReplyWriter.Error(DISABLED);
        }
        String sub = args.isEmpty() ? "" : args.get(0).toUpperCase(Locale.ROOT);
        if (args.size() != 1) {
            return new ReplyWriter.Error(
                    "ERR wrong number of arguments for 'cluster " + sub.toLowerCase(Locale.ROOT) + "' command");
        }
        return switch (sub) {
            case "MYID" -> cluster.id;
            case "SHARDS" -> List.of(List.of("slots", List.of(0L, LAST_SLOT), "nodes", List.of(cluster.node())));
            case "SLOTS" -> List.of(List.of(0L, LAST_SLOT, List.of(cluster.host, (long) cluster.port, cluster.id)));
            case "INFO" ->
                "cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
                        + "cluster_slots_pfail:0\r\ncluster_slots_fail:0\r\ncluster_known_nodes:1\r\ncluster_size:1\r\n"
                        + "cluster_current_epoch:1\r\ncluster_my_epoch:1\r\n";
            case "NODES" ->
                cluster.id + " " + cluster.host + ":" + cluster.port + "@" + cluster.port
                        + " myself,master - 0 0 0 connected 0-16383\n";
            default ->
                new ReplyWriter.Error(
                        "ERR Unknown subcommand or wrong number of arguments for '" + sub + "'. Try CLUSTER HELP.");
        };
    }

    private List<Object> node() {
        return List.of(
                "id",
                id,
                "endpoint",
                host,
                "ip",
                host,
                "port",
                (long) port,
                "role",
                "master",
                "replication-offset",
                0L,
                "health",
                "online");
    }
}
