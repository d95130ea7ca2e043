package org.dragonflyclient.spring.health;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import org.dragonflyclient.core.DragonflyClient;

/**
 * Up when the server answers {@code PING}, with the server's kind and version from
 * {@code INFO server} as details ({@code dragonfly} and its {@code dragonfly_version}, or
 * {@code redis} and its {@code redis_version}). Down with the client's exception otherwise.
 *
 * <p>Over a cluster, it reports the cluster's state as a node sees it ({@code CLUSTER INFO} and
 * {@code CLUSTER NODES}): {@code clusterState}, {@code slotsAssigned}, {@code slotsFailing},
 * {@code masters}, {@code nodes} and {@code nodesReachable} (nodes that no node flags as failing).
 * Down when a slot is not covered: the state is not {@code ok}, fewer than 16,384 slots are
 * assigned, or a slot's master has failed.
 */
public class DragonflyHealthIndicator extends AbstractHealthIndicator {

    private final DragonflyClient client;

    /**
     * @param client the client to check
     */
    public DragonflyHealthIndicator(DragonflyClient client) {
        super("Dragonfly health check failed");
        this.client = client;
    }

    private static final int SLOTS = 16384;

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.ping();
        String info = client.info("server");
        String dragonfly = field(info, "dragonfly_version");
        builder.up()
                .withDetail("server", dragonfly != null ? "dragonfly" : "redis")
                .withDetail("version", dragonfly != null ? dragonfly : String.valueOf(field(info, "redis_version")));
        if (client.options().cluster()) {
            clusterHealth(builder);
        }
    }

    private void clusterHealth(Health.Builder builder) {
        String info = client.execute("CLUSTER", "INFO").asString();
        String state = String.valueOf(field(info, "cluster_state"));
        long assigned = number(info, "cluster_slots_assigned");
        long failing = number(info, "cluster_slots_fail");
        int masters = 0;
        int nodes = 0;
        int reachable = 0;
        for (String line : client.execute("CLUSTER", "NODES").asString().split("\r?\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 8) {
                continue;
            }
            List<String> flags = List.of(fields[2].split(","));
            nodes++;
            if (flags.contains("master")) {
                masters++;
            }
            if (!flags.contains("fail") && !flags.contains("fail?") && "connected".equals(fields[7])) {
                reachable++;
            }
        }
        if (!"ok".equals(state) || assigned < SLOTS || failing > 0) {
            builder.down();
        }
        builder.withDetail("clusterState", state)
                .withDetail("slotsAssigned", assigned)
                .withDetail("slotsFailing", failing)
                .withDetail("masters", masters)
                .withDetail("nodes", nodes)
                .withDetail("nodesReachable", reachable);
    }

    private static long number(String info, String name) {
        String value = field(info, name);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
