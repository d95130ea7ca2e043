package org.dragonflyclient.benchmarks.cluster;

import org.openjdk.jmh.annotations.Param;

import org.dragonflyclient.benchmarks.MixedWorkload;
import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * Workloads b and c over the cluster: 50/50 {@code GET}/{@code SET} of 100-byte values at 16
 * ({@code threads16}) and 64 threads ({@code threads64}), one cluster client shared by all threads,
 * the keys spread over every master.
 *
 * <p>Run: {@code benchmarks/run-cluster.sh}, which starts the cluster, or against a cluster you
 * started yourself: {@code BENCHMARK_CLUSTER=127.0.0.1:P1,127.0.0.1:P2,... java -jar
 * benchmarks/target/benchmarks.jar ClusterMixedBenchmark}
 */
public class ClusterMixedBenchmark extends MixedWorkload {

    @Param({ClientUnderTest.DRAGONFLY, ClientUnderTest.JEDIS, ClientUnderTest.LETTUCE})
    public String library;

    @Override
    protected ClientUnderTest openClient() {
        return ClusterClientUnderTest.open(library, ClusterSeeds.fromEnvironment());
    }
}
