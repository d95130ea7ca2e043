package org.dragonflyclient.benchmarks.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.dragonflyclient.benchmarks.Payloads;

/**
 * The one-thread cluster workloads of issue 19, against a local 3-master/3-replica cluster:
 * {@code MGET} of 100 keys spread over about 100 slots on every master ({@code mget100}, one op =
 * one {@code MGET}: multiply by 100 for keys/s), and a pipeline of 1,000 {@code SET}s over all
 * slots ({@code pipeline1000}, one op = the whole pipeline: multiply by 1,000 for keys/s). The
 * threaded ones are {@link ClusterMixedBenchmark}.
 *
 * <p>Run: {@code benchmarks/run-cluster.sh}, which starts the cluster, or against a cluster you
 * started yourself: {@code BENCHMARK_CLUSTER=127.0.0.1:P1,127.0.0.1:P2,... java -jar
 * benchmarks/target/benchmarks.jar ClusterBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// As MixedWorkload: after a 3 s warm-up every library's CPU per pipeline still fell through the
// measured seconds (2026-12-03: ours 3.1 to 1.1 ms per batch, Jedis's 4.5 to 2.7 ms in one fork).
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ClusterBenchmark {

    private static final int MGET_KEYS = 100;
    private static final int PIPELINE_KEYS = 1000;

    @Param({ClusterClientUnderTest.DRAGONFLY, ClusterClientUnderTest.JEDIS, ClusterClientUnderTest.LETTUCE})
    public String library;

    private ClusterClientUnderTest client;
    private byte[][] mgetKeys;
    private byte[][] pipelineKeys;
    private byte[] value;

    @Setup
    public void setUp() {
        client = ClusterClientUnderTest.open(library, ClusterSeeds.fromEnvironment());
        mgetKeys = Payloads.keys("cluster-mget", MGET_KEYS);
        pipelineKeys = Payloads.keys("cluster-pipeline", PIPELINE_KEYS);
        value = Payloads.value(Payloads.VALUE_SIZE);
        for (byte[] key : mgetKeys) {
            client.set(key, value);
        }
        // Another value first, so the check proves the pipeline itself wrote.
        byte[] other = Payloads.value(Payloads.VALUE_SIZE + 1);
        client.set(pipelineKeys[0], other);
        client.set(pipelineKeys[PIPELINE_KEYS - 1], other);
        client.pipelineSet(pipelineKeys, value);
        check();
        System.out.println("# " + client.describe());
    }

    /** MGET of 100 keys across slots, one thread. */
    @Benchmark
    @Threads(1)
    public Object mget100() {
        return client.mget(mgetKeys);
    }

    /** A pipeline of 1,000 SETs across slots, one thread. */
    @Benchmark
    @Threads(1)
    public void pipeline1000() {
        client.pipelineSet(pipelineKeys, value);
    }

    @TearDown
    public void tearDown() {
        check();
        client.close();
    }

    private void check() {
        Payloads.check(library + " pipelined SET then GET", value, client.get(pipelineKeys[0]));
        Payloads.check(library + " pipelined SET then GET", value, client.get(pipelineKeys[PIPELINE_KEYS - 1]));
        List<byte[]> values = client.mgetValues(mgetKeys);
        if (values.size() != MGET_KEYS) {
            throw new IllegalStateException(library + " MGET returned " + values.size() + " values, not " + MGET_KEYS);
        }
        for (byte[] v : values) {
            Payloads.check(library + " MGET across slots", value, v);
        }
    }
}
