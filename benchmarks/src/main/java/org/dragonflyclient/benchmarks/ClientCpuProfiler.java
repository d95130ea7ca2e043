package org.dragonflyclient.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Client CPU time per operation (issue 18): the CPU time the whole benchmark JVM used during an
 * iteration (every thread: callers, I/O and background threads, GC, JIT;
 * {@code OperatingSystemMXBean.getProcessCpuTime}), divided by the operations JMH counted in that
 * iteration. The server is another process and is not counted. JMH reports the mean over the
 * measured iterations as {@code cpu.time.norm}, in µs per operation.
 *
 * <p>Run by {@code run.sh} and {@code compare-revisions.sh} as
 * {@code -prof org.dragonflyclient.benchmarks.ClientCpuProfiler}. On Linux the process CPU clock
 * of the JDK counts in clock ticks (10 ms); a 1 s iteration of a single-thread workload uses
 * 0.3-1 s of CPU, so one reading is within 1-3% and the mean of several within less.
 */
public final class ClientCpuProfiler implements InternalProfiler {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "Client CPU time per operation: the benchmark JVM's process CPU time over the ops of each iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuBefore = OS.getProcessCpuTime();
        wallBefore = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long ops = result.getMetadata().getAllOps();
        if (cpuBefore < 0 || ops <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.time.norm", cpu / 1000.0 / ops, "µs/op", AggregationPolicy.AVG),
                // How busy the client kept the cores, for reading the throughput beside it.
                new ScalarResult("cpu.time.cores", (double) cpu / Math.max(1, wall), "cores", AggregationPolicy.AVG));
    }
}
