package org.dragonflyclient.benchmarks.report;

import org.dragonflyclient.benchmarks.report.Comparison.Verdict;
import org.dragonflyclient.benchmarks.report.JmhResults.Result;

/**
 * Workload e's latency per batch (issue 18, item 4): each pipeline of 1,000 SETs timed on its own
 * by {@code PipelineBenchmark.pipelineLatency} (JMH {@code SampleTime}, the same setup as the
 * throughput row), and the bar: our p99 per batch no worse than Jedis's. A missing result stays
 * {@code null} and makes the table say "not available".
 *
 * @param ours our result, or {@code null}
 * @param jedis Jedis's, or {@code null}
 * @param lettuce Lettuce's, or {@code null}
 */
record BatchLatency(Result ours, Result jedis, Result lettuce) {

    /** The method, pinned to the results' pipeline size like workload e's throughput row. */
    static final String BENCHMARK = "PipelineBenchmark.pipelineLatency?commands=1000";

    static final String P50 = "50.0";
    static final String P99 = "99.0";
    static final String P999 = "99.9";

    static BatchLatency of(JmhResults results) {
        Workload e = Workload.E;
        return new BatchLatency(
                results.find(BENCHMARK, e.param, Workload.OURS),
                results.find(BENCHMARK, e.param, e.jedisValue),
                results.find(BENCHMARK, e.param, e.lettuceValue));
    }

    /** @return whether any library's latency was measured in this run */
    boolean measured() {
        return ours != null || jedis != null || lettuce != null;
    }

    /**
     * @param percentile as JMH keys it, e.g. {@link #P99}
     * @return ours ÷ Jedis at that percentile, the median of the round-by-round ratios (as the
     *     throughput ratios); NaN when either is missing
     */
    double ratioToJedis(String percentile) {
        if (ours == null || jedis == null) {
            return Double.NaN;
        }
        return JmhResults.medianRatio(
                ours.percentiles().get(percentile), jedis.percentiles().get(percentile));
    }

    /** @return the bar: our p99 per batch at most Jedis's */
    Verdict p99Verdict() {
        double ratio = ratioToJedis(P99);
        if (Double.isNaN(ratio)) {
            return Verdict.NOT_MEASURED;
        }
        return ratio <= 1.0 ? Verdict.MET : Verdict.MISSED;
    }
}
