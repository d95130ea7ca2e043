package org.dragonflyclient.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dragonflyclient.benchmarks.report.Comparison.Verdict;
import org.dragonflyclient.benchmarks.report.JmhResults.Result;

/** Workload e's latency per batch: read from JMH's JSON, compared with Jedis, written into the results file. */
class BatchLatencyTest {

    private static final ReportSettings SETTINGS =
            new ReportSettings("2026-12-03", false, null, "run.sh", "redis", "abc123", "0", "0", "");

    @TempDir
    Path dir;

    @Test
    void readsThePercentilesOfASampleTimeRunAndTakesTheMedianOverTheRounds() throws IOException {
        JmhResults results = JmhResults.read(List.of(
                round(1, latency("dragonfly", 900, 1_000, 2_000), latency("jedis", 1_000, 1_200, 2_500)),
                round(2, latency("dragonfly", 950, 1_300, 2_100), latency("jedis", 1_100, 1_250, 2_400)),
                round(3, latency("dragonfly", 920, 1_100, 2_200), latency("jedis", 1_050, 1_100, 2_600))));

        Result ours = results.find(BatchLatency.BENCHMARK, "library", "dragonfly");
        assertThat(ours.percentile(BatchLatency.P50)).isEqualTo(920);
        assertThat(ours.percentile(BatchLatency.P99)).isEqualTo(1_100);
        assertThat(ours.percentile(BatchLatency.P999)).isEqualTo(2_100);
        assertThat(ours.percentile("99.99")).isEqualTo(2_200);
        assertThat(ours.percentile("42.0")).isNaN();

        BatchLatency latency = BatchLatency.of(results);
        // Round by round 1,000/1,200, 1,300/1,250, 1,100/1,100: the median ratio, not the ratio of medians.
        assertThat(latency.ratioToJedis(BatchLatency.P99)).isCloseTo(1.0, within(1e-9));
        assertThat(latency.p99Verdict()).isEqualTo(Verdict.MET);
        assertThat(latency.lettuce()).isNull();
    }

    @Test
    void aThroughputRunHasNoPercentilesAndIsNotTakenForTheLatency() throws IOException {
        JmhResults results = JmhResults.read(List.of(round(1, throughput("dragonfly"), throughput("jedis"))));

        assertThat(results.find("PipelineBenchmark.pipeline", "library", "dragonfly")
                        .percentiles())
                .isEmpty();
        BatchLatency latency = BatchLatency.of(results);
        assertThat(latency.measured()).isFalse();
        assertThat(latency.p99Verdict()).isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void theResultsFileShowsTheTableAndTheBarMissedWhenOurP99IsAboveJedis() throws IOException {
        JmhResults results = JmhResults.read(List.of(round(
                1,
                throughput("dragonfly"),
                throughput("jedis"),
                latency("dragonfly", 900, 1_500, 2_000),
                latency("jedis", 1_000, 1_200, 2_500),
                latency("lettuce", 1_100, 1_400, 3_000))));

        String report = render(results, null);

        assertThat(report)
                .contains("## e. pipeline of 1,000 SETs: latency per batch")
                .contains("| p50 | 900 µs | 1,000 µs | 1,100 µs | 0.90x |  |  |")
                .contains("| p99 | 1,500 µs | 1,200 µs | 1,400 µs | 1.25x | ≤ Jedis | **missed** |")
                .contains("| p99.9 | 2,000 µs | 2,500 µs | 3,000 µs | 0.80x |  |  |");
        assertThat(report.indexOf("latency per batch")).isGreaterThan(report.indexOf("## Client CPU time"));
    }

    @Test
    void aMissingClientSaysNotAvailableAndTheBarNotMeasured() throws IOException {
        JmhResults quiet =
                JmhResults.read(List.of(round(1, throughput("dragonfly"), latency("dragonfly", 900, 1_000, 2_000))));
        JmhResults busy = JmhResults.read(List.of(round(1, throughput("dragonfly"), throughput("jedis"))));

        String report = render(quiet, busy);

        assertThat(report)
                .contains(
                        "| quiet: p99 | 1,000 µs | not available | not available | not available | ≤ Jedis | not measured |")
                .contains(
                        "| busy: p99 | not available | not available | not available | not available | ≤ Jedis | not measured |")
                .contains("| quiet: e. pipeline p99 per batch ≤ Jedis | not available | not measured |")
                .contains("| busy: e. pipeline p99 per batch ≤ Jedis | not available | not measured |");
    }

    @Test
    void withoutTheLatencyMethodTheSectionIsLeftOutAndTheNotesSaySo() throws IOException {
        JmhResults results = JmhResults.read(List.of(round(1, throughput("dragonfly"), throughput("jedis"))));

        String report = render(results, null);

        assertThat(report)
                .doesNotContain("## e. pipeline of 1,000 SETs: latency per batch")
                .contains("- e. latency per batch: no result for any client");
    }

    private static String render(JmhResults quiet, JmhResults busy) {
        MarkdownReport.BusyRun busyRun =
                busy == null ? null : new MarkdownReport.BusyRun(1, busy, Comparison.of(busy), "");
        return new MarkdownReport(SETTINGS, quiet, Comparison.of(quiet), busyRun).render();
    }

    private Path round(int round, String... runs) throws IOException {
        StringJoiner array = new StringJoiner(",\n", "[\n", "\n]\n");
        for (String run : runs) {
            array.add(run);
        }
        return Files.writeString(dir.resolve("round" + round + ".json"), array.toString());
    }

    /** A {@code SampleTime} run as JMH 1.37 writes it with {@code -rf json} (trimmed to what the report reads). */
    private static String latency(String library, double p50, double p99, double p999) {
        return String.format(
                Locale.ROOT, """
                {
                  "benchmark": "org.dragonflyclient.benchmarks.PipelineBenchmark.pipelineLatency",
                  "mode": "sample", "threads": 1, "forks": 1, "jvmArgs": ["-Xms1g", "-Xmx1g"],
                  "warmupIterations": 3, "warmupTime": "1 s", "measurementIterations": 3, "measurementTime": "1 s",
                  "params": {"commands": "1000", "library": "%s"},
                  "primaryMetric": {
                    "score": %s, "scoreError": 12.5, "scoreConfidence": [0.0, 0.0],
                    "scorePercentiles": {"0.0": 700.0, "50.0": %s, "90.0": 1000.0, "95.0": 1000.0, "99.0": %s,
                      "99.9": %s, "99.99": %s, "99.999": %s, "99.9999": %s, "100.0": %s},
                    "scoreUnit": "us/op",
                    "rawDataHistogram": [[[[700.0, 1], [%s, 100]]]]
                  },
                  "secondaryMetrics": {"cpu.time.norm": {"score": 300.0, "scoreUnit": "µs/op"}}
                }""", library, p50, p50, p99, p999, p999 + 100, p999 + 100, p999 + 100, p999 + 100, p50);
    }

    private static String throughput(String library) {
        return String.format(Locale.ROOT, """
                {
                  "benchmark": "org.dragonflyclient.benchmarks.PipelineBenchmark.pipeline",
                  "mode": "thrpt", "threads": 1, "forks": 1,
                  "warmupIterations": 3, "warmupTime": "1 s", "measurementIterations": 3, "measurementTime": "1 s",
                  "params": {"commands": "1000", "library": "%s"},
                  "primaryMetric": {
                    "score": 1000.0, "scoreError": "NaN",
                    "scorePercentiles": {"0.0": 990.0, "50.0": 1000.0, "99.0": 1010.0, "100.0": 1010.0},
                    "scoreUnit": "ops/s"
                  }
                }""", library);
    }
}
