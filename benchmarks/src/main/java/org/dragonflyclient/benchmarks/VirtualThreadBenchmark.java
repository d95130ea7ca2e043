package org.dragonflyclient.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
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
import org.openjdk.jmh.infra.ThreadParams;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;

/**
 * Workload c (50/50 GET/SET, 64 callers sharing one client) for our client with its callers on
 * virtual threads ({@code virtual64}: JMH's {@code -Djmh.executor=VIRTUAL}, Java 21+) and on
 * platform threads ({@code platform64}), with the default {@code spinWait} and with spinning off.
 * A virtual thread cannot read its own CPU time (it reads -1), so its spin budget counts wall time;
 * this shows what that costs or saves. Teardown prints how many platform threads the JVM had: the
 * callers must not add one per call.
 *
 * <p>Not part of the default suite's table. Run on a JDK 21+:
 * {@code JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/run.sh --only VirtualThreadBenchmark --quick},
 * or against a server you started yourself:
 * {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar VirtualThreadBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class VirtualThreadBenchmark {

    private static final int KEYS = 1024;

    /** {@code 50us} is the default; {@code 0} turns spinning off. */
    @Param({"50us", "0"})
    public String spinWait;

    private DragonflyClient client;
    private byte[][] keys;
    private byte[] value;

    /** Where one thread is in its walk over the keys. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex() * 2 * 97;
        }
    }

    @Setup
    public void setUp() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("VirtualThreadBenchmark needs Java 21 or later (virtual threads); this is "
                    + Runtime.version() + ". Run it with JAVA=<a JDK 21+>/bin/java benchmarks/run.sh ...");
        }
        BenchmarkServer server = BenchmarkServer.fromEnvironment();
        Duration spin = spinWait.equals("0")
                ? Duration.ZERO
                : Duration.ofNanos(Long.parseLong(spinWait.replace("us", "")) * 1000);
        client = DragonflyClient.create(ClientOptions.builder()
                .host(server.host())
                .port(server.port())
                .spinWait(spin)
                .build());
        keys = Payloads.keys("virtual", KEYS);
        value = Payloads.value(Payloads.VALUE_SIZE);
        for (byte[] key : keys) {
            client.set(key, value);
        }
        check();
    }

    /** 64 callers on virtual threads. */
    @Benchmark
    @Threads(64)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djmh.executor=VIRTUAL"})
    public byte[] virtual64(Cursor cursor) {
        return step(cursor);
    }

    /** The same 64 callers on platform threads, for comparison in the same run. */
    @Benchmark
    @Threads(64)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public byte[] platform64(Cursor cursor) {
        return step(cursor);
    }

    private byte[] step(Cursor cursor) {
        int i = cursor.next++;
        byte[] key = keys[(i >>> 1) & (KEYS - 1)];
        if ((i & 1) == 0) {
            return client.get(key);
        }
        client.set(key, value);
        return value;
    }

    @TearDown
    public void tearDown() {
        check();
        client.close();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("# platform threads: " + threads.getThreadCount() + " live, " + threads.getPeakThreadCount()
                + " at most (virtual threads are not counted)");
    }

    private void check() {
        Payloads.check("GET", value, client.get(keys[0]));
        Payloads.check("GET", value, client.get(keys[KEYS - 1]));
    }
}
