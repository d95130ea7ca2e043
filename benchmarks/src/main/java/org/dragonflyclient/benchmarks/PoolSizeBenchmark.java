package org.dragonflyclient.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * Workloads b and c for our client alone, over pool sizes: the measurement behind
 * {@code ClientOptions.DEFAULT_POOL_SIZE}. Compare each row with the default (2).
 *
 * <p>Run: {@code benchmarks/run.sh --only PoolSizeBenchmark}, or against a server you started
 * yourself: {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar PoolSizeBenchmark}
 */
// Our client alone, which reaches a steady score within 3 s: no need for MixedWorkload's longer warm-up.
@Warmup(iterations = 3, time = 1)
public class PoolSizeBenchmark extends MixedWorkload {

    @Param({"1", "2", "4"})
    public int poolSize;

    @Override
    protected ClientUnderTest openClient() {
        BenchmarkServer server = BenchmarkServer.fromEnvironment();
        return ClientUnderTest.dragonfly(server, poolSize);
    }
}
