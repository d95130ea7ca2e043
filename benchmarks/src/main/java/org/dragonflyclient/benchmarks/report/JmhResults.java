package org.dragonflyclient.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The results of one JMH run, read from its {@code -rf json} file. */
final class JmhResults {

    /**
     * One benchmark method with one set of parameters.
     *
     * @param benchmark {@code SimpleClassName.method}
     * @param params the {@code @Param} values
     * @param score ops/s
     * @param error the 99.9% confidence half-width, NaN with too few iterations
     * @param bytesPerOp {@code gc.alloc.rate.norm}, NaN without {@code -prof gc}
     */
    record Result(String benchmark, Map<String, String> params, double score, double error, double bytesPerOp) {

        /** @return the error as a percentage of the score, NaN when unknown */
        double errorPercent() {
            return score == 0 ? Double.NaN : 100 * error / score;
        }
    }

    private final List<Result> results;
    private final JsonObject first;

    private JmhResults(List<Result> results, JsonObject first) {
        this.results = results;
        this.first = first;
    }

    static JmhResults read(Path json) throws IOException {
        JsonArray array;
        try (Reader reader = Files.newBufferedReader(json)) {
            array = JsonParser.parseReader(reader).getAsJsonArray();
        }
        List<Result> results = new ArrayList<>();
        for (JsonElement element : array) {
            JsonObject run = element.getAsJsonObject();
            String name = run.get("benchmark").getAsString();
            int method = name.lastIndexOf('.');
            int type = name.lastIndexOf('.', method - 1);
            Map<String, String> params = new TreeMap<>();
            if (run.has("params")) {
                run.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
            }
            JsonObject primary = run.getAsJsonObject("primaryMetric");
            double bytes = Double.NaN;
            JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
            if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
                bytes = number(secondary.getAsJsonObject("gc.alloc.rate.norm").get("score"));
            }
            results.add(new Result(name.substring(type + 1), params, number(primary.get("score")),
                    number(primary.get("scoreError")), bytes));
        }
        return new JmhResults(results, array.isEmpty() ? new JsonObject() : array.get(0).getAsJsonObject());
    }

    /** JMH writes NaN as the string {@code "NaN"}. */
    private static double number(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return Double.NaN;
        }
        return element.getAsJsonPrimitive().isString() ? Double.parseDouble(element.getAsString()) : element.getAsDouble();
    }

    /**
     * @param benchmark {@code SimpleClassName.method}
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

    boolean isEmpty() {
        return results.isEmpty();
    }
}
