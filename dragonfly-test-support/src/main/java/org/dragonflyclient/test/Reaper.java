package org.dragonflyclient.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stops whatever is still running when the JVM exits, so that a test run that dies half-way (a
 * failed assertion in a static initialiser, a forked JVM killed on timeout) leaves no server
 * behind. Each owner registers an emergency action: kill the process outright and delete its
 * files. Graceful stops happen earlier, through {@code close()}; this is the backstop.
 *
 * <p>A JVM killed with {@code SIGKILL} runs no hooks; only Testcontainers' Ryuk covers that case,
 * and only for containers.
 */
final class Reaper {

    private static final Map<Object, Runnable> LIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Reaper::reapAll, "dragonfly-test-support-reaper"));
    }

    private Reaper() {}

    static void register(Object owner, Runnable emergencyStop) {
        LIVE.put(owner, emergencyStop);
    }

    static void unregister(Object owner) {
        LIVE.remove(owner);
    }

    private static void reapAll() {
        for (Runnable stop : new ArrayList<>(LIVE.values())) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                // The JVM is exiting; the next owner still deserves its chance.
            }
        }
        LIVE.clear();
    }

    /** Deletes a directory tree, ignoring what cannot be deleted. */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Leftovers in the temp directory are harmless.
        }
    }
}
