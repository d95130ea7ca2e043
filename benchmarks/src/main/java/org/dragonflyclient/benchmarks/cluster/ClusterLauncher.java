package org.dragonflyclient.benchmarks.cluster;

import java.io.IOException;
import java.io.InputStream;

import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestClusters;

/**
 * Starts a local 3-master/3-replica cluster through the test support, prints
 * {@code SEEDS host:port,...} on a line of its own, and keeps it running until its standard input
 * ends (or the JVM is stopped), then stops every node. {@code run-cluster.sh} runs it in the
 * background and hands the seeds to JMH as {@code BENCHMARK_CLUSTER}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dragonflyclient.benchmarks.cluster.ClusterLauncher</pre>
 */
public final class ClusterLauncher {

    private ClusterLauncher() {}

    public static void main(String[] args) throws IOException {
        TestCluster cluster = TestClusters.startDedicated();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-launcher-stop"));
        System.out.println("SERVER " + cluster.kind() + " " + cluster.version());
        System.out.println("SEEDS " + cluster.seeds());
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // wait for the end of the input: the script closes it to stop the cluster
        }
        cluster.close();
        System.exit(0);
    }
}
