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
 * Workload a: synchronous {@code GET} of a 100-byte value from one thread, the latency-bound case
 * where Jedis shines because the caller reads its own reply (no thread hop). Also measured for
 * bytes allocated per operation (workload h).
 *
 * <p>Run: {@code benchmarks/run.sh --only GetBenchmark}, or against a server you started yourself:
 * {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar GetBenchmark -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class GetBenchmark extends SingleThreadGet {

    /** Keys and value size of this workload. */
    public GetBenchmark() {
        super("get", 1024, Payloads.VALUE_SIZE);
    }

    /**
     * One {@code GET}.
     *
     * @return the value
     */
    @Benchmark
    public byte[] get() {
        return getNext();
    }
}
