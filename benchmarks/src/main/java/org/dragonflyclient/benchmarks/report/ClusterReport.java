package org.dragonflyclient.benchmarks.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dragonflyclient.benchmarks.client.Versions;

/**
 * Writes the cluster results file ({@code results/<date>-cluster.md}) from the cluster benchmarks'
 * JMH JSON (one file per round) and the Markdown sections the scenarios wrote; run by
 * {@code run-cluster.sh}, so no number is copied by hand. Ratios are the median of the round-by-round
 * ratios, as in the single-node report.
 *
 * <pre>
 * java -cp benchmarks.jar org.dragonflyclient.benchmarks.report.ClusterReport --json r1.json,r2.json,r3.json \
 *     --scenarios scenarios.md --markdown results/DATE-cluster.md --date DATE --command "..." --server "..." \
 *     --revision abc123 --load-before "..." --load-after "..." [--notes "..."]
 * </pre>
 */
public final class ClusterReport {

    /** One row: a benchmark method, how to turn ops/s into keys/s, and the bar. */
    private record Row(String title, String method, int keysPerOp, String barPeer, double bar) {}

    private static final List<Row> ROWS = List.of(
            new Row("50/50 GET/SET, 16 threads (ops/s)", "ClusterMixedBenchmark.threads16", 1, "better", 2.0),
            new Row("50/50 GET/SET, 64 threads (ops/s)", "ClusterMixedBenchmark.threads64", 1, "better", 2.0),
            new Row("MGET of 100 keys across slots (keys/s)", "ClusterBenchmark.mget100", 100, "lettuce", 1.5),
            new Row(
                    "pipeline of 1,000 SETs across slots (keys/s)",
                    "ClusterBenchmark.pipeline1000",
                    1000,
                    "better",
                    1.5));

    private ClusterReport() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        List<Path> json = new ArrayList<>();
        for (String file : options.getOrDefault("json", "").split(",")) {
            if (!file.isBlank() && Files.size(Path.of(file)) > 0) {
                json.add(Path.of(file));
            }
        }
        JmhResults results = json.isEmpty() ? null : JmhResults.read(json);
        StringBuilder md = new StringBuilder();
        md.append("# Cluster benchmarks and scenarios, ")
                .append(options.get("date"))
                .append("\n\n");
        md.append(
                "Issue 19: this project's cluster client, Lettuce's `RedisClusterClient` and Jedis's `RedisClusterClient`,"
                        + " side by side in the same run against one local cluster of 3 masters and 3 replicas started by the test"
                        + " support (`benchmarks/run-cluster.sh`). **The machine is shared and noisy** (two cores for six servers,"
                        + " the client and whatever else runs): compare ratios within this file, never absolute numbers across"
                        + " runs or machines.\n\n");
        if (!options.getOrDefault("notes", "").isBlank()) {
            md.append(options.get("notes")).append("\n\n");
        }
        md.append("## Throughput\n\n");
        if (results == null) {
            md.append("Not measured in this run (no JMH results).\n\n");
        } else {
            md.append("Median of ")
                    .append(results.rounds())
                    .append(
                            " round(s), ± half the range between the rounds; each ratio is the median of the"
                                    + " round-by-round ratios. A client whose setup failed has no number (see the JMH log).\n\n");
            md.append("| workload | ours | Jedis | Lettuce | ours/Jedis | ours/Lettuce | bar | verdict |\n");
            md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
            for (Row row : ROWS) {
                JmhResults.Result ours = results.find(row.method(), "library", "dragonfly");
                JmhResults.Result jedis = results.find(row.method(), "library", "jedis");
                JmhResults.Result lettuce = results.find(row.method(), "library", "lettuce");
                double toJedis = Comparison.ratio(ours, jedis);
                double toLettuce = Comparison.ratio(ours, lettuce);
                double target = row.barPeer().equals("lettuce")
                        ? toLettuce
                        : Double.isNaN(toJedis) || Double.isNaN(toLettuce) ? Double.NaN : Math.min(toJedis, toLettuce);
                String verdict = Double.isNaN(target) ? "not available" : target >= row.bar() ? "met" : "missed";
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | ≥ %.1fx %s | %s |%n",
                        row.title(),
                        keys(ours, row),
                        keys(jedis, row),
                        keys(lettuce, row),
                        ratio(toJedis),
                        ratio(toLettuce),
                        row.bar(),
                        row.barPeer().equals("lettuce") ? "Lettuce" : "the better peer",
                        verdict));
            }
            md.append('\n');
        }
        String scenarios = options.get("scenarios");
        md.append("## Scenarios\n\n");
        if (scenarios != null && Files.exists(Path.of(scenarios))) {
            md.append(Files.readString(Path.of(scenarios), StandardCharsets.UTF_8))
                    .append('\n');
        } else {
            md.append("Not run in this run.\n\n");
        }
        md.append("## Machine and run\n\n");
        md.append("- CPU: ")
                .append(Machine.cpuModel())
                .append(", ")
                .append(Machine.cores())
                .append(" cores; memory ")
                .append(Machine.memory())
                .append("; OS: ")
                .append(Machine.os())
                .append('\n');
        md.append("- JDK: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append('\n');
        md.append("- Server: ").append(options.getOrDefault("server", "?")).append('\n');
        md.append("- Clients: dragonfly-core ")
                .append(options.getOrDefault("revision", "?"))
                .append("; Jedis ")
                .append(Versions.JEDIS)
                .append("; Lettuce ")
                .append(Versions.LETTUCE)
                .append("; JMH ")
                .append(Versions.JMH)
                .append('\n');
        md.append("- Load average before ")
                .append(options.getOrDefault("load-before", "?"))
                .append(", after ")
                .append(options.getOrDefault("load-after", "?"))
                .append('\n');
        md.append("- Command: `").append(options.getOrDefault("command", "?")).append("`\n");
        Path markdown = Path.of(options.get("markdown"));
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("Wrote " + markdown);
    }

    private static String keys(JmhResults.Result result, Row row) {
        if (result == null) {
            return "n/a";
        }
        double spread = result.errorPercent();
        return String.format(Locale.ROOT, "%,.0f", result.score() * row.keysPerOp())
                + (Double.isNaN(spread) ? "" : String.format(Locale.ROOT, " ±%.0f%%", spread));
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("markdown") || !options.containsKey("date")) {
            throw new IllegalArgumentException("--markdown and --date are required");
        }
        return options;
    }
}
