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
 * Workload a: synchronous {@code GET} of a 100-byte value from one thread, the latency-bound case
 * where Jedis shines because the caller reads its own reply (no thread hop). Also measured for
 * bytes allocated per operation (workload h).
 *
 * <p>Run: {@code benchmarks/run.sh --only GetBenchmark}, or against a server you started yourself:
 * {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar GetBenchmark -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class GetBenchmark {

    private static final int KEYS = 1024;

    @Param({ClientUnderTest.DRAGONFLY, ClientUnderTest.JEDIS, ClientUnderTest.LETTUCE})
    public String library;

    private ClientUnderTest client;
    private byte[][] keys;
    private byte[] value;
    private int next;

    @Setup
    public void setUp() {
        client = ClientUnderTest.forOneThread(library, BenchmarkServer.fromEnvironment());
        keys = Payloads.keys("get", KEYS);
        value = Payloads.value(Payloads.VALUE_SIZE);
        for (byte[] key : keys) {
            client.set(key, value);
        }
        check();
        System.out.println("# " + client.describe());
    }

    @Benchmark
    public byte[] get() {
        return client.get(keys[next++ & (KEYS - 1)]);
    }

    @TearDown
    public void tearDown() {
        check();
        client.close();
    }

    private void check() {
        Payloads.check(library + " GET", value, client.get(keys[KEYS - 1]));
    }
}
