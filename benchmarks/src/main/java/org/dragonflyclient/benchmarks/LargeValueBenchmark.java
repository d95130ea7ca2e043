package org.dragonflyclient.benchmarks;

import java.util.concurrent.TimeUnit;

import org.dragonflyclient.benchmarks.client.ClientUnderTest;
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

/**
 * Workload f: synchronous {@code GET} of a 100 KiB value, one thread: the cost of reading a large
 * bulk string (buffer growth, copies) rather than of the round trip.
 *
 * <p>Run: {@code benchmarks/run.sh --only LargeValueBenchmark}, or against a server you started
 * yourself: {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar LargeValueBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class LargeValueBenchmark {

    private static final int KEYS = 16;

    @Param({ClientUnderTest.DRAGONFLY, ClientUnderTest.JEDIS, ClientUnderTest.LETTUCE})
    public String library;

    private ClientUnderTest client;
    private byte[][] keys;
    private byte[] value;
    private int next;

    @Setup
    public void setUp() {
        client = ClientUnderTest.forOneThread(library, BenchmarkServer.fromEnvironment());
        keys = Payloads.keys("large", KEYS);
        value = Payloads.value(Payloads.LARGE_VALUE_SIZE);
        for (byte[] key : keys) {
            client.set(key, value);
        }
        check();
        System.out.println("# " + client.describe());
    }

    @Benchmark
    public byte[] getLarge() {
        return client.get(keys[next++ & (KEYS - 1)]);
    }

    @TearDown
    public void tearDown() {
        check();
        client.close();
    }

    private void check() {
        Payloads.check(library + " GET of 100 KiB", value, client.get(keys[KEYS - 1]));
    }
}
