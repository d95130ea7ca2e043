package org.dragonflyclient.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.NearCache;
import org.dragonflyclient.core.NearCacheOptions;

/**
 * How long after another client's {@code SET} returned the near cache has dropped its copy (the
 * server's invalidation delivered and applied): the sample time of {@link #setUntilDelivered} minus
 * that of {@link #set}. Before each invocation the near cache reads the key (so it holds a copy
 * and the server tracks it); after each, it waits until the copy is gone, so invocations do not
 * overlap. Decision 0015 reports the numbers.
 *
 * <p>Run against a server you started yourself (never a shared one):
 * {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar NearCacheInvalidationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class NearCacheInvalidationBenchmark {

    private static final String KEY = "near-invalidation";

    private DragonflyClient client;
    private DragonflyClient writer;
    private NearCache near;
    private long n;

    /** Connects a tracking client with a near cache, and a second client that writes. */
    @Setup
    public void setUp() {
        String uri = "redis://" + BenchmarkServer.fromEnvironment();
        client = DragonflyClient.create(
                ClientOptions.fromUri(uri).toBuilder().tracking(true).build());
        writer = DragonflyClient.create(uri);
        near = client.nearCache(NearCacheOptions.defaults());
        writer.set(KEY, "0");
    }

    /** Reads the key through the near cache: a copy is held and the server tracks the key. */
    @Setup(Level.Invocation)
    public void read() {
        near.get(KEY);
    }

    /** Waits until the invalidation of the last write was applied. */
    @TearDown(Level.Invocation)
    public void delivered() {
        awaitDelivered();
    }

    private void awaitDelivered() {
        while (near.size() != 0) {
            Thread.onSpinWait();
        }
    }

    /** Another client's {@code SET}, alone: the baseline. */
    @Benchmark
    public void set() {
        writer.set(KEY, Long.toString(++n));
    }

    /** Another client's {@code SET}, then until the near cache dropped its copy. */
    @Benchmark
    public void setUntilDelivered() {
        writer.set(KEY, Long.toString(++n));
        awaitDelivered();
    }

    /** Closes both clients. */
    @TearDown
    public void tearDown() {
        client.close();
        writer.close();
    }
}
