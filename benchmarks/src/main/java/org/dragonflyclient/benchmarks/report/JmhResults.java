package org.dragonflyclient.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The results of one or more rounds of the same JMH run, each read from its {@code -rf json}
 * file. A result holds each round's score, so that ratios can be taken round by round.
 */
final class JmhResults {

    /**
     * One benchmark method with one set of parameters, over the rounds.
     *
     * @param benchmark {@code SimpleClassName.method}
     * @param params the {@code @Param} values
     * @param rounds each round's score in ops/s, NaN for a round without this result
     * @param error JMH's 99.9% confidence half-width when there is one round, else NaN
     * @param bytesPerOp median {@code gc.alloc.rate.norm}, NaN without {@code -prof gc}
     * @param cpuPerOp median client CPU time per operation in µs ({@code cpu.time.norm} of
     *     {@code ClientCpuProfiler}), NaN without it
     * @param warmup its warm-up, e.g. {@code 6 × 1 s}
     * @param percentiles for a {@code SampleTime} method, each round's percentiles of the time per
     *     operation (JMH's {@code primaryMetric.scorePercentiles}, keyed as there: {@code "50.0"},
     *     {@code "99.0"}, {@code "99.9"}), NaN for a round without this result; empty for the other modes
     */
    record Result(
            String benchmark,
            Map<String, String> params,
            double[] rounds,
            double error,
            double bytesPerOp,
            double cpuPerOp,
            String warmup,
            Map<String, double[]> percentiles) {

        /** @return the median of the rounds' scores */
        double score() {
            return median(rounds);
        }

        /**
         * @return with several rounds, half the range between the lowest and highest round; with
         *     one, JMH's confidence half-width; as a percentage of the score, NaN when unknown
         */
        double errorPercent() {
            double[] present =
                    Arrays.stream(rounds).filter(d -> !Double.isNaN(d)).toArray();
            double score = score();
            if (present.length > 1) {
                double spread = Arrays.stream(present).max().getAsDouble()
                        - Arrays.stream(present).min().getAsDouble();
                return 100 * spread / 2 / score;
            }
            return score == 0 ? Double.NaN : 100 * error / score;
        }

        /**
         * @param percentile as JMH keys it, e.g. {@code "99.0"}
         * @return the median over the rounds, in the benchmark's unit (µs/op for the pipeline), NaN
         *     when not measured
         */
        double percentile(String percentile) {
            double[] values = percentiles.get(percentile);
            return values == null ? Double.NaN : median(values);
        }
    }

    private final List<Result> results;
    private final JsonObject first;
    private final int rounds;

    private JmhResults(List<Result> results, JsonObject first, int rounds) {
        this.results = results;
        this.first = first;
        this.rounds = rounds;
    }

    /**
     * @param files one JSON file per round, in order
     * @return the merged results
     * @throws IOException when a file cannot be read
     */
    static JmhResults read(List<Path> files) throws IOException {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, double[]> bytes = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> percentiles = new LinkedHashMap<>();
        Map<String, JsonObject> runs = new LinkedHashMap<>();
        JsonObject first = null;
        for (int round = 0; round < files.size(); round++) {
            JsonArray array;
            try (Reader reader = Files.newBufferedReader(files.get(round))) {
                array = JsonParser.parseReader(reader).getAsJsonArray();
            }
            for (JsonElement element : array) {
                JsonObject run = element.getAsJsonObject();
                if (first == null) {
                    first = run;
                }
                String key = run.get("benchmark").getAsString() + " " + params(run);
                runs.putIfAbsent(key, run);
                scores.computeIfAbsent(key, k -> nans(files.size()))[round] =
                        number(run.getAsJsonObject("primaryMetric").get("score"));
                JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
                if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
                    bytes.computeIfAbsent(key, k -> nans(files.size()))[round] = number(
                            secondary.getAsJsonObject("gc.alloc.rate.norm").get("score"));
                }
                if (secondary != null && secondary.has("cpu.time.norm")) {
                    cpu.computeIfAbsent(key, k -> nans(files.size()))[round] =
                            number(secondary.getAsJsonObject("cpu.time.norm").get("score"));
                }
                JsonObject primary = run.getAsJsonObject("primaryMetric");
                if ("sample".equals(string(run, "mode")) && primary.has("scorePercentiles")) {
                    int r = round;
                    Map<String, double[]> rounds = percentiles.computeIfAbsent(key, k -> new TreeMap<>());
                    primary.getAsJsonObject("scorePercentiles")
                            .entrySet()
                            .forEach(e -> rounds.computeIfAbsent(e.getKey(), k -> nans(files.size()))[r] =
                                    number(e.getValue()));
                }
            }
        }
        List<Result> results = new ArrayList<>();
        runs.forEach((key, run) -> {
            String name = run.get("benchmark").getAsString();
            int method = name.lastIndexOf('.');
            int type = name.lastIndexOf('.', method - 1);
            double error = files.size() == 1
                    ? number(run.getAsJsonObject("primaryMetric").get("scoreError"))
                    : Double.NaN;
            results.add(new Result(
                    name.substring(type + 1),
                    params(run),
                    scores.get(key),
                    error,
                    bytes.containsKey(key) ? median(bytes.get(key)) : Double.NaN,
                    cpu.containsKey(key) ? median(cpu.get(key)) : Double.NaN,
                    run.get("warmupIterations").getAsInt() + " × "
                            + run.get("warmupTime").getAsString(),
                    percentiles.getOrDefault(key, Map.of())));
        });
        return new JmhResults(results, first == null ? new JsonObject() : first, files.size());
    }

    private static Map<String, String> params(JsonObject run) {
        Map<String, String> params = new TreeMap<>();
        if (run.has("params")) {
            run.getAsJsonObject("params")
                    .entrySet()
                    .forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        return params;
    }

    private static String string(JsonObject run, String name) {
        JsonElement element = run.get(name);
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }

    private static double[] nans(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** @return the median of the values that are not NaN, or NaN when there are none */
    static double median(double[] values) {
        double[] present =
                Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (present.length == 0) {
            return Double.NaN;
        }
        int middle = present.length / 2;
        return present.length % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
    }

    /**
     * @param a each round's value of one side, or {@code null}
     * @param b each round's value of the other, or {@code null}
     * @return the median of the round-by-round ratios a ÷ b: the two sides of one round ran minutes
     *     apart at most, so a burst of outside load that spoils one round spoils one ratio; NaN when
     *     no round has both
     */
    static double medianRatio(double[] a, double[] b) {
        if (a == null || b == null) {
            return Double.NaN;
        }
        double[] ratios = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = b[i] > 0 ? a[i] / b[i] : Double.NaN;
        }
        return median(ratios);
    }

    /** JMH writes NaN as the string {@code "NaN"}. */
    private static double number(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return Double.NaN;
        }
        return element.getAsJsonPrimitive().isString()
                ? Double.parseDouble(element.getAsString())
                : element.getAsDouble();
    }

    /**
     * @param benchmark {@code SimpleClassName.method}, optionally followed by {@code ?param=value}
     * @param param the parameter's name
     * @param value its value
     * @return the result, or {@code null} when that run is absent (it failed, or was not run)
     */
    Result find(String benchmark, String param, String value) {
        for (Result r : results) {
            if (matches(r, benchmark) && value.equals(r.params().get(param))) {
                return r;
            }
        }
        return null;
    }

    /**
     * @param benchmark {@code SimpleClassName.method}, optionally followed by {@code ?param=value}
     * @return whether any result of that benchmark method is present
     */
    boolean contains(String benchmark) {
        return results.stream().anyMatch(r -> matches(r, benchmark));
    }

    /** A workload may pin a parameter, e.g. the pipeline size, so an exploratory run is not mistaken for it. */
    private static boolean matches(Result r, String benchmark) {
        int query = benchmark.indexOf('?');
        if (query < 0) {
            return r.benchmark().equals(benchmark);
        }
        int equals = benchmark.indexOf('=', query);
        return r.benchmark().equals(benchmark.substring(0, query))
                && benchmark.substring(equals + 1).equals(r.params().get(benchmark.substring(query + 1, equals)));
    }

    /** @return a run setting from the first result, e.g. {@code jdkVersion}, or {@code "?"} */
    String setting(String name) {
        JsonElement element = first.get(name);
        if (element == null || element.isJsonNull()) {
            return "?";
        }
        return element.isJsonPrimitive() ? element.getAsString() : element.toString();
    }

    /**
     * @return each warm-up setting of the run and the benchmark classes that used it, the most used
     *     first (the classes set their own warm-up: a client's slowest path decides how long)
     */
    Map<String, Set<String>> warmups() {
        Map<String, Set<String>> classes = new TreeMap<>();
        for (Result r : results) {
            String type = r.benchmark().substring(0, r.benchmark().indexOf('.'));
            classes.computeIfAbsent(r.warmup(), w -> new TreeSet<>()).add(type);
        }
        Map<String, Set<String>> ordered = new LinkedHashMap<>();
        classes.entrySet().stream()
                .sorted((x, y) ->
                        Integer.compare(y.getValue().size(), x.getValue().size()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** @return the number of rounds read */
    int rounds() {
        return rounds;
    }

    boolean isEmpty() {
        return results.isEmpty();
    }
}
