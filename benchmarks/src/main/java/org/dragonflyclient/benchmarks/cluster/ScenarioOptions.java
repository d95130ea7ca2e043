package org.dragonflyclient.benchmarks.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a scenario: {@code --libraries dragonfly,jedis,lettuce} (which clients, in
 * that order), {@code --threads N}, {@code --out FILE} (appends the Markdown section there as well as
 * printing it), and scenario-specific numbers.
 */
record ScenarioOptions(Map<String, String> values) {

    static ScenarioOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException(
                        "Expected --name value pairs (--libraries, --threads, --out, ...), got "
                                + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new ScenarioOptions(values);
    }

    List<String> libraries() {
        return List.of(values.getOrDefault(
                        "libraries",
                        ClusterClientUnderTest.DRAGONFLY + "," + ClusterClientUnderTest.JEDIS + ","
                                + ClusterClientUnderTest.LETTUCE)
                .split(","));
    }

    int integer(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    /** Prints {@code markdown} and appends it to {@code --out} when given. */
    void publish(String markdown) throws java.io.IOException {
        System.out.println(markdown);
        String out = values.get("out");
        if (out != null) {
            Path path = Path.of(out);
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            Files.writeString(
                    path,
                    markdown + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
