package org.dragonflyclient.benchmarks.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JMH's JSON results (one file per round) into {@code results/<date>.md} and {@code results/<date>.png}; run by
 * {@code run.sh} after the benchmarks, so no number is ever copied by hand.
 *
 * <pre>
 * java -cp benchmarks.jar org.dragonflyclient.benchmarks.report.ResultsReport \
 *     --json round1.json,round2.json,round3.json --markdown results/DATE.md --chart results/DATE.png --date DATE \
 *     --command "..." --server "..." --revision abc123 --load-before "..." --load-after "..." [--quick] [--notes "..."]
 *     [--busy N --busy-json busy1.json,... --busy-notes "..."]
 * </pre>
 */
public final class ResultsReport {

    private ResultsReport() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        List<Path> json = new ArrayList<>();
        for (String file : required(options, "json").split(",")) {
            json.add(Path.of(file));
        }
        Path markdown = Path.of(required(options, "markdown"));
        Path chart = options.containsKey("chart") ? Path.of(options.get("chart")) : null;

        JmhResults results = JmhResults.read(json);
        if (results.isEmpty()) {
            throw new IllegalStateException(json + " holds no results: every benchmark failed, see the JMH log");
        }
        List<Comparison> rows = Comparison.of(results);
        MarkdownReport.BusyRun busy = null;
        if (options.containsKey("busy-json")) {
            List<Path> busyJson = new ArrayList<>();
            for (String file : options.get("busy-json").split(",")) {
                busyJson.add(Path.of(file));
            }
            JmhResults busyResults = JmhResults.read(busyJson);
            busy = new MarkdownReport.BusyRun(
                    Integer.parseInt(options.getOrDefault("busy", "1")),
                    busyResults,
                    Comparison.of(busyResults),
                    options.getOrDefault("busy-notes", ""));
        }
        ReportSettings settings = new ReportSettings(
                required(options, "date"),
                options.containsKey("quick"),
                chart == null ? null : chart.getFileName().toString(),
                options.getOrDefault("command", "?"),
                options.getOrDefault("server", "?"),
                options.getOrDefault("revision", "?"),
                options.getOrDefault("load-before", "?"),
                options.getOrDefault("load-after", "?"),
                options.getOrDefault("notes", ""));

        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, new MarkdownReport(settings, results, rows, busy).render(), StandardCharsets.UTF_8);
        if (chart != null) {
            RatioChart.write(
                    rows,
                    busy == null ? null : busy.rows(),
                    "Dragonfly client vs Jedis and Lettuce, " + settings.date()
                            + (settings.quick() ? " (quick mode)" : "")
                            + (busy == null ? "" : ", quiet and busy"),
                    chart);
        }
        for (Comparison row : rows) {
            System.out.printf(
                    "%-40s ours/Jedis %-14s ours/Lettuce %-14s bar %-26s %s%n",
                    row.workload().label(),
                    format(row.ratioToJedis()),
                    format(row.ratioToLettuce()),
                    row.workload().targetText(),
                    row.throughputVerdict().text);
        }
        if (busy != null) {
            for (Comparison row : busy.rows()) {
                System.out.printf(
                        "busy: %-34s ours/Jedis %-14s ours/Lettuce %s%n",
                        row.workload().label(), format(row.ratioToJedis()), format(row.ratioToLettuce()));
            }
        }
        BatchLatency latency = BatchLatency.of(results);
        System.out.printf(
                "%-40s p99 ours/Jedis %-10s bar %-26s %s%n",
                "e. latency per batch",
                format(latency.ratioToJedis(BatchLatency.P99)),
                "p99 ≤ Jedis",
                latency.p99Verdict().text);
        System.out.println("Wrote " + markdown + (chart == null ? "" : " and " + chart));
    }

    private static String format(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2fx", ratio);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("quick")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
