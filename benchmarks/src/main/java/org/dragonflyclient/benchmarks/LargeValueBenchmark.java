package org.dragonflyclient.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class LargeValueBenchmark extends SingleThreadGet {

    /** Keys and value size of this workload. */
    public LargeValueBenchmark() {
        super("large", 16, Payloads.LARGE_VALUE_SIZE);
    }

    /**
     * One {@code GET}.
     *
     * @return the value
     */
    @Benchmark
    public byte[] getLarge() {
        return getNext();
    }
}
