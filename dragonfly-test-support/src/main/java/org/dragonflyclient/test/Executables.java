package org.dragonflyclient.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds server binaries and asks them their version. */
final class Executables {

    private static final Pattern REDIS_VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final long VERSION_TIMEOUT_SECONDS = 10;

    private Executables() {}

    /** Looks for an executable file called {@code name} in the directories of {@code PATH}. */
    static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            for (String candidate : windows ? new String[] {name + ".exe", name} : new String[] {name}) {
                try {
                    Path file = Path.of(dir, candidate);
                    if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                        return Optional.of(file.toAbsolutePath());
                    }
                } catch (RuntimeException e) {
                    // A malformed PATH entry; try the next one.
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code redis-server --version} and parses {@code v=X.Y.Z} from its output, for
     * example {@code Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64}.
     *
     * @throws IOException if the binary does not run or prints no version
     */
    static RedisVersion redisVersion(Path executable) throws IOException {
        Process process = new ProcessBuilder(executable.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            // The output is one short line; reading it to the end cannot block on a full pipe.
            output = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(executable + " --version did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + executable + " --version", e);
        } finally {
            process.destroyForcibly();
        }
        Matcher matcher = REDIS_VERSION.matcher(output);
        if (!matcher.find()) {
            throw new IOException(executable + " --version printed no v=X.Y.Z: " + output);
        }
        return new RedisVersion(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /**
     * A Redis release number.
     *
     * @param major the major version
     * @param minor the minor version
     * @param patch the patch version
     */
    record RedisVersion(int major, int minor, int patch) {

        boolean atLeast(int wantedMajor, int wantedMinor) {
            return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }
}
