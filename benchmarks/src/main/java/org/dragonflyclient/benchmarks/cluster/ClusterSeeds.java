package org.dragonflyclient.benchmarks.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster the cluster benchmarks talk to, named by {@code BENCHMARK_CLUSTER=host:port,host:port,...}
 * in the environment (inherited by JMH's forked JVMs) or by {@code -Dbenchmark.cluster=...}.
 * {@code benchmarks/run-cluster.sh} starts a private 3-master/3-replica cluster and sets it; there is
 * no default, so a benchmark never fills up a cluster it did not start.
 *
 * @param nodes every node's {@code host:port}, masters and replicas alike
 */
public record ClusterSeeds(List<String> nodes) {

    /** Environment variable naming the seed nodes. */
    public static final String ENVIRONMENT_VARIABLE = "BENCHMARK_CLUSTER";
    /** System property naming the seed nodes; wins over the environment variable. */
    public static final String SYSTEM_PROPERTY = "benchmark.cluster";

    public ClusterSeeds {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("A cluster needs at least one seed node");
        }
    }

    /**
     * @param spec {@code host:port,host:port,...}
     * @return the seeds
     */
    public static ClusterSeeds parse(String spec) {
        List<String> nodes = new ArrayList<>();
        for (String node : spec.split(",")) {
            String trimmed = node.strip();
            if (trimmed.lastIndexOf(':') < 1) {
                throw new IllegalStateException(ENVIRONMENT_VARIABLE + " must be host:port,host:port,...; was " + spec);
            }
            nodes.add(trimmed);
        }
        return new ClusterSeeds(nodes);
    }

    /**
     * @return the seeds named by the system property or the environment
     * @throws IllegalStateException when neither names any
     */
    public static ClusterSeeds fromEnvironment() {
        String spec = System.getProperty(SYSTEM_PROPERTY, System.getenv(ENVIRONMENT_VARIABLE));
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException(
                    "No benchmark cluster: run benchmarks/run-cluster.sh, which starts one, or set "
                            + ENVIRONMENT_VARIABLE
                            + "=host:port,... for a cluster you started yourself (never a shared one)");
        }
        return parse(spec);
    }

    /** @return the host of {@code node} */
    static String host(String node) {
        return node.substring(0, node.lastIndexOf(':'));
    }

    /** @return the port of {@code node} */
    static int port(String node) {
        return Integer.parseInt(node.substring(node.lastIndexOf(':') + 1));
    }

    /** @return {@code host:port,host:port,...} */
    @Override
    public String toString() {
        return String.join(",", nodes);
    }
}
