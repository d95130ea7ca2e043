package org.dragonflyclient.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.dragonflyclient.benchmarks.client.Versions;
import org.dragonflyclient.benchmarks.report.Comparison.Verdict;
import org.dragonflyclient.benchmarks.report.JmhResults.Result;

/** Writes the results file: tables of ops/s, ratios against the bar, bytes/op, pool sizes, machine. */
final class MarkdownReport {

    /** A result whose ± (between rounds, or JMH's interval) is wider than this share of its score is flagged. */
    private static final double NOISY_PERCENT = 10;

    private final ReportSettings settings;
    private final JmhResults results;
    private final List<Comparison> rows;
    private final BusyRun busy;
    private final StringBuilder out = new StringBuilder();

    /**
     * The same workloads run beside CPU-bound neighbour processes (issue 18, {@code run.sh --busy N}).
     *
     * @param neighbours how many neighbour processes ran
     * @param results the busy rounds' results
     * @param rows their comparisons
     * @param notes what other processes used during the busy rounds; may be empty
     */
    record BusyRun(int neighbours, JmhResults results, List<Comparison> rows, String notes) {}

    /** @param busy the busy rounds, or {@code null} when the run had none */
    MarkdownReport(ReportSettings settings, JmhResults results, List<Comparison> rows, BusyRun busy) {
        this.settings = settings;
        this.results = results;
        this.rows = rows;
        this.busy = busy;
    }

    String render() {
        line("# Benchmark results, " + settings.date() + (settings.quick() ? " (quick mode)" : ""));
        line();
        if (settings.quick()) {
            line("> **Quick mode**: a few seconds per workload, for a developer after a change to the hot path. "
                    + "Indicative only; the committed results come from the full run.");
            line();
        }
        line("Every ratio is ours ÷ peer from the same run against the same server; each workload ran each "
                + "client in its own JVM fork, one after the other. Workloads and targets: issue 5 and "
                + "`benchmarks/README.md`.");
        line();
        if (settings.chartFile() != null) {
            line("![ours ÷ peer per workload](" + settings.chartFile() + ")");
            line();
        }
        throughput();
        busyThroughput();
        issue18Bars();
        cpu();
        batchLatency();
        allocation();
        poolSize();
        observationCost();
        missing();
        machine();
        return out.toString();
    }

    private void throughput() {
        line("## Throughput and the bar" + (busy == null ? "" : ", quiet machine"));
        line();
        if (busy != null) {
            line("Quiet: nothing runs beside the client and the server but whatever else was on the machine (see "
                    + "the notes below); the busy rounds, with " + neighbours() + ", follow.");
            line();
        }
        if (results.rounds() > 1) {
            line("ops/s, the median of " + results.rounds()
                    + " rounds (± half the range between the rounds, as a share "
                    + "of the score); each ratio is the median of the round-by-round ratios.");
        } else {
            line("ops/s (± JMH's 99.9% confidence half-width, as a share of the score).");
        }
        line();
        line("For e one operation is a whole pipeline of 1,000 SETs. For g the Lettuce column is Spring Data Redis's "
                + "`RedisCacheManager` on Lettuce.");
        line();
        line("| workload | ours | Jedis | Lettuce | ours/Jedis | ours/Lettuce | bar | result |");
        line("|---|---:|---:|---:|---:|---:|---|---|");
        for (Comparison row : rows) {
            Workload w = row.workload();
            Verdict verdict = row.throughputVerdict();
            String result = verdict == Verdict.MET
                    ? "**met**"
                    : verdict == Verdict.MISSED ? "**missed** (" + ratio(row.targetedRatio()) + ")" : "not measured";
            line("| " + w.label() + " | " + ops(row.ours()) + " | " + (w.jedisValue == null ? "n/a" : ops(row.jedis()))
                    + " | " + ops(row.lettuce()) + " | " + (w.jedisValue == null ? "n/a" : ratio(row.ratioToJedis()))
                    + " | " + ratio(row.ratioToLettuce()) + " | " + w.targetText() + " | " + result + " |");
        }
        line();
    }

    private String neighbours() {
        return busy.neighbours() + " CPU-bound neighbour process" + (busy.neighbours() == 1 ? "" : "es");
    }

    private void busyThroughput() {
        if (busy == null) {
            return;
        }
        line("## Throughput on a busy machine: " + neighbours());
        line();
        line("The same workloads, each round run once more while `run.sh` keeps " + neighbours()
                + " (each a tight `bash` loop) running beside the client and the server, as an unrelated busy "
                + "program on an application server would. Medians of "
                + busy.results().rounds()
                + " rounds as above; the last two columns repeat the quiet ratios for comparison.");
        line();
        line(
                "| workload | ours | Jedis | Lettuce | ours/Jedis | ours/Lettuce | quiet ours/Jedis | quiet ours/Lettuce |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < busy.rows().size(); i++) {
            Comparison row = busy.rows().get(i);
            Comparison quiet = rows.get(i);
            Workload w = row.workload();
            boolean jedis = w.jedisValue != null;
            line("| " + w.label() + " | " + ops(row.ours()) + " | " + (jedis ? ops(row.jedis()) : "n/a") + " | "
                    + ops(row.lettuce()) + " | " + (jedis ? ratio(row.ratioToJedis()) : "n/a") + " | "
                    + ratio(row.ratioToLettuce()) + " | " + (jedis ? ratio(quiet.ratioToJedis()) : "n/a") + " | "
                    + ratio(quiet.ratioToLettuce()) + " |");
        }
        line();
    }

    /** Issue 18's bars, checked where this run measured them. */
    private void issue18Bars() {
        if (busy == null) {
            return;
        }
        line("## The bars of issue 18");
        line();
        line("| bar | measured | result |");
        line("|---|---:|---|");
        issue18Bar("busy: a. GET, 1 thread ≥ 1.1x Jedis", busy.rows(), Workload.A, true, 1.1);
        issue18Bar("busy: d. MGET 100 ≥ 1.1x Jedis", busy.rows(), Workload.D, true, 1.1);
        issue18Bar("busy: f. 100 KiB GET ≥ 1.1x Jedis", busy.rows(), Workload.F, true, 1.1);
        issue18Bar("quiet: a. GET, 1 thread ≥ 2x Jedis", rows, Workload.A, true, 2.0);
        issue18Bar("quiet: f. 100 KiB GET ≥ 1.3x Jedis", rows, Workload.F, true, 1.3);
        issue18Bar("quiet: b. 16 threads ≥ 3x Lettuce", rows, Workload.B, false, 3.0);
        issue18Bar("quiet: c. 64 threads ≥ 4x Lettuce", rows, Workload.C, false, 4.0);
        cpuBar("quiet", rows);
        cpuBar("busy", busy.rows());
        latencyBar("quiet", BatchLatency.of(results));
        latencyBar("busy", BatchLatency.of(busy.results()));
        line();
    }

    private void latencyBar(String phase, BatchLatency latency) {
        Verdict verdict = latency.p99Verdict();
        line("| " + phase + ": e. pipeline p99 per batch ≤ Jedis | " + ratio(latency.ratioToJedis(BatchLatency.P99))
                + " | " + verdict(verdict) + " |");
    }

    private void issue18Bar(String text, List<Comparison> table, Workload w, boolean jedis, double target) {
        Comparison row = table.get(w.ordinal());
        double ratio = jedis ? row.ratioToJedis() : row.ratioToLettuce();
        line("| " + text + " | " + ratio(ratio) + " | " + verdict(Double.isNaN(ratio) ? null : ratio >= target) + " |");
    }

    private void cpuBar(String phase, List<Comparison> table) {
        StringJoiner missed = new StringJoiner(", ");
        int measured = 0;
        int met = 0;
        for (Comparison row : table) {
            Verdict verdict = row.cpuVerdict();
            if (verdict == Verdict.MET) {
                met++;
            } else if (verdict == Verdict.MISSED) {
                missed.add(row.workload().letter);
            }
            measured += verdict == Verdict.MET || verdict == Verdict.MISSED ? 1 : 0;
        }
        line("| " + phase + ": client CPU/op ≤ Jedis on every workload | " + met + " of " + measured + " | "
                + (measured == 0 ? "not measured" : met == measured ? "**met**" : "**missed** (" + missed + ")")
                + " |");
    }

    private static String verdict(Verdict verdict) {
        return verdict(verdict == Verdict.NOT_MEASURED ? null : verdict == Verdict.MET);
    }

    private static String verdict(Boolean met) {
        return met == null ? "not measured" : met ? "**met**" : "**missed**";
    }

    private void cpu() {
        boolean any = rows.stream()
                .anyMatch(r -> r.ours() != null && !Double.isNaN(r.ours().cpuPerOp()));
        if (!any) {
            return;
        }
        line("## Client CPU time per operation");
        line();
        line(
                "µs of CPU the benchmark JVM used (every thread, GC and JIT included; the server is another process "
                        + "and not counted) per operation, from `ClientCpuProfiler` (`OperatingSystemMXBean.getProcessCpuTime` "
                        + "around each measured iteration, divided by its operations), the median of the rounds. For e one "
                        + "operation is the whole pipeline. The bar (issue 18): ours ≤ Jedis on every workload, quiet and busy.");
        line();
        if (busy == null) {
            line("| workload | ours | Jedis | Lettuce | ours/Jedis | result |");
            line("|---|---:|---:|---:|---:|---|");
        } else {
            line("| workload | quiet: ours | Jedis | Lettuce | ours/Jedis | result | busy: ours | Jedis | Lettuce | "
                    + "ours/Jedis | result |");
            line("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|");
        }
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder line = new StringBuilder("| " + rows.get(i).workload().label());
            cpuCells(line, rows.get(i));
            if (busy != null) {
                cpuCells(line, busy.rows().get(i));
            }
            line(line.append(" |").toString());
        }
        line();
    }

    private static void cpuCells(StringBuilder line, Comparison row) {
        boolean jedis = row.workload().jedisValue != null;
        double ratio = jedis && row.ours() != null && row.jedis() != null
                ? row.ours().cpuPerOp() / row.jedis().cpuPerOp()
                : Double.NaN;
        Verdict verdict = row.cpuVerdict();
        line.append(" | ")
                .append(micros(row.ours()))
                .append(" | ")
                .append(jedis ? micros(row.jedis()) : "n/a")
                .append(" | ")
                .append(micros(row.lettuce()))
                .append(" | ")
                .append(jedis ? ratio(ratio) : "n/a")
                .append(" | ")
                .append(verdict == null ? "" : verdict(verdict));
    }

    /** Workload e timed per batch: p50, p99 and p99.9 per library, and the bar on p99 (issue 18). */
    private void batchLatency() {
        BatchLatency quiet = BatchLatency.of(results);
        BatchLatency busyLatency = busy == null ? null : BatchLatency.of(busy.results());
        if (!quiet.measured() && (busyLatency == null || !busyLatency.measured())) {
            return;
        }
        line("## e. pipeline of 1,000 SETs: latency per batch");
        line();
        line("µs from sending a pipeline to its last reply, each pipeline timed by `PipelineBenchmark.pipelineLatency` "
                + "(JMH `SampleTime`, the same setup as the throughput row), the median of the rounds' percentiles; "
                + "ours/Jedis is the median of the round-by-round ratios. The bar (issue 18): our p99 ≤ Jedis's.");
        line();
        line("| percentile | ours | Jedis | Lettuce | ours/Jedis | bar | result |");
        line("|---|---:|---:|---:|---:|---|---|");
        latencyRows(busyLatency == null ? "" : "quiet: ", quiet);
        if (busyLatency != null) {
            latencyRows("busy: ", busyLatency);
        }
        line();
    }

    private void latencyRows(String phase, BatchLatency latency) {
        for (String p : new String[] {BatchLatency.P50, BatchLatency.P99, BatchLatency.P999}) {
            Verdict verdict = p.equals(BatchLatency.P99) ? latency.p99Verdict() : null;
            line("| " + phase + "p" + p.replaceAll("\\.0$", "") + " | " + percentile(latency.ours(), p) + " | "
                    + percentile(latency.jedis(), p) + " | " + percentile(latency.lettuce(), p) + " | "
                    + ratio(latency.ratioToJedis(p)) + " | " + (verdict == null ? "" : "≤ Jedis") + " | "
                    + (verdict == null ? "" : verdict(verdict))
                    + " |");
        }
    }

    private static String percentile(Result r, String percentile) {
        if (r == null) {
            return "not available";
        }
        double value = r.percentile(percentile);
        return Double.isNaN(value) ? "not measured" : String.format(Locale.US, "%,.0f µs", value);
    }

    private static String micros(Result r) {
        if (r == null) {
            return "not available";
        }
        return Double.isNaN(r.cpuPerOp()) ? "not measured" : String.format(Locale.US, "%,.1f µs", r.cpuPerOp());
    }

    private void allocation() {
        line("## Bytes allocated per operation (workload h)");
        line();
        line("`gc.alloc.rate.norm` from `-prof gc`, in the benchmark JVM (client side only). The bar: ours ≤ Jedis "
                + "for a and d; the other rows are shown for information.");
        line();
        line("| workload | ours | Jedis | Lettuce | bar | result |");
        line("|---|---:|---:|---:|---|---|");
        for (Comparison row : rows) {
            Workload w = row.workload();
            Verdict verdict = row.allocationVerdict();
            line("| " + w.label() + " | " + bytes(row.ours()) + " | "
                    + (w.jedisValue == null ? "n/a" : bytes(row.jedis()))
                    + " | " + bytes(row.lettuce()) + " | " + (verdict == null ? "" : "≤ Jedis") + " | "
                    + (verdict == null
                            ? ""
                            : verdict == Verdict.MET
                                    ? "**met**"
                                    : verdict == Verdict.MISSED ? "**missed**" : "not measured")
                    + " |");
        }
        line();
    }

    private void poolSize() {
        if (!results.contains("PoolSizeBenchmark.threads16") && !results.contains("PoolSizeBenchmark.threads64")) {
            return;
        }
        line("## Pool size of our client (workloads b and c)");
        line();
        line("ops/s of our client alone with `poolSize` 1, 2 (the default) and 4; the percentage is relative to "
                + "poolSize 2 in this table's own run.");
        line();
        line("| workload | poolSize 1 | poolSize 2 (default) | poolSize 4 |");
        line("|---|---:|---:|---:|");
        poolRow("b. 16 threads", "PoolSizeBenchmark.threads16");
        poolRow("c. 64 threads", "PoolSizeBenchmark.threads64");
        line();
    }

    private void poolRow(String label, String benchmark) {
        Result base = results.find(benchmark, "poolSize", "2");
        StringBuilder row = new StringBuilder("| " + label);
        for (String size : new String[] {"1", "2", "4"}) {
            Result r = results.find(benchmark, "poolSize", size);
            row.append(" | ").append(ops(r));
            if (r != null && base != null && !size.equals("2")) {
                row.append(String.format(Locale.ROOT, " (%+.0f%%)", 100 * (r.score() / base.score() - 1)));
            }
        }
        line(row.append(" |").toString());
    }

    private void observationCost() {
        if (!results.contains("CacheHitBenchmark.cacheHit?observation=on")) {
            return;
        }
        line("## Cost of observation (workload g)");
        line();
        line("ops/s with `observation=off`; `request` (each call inside an observed request); and `on` (that, and each "
                + "command of the cache observed: `dragonfly.observation.enabled=true` for ours, Lettuce's "
                + "`MicrometerTracing` for Spring Data Redis). The handler is Spring Boot's default, a timer per "
                + "observation. The percentages are against the column before: `on` against `request` is what observing "
                + "the commands costs.");
        line();
        line("| cache manager | off | request | on |");
        line("|---|---:|---:|---:|");
        for (String manager : new String[] {Workload.OURS, "spring-data-redis"}) {
            Result off = results.find("CacheHitBenchmark.cacheHit?observation=off", "cacheManager", manager);
            Result request = results.find("CacheHitBenchmark.cacheHit?observation=request", "cacheManager", manager);
            Result on = results.find("CacheHitBenchmark.cacheHit?observation=on", "cacheManager", manager);
            line("| " + manager + " | " + ops(off) + " | " + ops(request) + change(off, request) + " | " + ops(on)
                    + change(request, on) + " |");
        }
        line();
    }

    private static String change(Result from, Result to) {
        return from != null && to != null
                ? String.format(Locale.ROOT, " (%+.0f%%)", 100 * (to.score() / from.score() - 1))
                : "";
    }

    private void missing() {
        StringBuilder notes = new StringBuilder();
        for (Comparison row : rows) {
            Workload w = row.workload();
            if (!results.contains(w.benchmark)) {
                notes.append("- ")
                        .append(w.label())
                        .append(
                                ": no result for any client (not selected by `--only`, or every fork failed: see the JMH log).\n");
                continue;
            }
            if (row.ours() == null) {
                notes.append("- ")
                        .append(w.label())
                        .append(", ours: **not available**. ")
                        .append(
                                w == Workload.G
                                        ? "`DragonflyCacheManager` (the starter module) is not wired into the benchmarks yet; "
                                                + "it plugs in at `CacheManagerFactory.dragonfly` (see its Javadoc). Its setup "
                                                + "fails on purpose rather than measure a stand-in."
                                        : "No result: the run failed, see the JMH log.")
                        .append('\n');
            }
            if (w.jedisValue != null && row.jedis() == null) {
                notes.append("- ").append(w.label()).append(", Jedis: no result; see the JMH log.\n");
            }
            if (row.lettuce() == null) {
                notes.append("- ")
                        .append(w.label())
                        .append(", ")
                        .append(w == Workload.G ? "Spring Data Redis" : "Lettuce")
                        .append(": no result; see the JMH log.\n");
            }
        }
        if (results.contains(Workload.E.benchmark) && !BatchLatency.of(results).measured()) {
            notes.append("- e. latency per batch: no result for any client (`PipelineBenchmark.pipelineLatency` not "
                    + "selected, or every fork failed: see the JMH log).\n");
        }
        StringBuilder noisy = new StringBuilder();
        for (Comparison row : rows) {
            StringBuilder clients = new StringBuilder();
            for (Result r : new Result[] {row.ours(), row.jedis(), row.lettuce()}) {
                if (r != null && r.errorPercent() > NOISY_PERCENT) {
                    clients.append(clients.length() == 0 ? "" : ", ")
                            .append(r.params().get(row.workload().param))
                            .append(" ±")
                            .append(percent(r.errorPercent()));
                }
            }
            if (clients.length() > 0) {
                noisy.append(noisy.length() == 0 ? "" : "; ")
                        .append(row.workload().letter)
                        .append(": ")
                        .append(clients);
            }
        }
        if (noisy.length() > 0) {
            notes.append("- Noisy (± wider than ")
                    .append(percent(NOISY_PERCENT))
                    .append(" of the score): ")
                    .append(noisy)
                    .append(". Ratios near a bar are inconclusive there.\n");
        }
        if (!settings.notes().isBlank()) {
            notes.append("- ").append(settings.notes()).append('\n');
        }
        if (busy != null && !busy.notes().isBlank()) {
            notes.append("- ").append(busy.notes()).append('\n');
        }
        if (notes.length() > 0) {
            line("## Missing rows and noise");
            line();
            out.append(notes);
            line();
        }
    }

    private void machine() {
        line("## Machine and run");
        line();
        line("- CPU: " + Machine.cpuModel() + ", " + Machine.cores()
                + " cores, shared by the client JVM and the server");
        line("- Memory: " + Machine.memory() + "; OS: " + Machine.os());
        line("- JDK: " + results.setting("vmName") + " " + results.setting("vmVersion") + ", fork arguments "
                + results.setting("jvmArgs"));
        line("- Server: " + settings.server());
        line("- Clients: dragonfly-core " + settings.revision() + "; Jedis " + Versions.JEDIS + "; Lettuce "
                + Versions.LETTUCE + "; Spring Data Redis " + Versions.SPRING_DATA_REDIS + "; JMH " + Versions.JMH);
        line("- JMH: " + results.rounds() + (results.rounds() == 1 ? " round" : " rounds") + " of "
                + results.setting("forks")
                + " fork, " + results.setting("measurementIterations") + " × " + results.setting("measurementTime")
                + " measurement per client and workload after a warm-up of " + warmups() + ", `-prof gc`");
        line("- Load average (1, 5, 15 min) before the run: " + settings.loadBefore() + "; after: "
                + settings.loadAfter());
        line("- Command: `" + settings.command() + "`");
    }

    /** @return e.g. {@code 3 × 1 s (GetBenchmark, MgetBenchmark), 10 × 1 s (CacheHitBenchmark)} */
    private String warmups() {
        Map<String, Set<String>> warmups = results.warmups();
        if (warmups.size() == 1) {
            return warmups.keySet().iterator().next();
        }
        StringJoiner text = new StringJoiner(", ");
        warmups.forEach((warmup, classes) -> text.add(warmup + " (" + String.join(", ", classes) + ")"));
        return text.toString();
    }

    private static String ops(Result r) {
        if (r == null) {
            return "not available";
        }
        String score = String.format(Locale.US, "%,.0f", r.score());
        return Double.isNaN(r.errorPercent()) ? score : score + " ±" + percent(r.errorPercent());
    }

    private static String bytes(Result r) {
        if (r == null) {
            return "not available";
        }
        return Double.isNaN(r.bytesPerOp()) ? "not measured" : String.format(Locale.US, "%,.0f B", r.bytesPerOp());
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "not available" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
