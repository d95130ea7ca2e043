package org.dragonflyclient.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;

/**
 * Tells whether Docker can run a container, without a fuss where it cannot.
 *
 * <p>Asking Testcontainers straight away costs about half a second and, where a logging backend
 * is present, an ERROR with every strategy it tried ("Could not find a valid Docker environment").
 * On a machine without Docker that is noise on every test run, so a cheap look comes first: is
 * {@code DOCKER_HOST} set, or is there a Docker socket in one of the usual places? Only then is
 * Testcontainers asked. The answer is kept for the life of the JVM.
 */
final class DockerProbe {

    private static volatile Optional<String> verdict;

    private DockerProbe() {}

    /**
     * Returns why Docker cannot be used, or empty if it can.
     */
    static Optional<String> whyUnusable() {
        Optional<String> known = verdict;
        if (known == null) {
            synchronized (DockerProbe.class) {
                known = verdict;
                if (known == null) {
                    known = probe(System.getenv(), Path.of(System.getProperty("user.home", ".")));
                    verdict = known;
                }
            }
        }
        return known;
    }

    /** The probe itself, not remembered: the cheap look, then Testcontainers if that finds something. */
    static Optional<String> probe(Map<String, String> env, Path home) {
        return cheapReason(env, home).or(DockerProbe::askTestcontainers);
    }

    /**
     * Returns a reason if nothing suggests a Docker engine: no {@code DOCKER_HOST}, no
     * Testcontainers configuration naming a host, and no socket where Docker, Docker Desktop,
     * rootless Docker, Colima or Podman put theirs.
     */
    static Optional<String> cheapReason(Map<String, String> env, Path home) {
        if (isSet(env.get("DOCKER_HOST")) || isSet(env.get("TESTCONTAINERS_HOST_OVERRIDE"))) {
            return Optional.empty();
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return Optional.empty(); // a named pipe; let Testcontainers look
        }
        if (Files.isRegularFile(home.resolve(".testcontainers.properties"))) {
            return Optional.empty(); // may name a docker.host; let Testcontainers read it
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        List<Path> sockets = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        if (isSet(runtimeDir)) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
            sockets.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        for (Path socket : sockets) {
            if (Files.exists(socket)) {
                return Optional.empty();
            }
        }
        return Optional.of(
                "no DOCKER_HOST and no Docker socket (looked at /var/run/docker.sock, ~/.docker/run/docker.sock and others)");
    }

    private static Optional<String> askTestcontainers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? Optional.empty()
                    : Optional.of("Testcontainers found no working Docker environment");
        } catch (Throwable e) {
            // Includes NoClassDefFoundError when a consumer excluded Testcontainers.
            return Optional.of("Testcontainers failed: " + e);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
