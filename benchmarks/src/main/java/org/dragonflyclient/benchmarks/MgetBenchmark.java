package org.dragonflyclient.benchmarks;

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

import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * Workload d: {@code MGET} of 100 keys holding 100-byte values, one thread: mostly reply decoding
 * and the allocation of 100 values. Also measured for bytes allocated per operation (workload h).
 * Each library returns its own reply type (Lettuce wraps every value in a {@code KeyValue}); it
 * is consumed unconverted.
 *
 * <p>Run: {@code benchmarks/run.sh --only MgetBenchmark}, or against a server you started yourself:
 * {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar MgetBenchmark -prof gc}
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
public class MgetBenchmark {

    private static final int KEYS = 100;

    @Param({ClientUnderTest.DRAGONFLY, ClientUnderTest.JEDIS, ClientUnderTest.LETTUCE})
    public String library;

    private ClientUnderTest client;
    private byte[][] keys;
    private byte[] value;

    @Setup
    public void setUp() {
        client = ClientUnderTest.forOneThread(library, BenchmarkServer.fromEnvironment());
        keys = Payloads.keys("mget", KEYS);
        value = Payloads.value(Payloads.VALUE_SIZE);
        for (byte[] key : keys) {
            client.set(key, value);
        }
        check();
        System.out.println("# " + client.describe());
    }

    @Benchmark
    public Object mget() {
        return client.mget(keys);
    }

    @TearDown
    public void tearDown() {
        check();
        client.close();
    }

    private void check() {
        List<byte[]> values = client.mgetValues(keys);
        if (values.size() != KEYS) {
            throw new IllegalStateException(library + " MGET returned " + values.size() + " values, not " + KEYS);
        }
        for (byte[] v : values) {
            Payloads.check(library + " MGET", value, v);
        }
    }
}
