package org.dragonflyclient.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the results were measured on, read from {@code /proc} where Linux has it. */
final class Machine {

    private Machine() {}

    /** @return the CPU model from {@code /proc/cpuinfo}, or the JVM's architecture */
    static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    /** @return the logical cores this JVM may use */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return total memory from {@code /proc/meminfo}, e.g. {@code 23.4 GiB} */
    static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    /** @return e.g. {@code Linux 6.1.0 (amd64)} */
    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
