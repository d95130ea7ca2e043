package org.dragonflyclient.benchmarks;

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

import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * Workload e: an explicit pipeline of 1,000 {@code SET}s of 100-byte values, one thread; one
 * operation is the whole pipeline, sent and all replies awaited. Ours uses
 * {@code client.pipeline()}, Jedis {@code Jedis.pipelined()}, Lettuce its documented batching
 * (a connection with auto-flush off, {@code flushCommands()}, then {@code awaitAll}).
 *
 * <p>Two methods share this setup: {@link #pipeline()} measures throughput (pipelines per second,
 * and the client CPU per pipeline beside it); {@link #pipelineLatency()} measures, in JMH's
 * {@code SampleTime} mode, the time of each pipeline, whose percentiles per batch (p50, p99,
 * p99.9) the report reads from the JSON's {@code primaryMetric.scorePercentiles} (issue 18: a p99
 * per batch no worse than Jedis's).
 *
 * <p>Run: {@code benchmarks/run.sh --only PipelineBenchmark}, or against a server you started
 * yourself: {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar PipelineBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class PipelineBenchmark {

    @Param({ClientUnderTest.DRAGONFLY, ClientUnderTest.JEDIS, ClientUnderTest.LETTUCE})
    public String library;

    /** SETs per pipeline: 1,000 for the results; {@code -p commands=N} to explore. */
    @Param("1000")
    public int commands;

    private ClientUnderTest client;
    private byte[][] keys;
    private byte[] value;

    @Setup
    public void setUp() {
        client = ClientUnderTest.forOneThread(library, BenchmarkServer.fromEnvironment());
        keys = Payloads.keys("pipeline", commands);
        value = Payloads.value(Payloads.VALUE_SIZE);
        // Overwrite with another value first, so the check proves the pipeline itself wrote.
        byte[] other = Payloads.value(Payloads.VALUE_SIZE + 1);
        client.set(keys[0], other);
        client.set(keys[commands - 1], other);
        client.pipelineSet(keys, value);
        check();
        System.out.println("# " + client.describe());
    }

    @Benchmark
    public void pipeline() {
        client.pipelineSet(keys, value);
    }

    /** The same pipeline as {@link #pipeline()}, each one timed: the latency distribution per batch. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void pipelineLatency() {
        client.pipelineSet(keys, value);
    }

    @TearDown
    public void tearDown() {
        check();
        client.close();
    }

    private void check() {
        Payloads.check(library + " pipelined SET then GET", value, client.get(keys[0]));
        Payloads.check(library + " pipelined SET then GET", value, client.get(keys[commands - 1]));
    }
}
