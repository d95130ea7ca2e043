package org.dragonflyclient.test;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dragonflyclient.test.ServerSettings.Source;
import org.dragonflyclient.test.TestServer.Kind;

/**
 * Goes down the list of ways to obtain a server until one works: the configured address, a
 * Dragonfly container, a {@code dragonfly} binary, a {@code redis-server} binary, the binary
 * inside embedded-redis. A way that is unavailable or fails is skipped with a one-line reason;
 * the reasons end up in the single INFO line that names the server used, or in the exception if
 * nothing worked.
 *
 * <p>Probes are remembered: once a way has been found unavailable (or has worked) the resolver
 * does not look again, so every dedicated server after the first starts without probing.
 */
final class ServerResolver {

    private static final System.Logger LOG = System.getLogger(TestServers.class.getName());

    private final ServerSettings settings;
    private final List<Step> steps;
    private volatile boolean explained;

    ServerResolver(ServerSettings settings) {
        this.settings = settings;
        this.steps = List.of(new DockerStep(), new DragonflyBinaryStep(), new RedisBinaryStep(), new EmbeddedStep());
    }

    ServerSettings settings() {
        return settings;
    }

    /** The server for {@link TestServers#shared()}: the configured address if there is one. */
    TestServer resolveShared() {
        if (settings.forced() == Source.EXTERNAL || (settings.forced() == null && settings.externalUri() != null)) {
            if (settings.externalUri() == null) {
                throw new IllegalStateException(
                        "DRAGONFLY_TEST_SERVER=external needs DRAGONFLY_TEST_URI (or -Ddragonfly.test.uri)");
            }
            TestServer server = ExternalServer.connect(settings.externalUri());
            LOG.log(Level.INFO, "Test server (shared): {0}, from DRAGONFLY_TEST_URI", server);
            return server;
        }
        return start(false);
    }

    /** A server of its own, never the configured address. */
    ManagedServer startDedicated() {
        return start(true);
    }

    private ManagedServer start(boolean restartable) {
        if (settings.forced() == Source.EXTERNAL) {
            throw new IllegalStateException("DRAGONFLY_TEST_SERVER=external allows no dedicated servers;"
                    + " fault tests need a server they can stop. Unset it or choose docker, binary or embedded.");
        }
        List<String> skipped = new ArrayList<>();
        for (Step step : steps) {
            if (settings.forced() != null && settings.forced() != step.source()) {
                continue;
            }
            Optional<String> unavailable = step.whyUnavailable();
            if (unavailable.isPresent()) {
                skipped.add(step.kind() + ": " + unavailable.get());
                LOG.log(Level.DEBUG, "Test server: skipping {0}: {1}", step.kind(), unavailable.get());
                continue;
            }
            try {
                ManagedServer server = step.start(restartable);
                // Why the earlier ways were skipped is said once; it does not change afterwards.
                String why = explained || skipped.isEmpty() ? "" : "; skipped " + String.join("; ", skipped);
                explained = true;
                LOG.log(Level.INFO, "Test server ({0}): {1}{2}", restartable ? "dedicated" : "shared", server, why);
                return server;
            } catch (RuntimeException e) {
                String reason = "failed to start: " + firstLine(e.getMessage());
                step.markUnavailable(reason);
                skipped.add(step.kind() + ": " + reason);
                LOG.log(Level.INFO, "Test server: {0} {1}", step.kind(), reason);
                if (settings.forced() != null && !hasLaterStep(step)) {
                    throw e;
                }
            }
        }
        if (settings.forced() != null) {
            throw new IllegalStateException("No test server could be started with DRAGONFLY_TEST_SERVER="
                    + settings.forced().name().toLowerCase(Locale.ROOT) + ": " + String.join("; ", skipped)
                    + ". Unset it to let the other ways be tried.");
        }
        throw new IllegalStateException("No test server could be started: " + String.join("; ", skipped)
                + ". Install Docker, or put dragonfly or redis-server on the PATH, or set DRAGONFLY_TEST_URI.");
    }

    /**
     * The {@code redis-server} this resolver would run, honouring a forced way: for tests that
     * start a server with options of their own (TLS). Empty when the forced way allows none.
     */
    Optional<Path> redisServerExecutable() {
        for (Step step : steps) {
            if (step instanceof RedisStep redis
                    && (settings.forced() == null || settings.forced() == step.source())
                    && redis.whyUnavailable().isEmpty()) {
                return Optional.of(redis.executable());
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code redis-server} this run allows, with what {@link LocalCluster} needs to know about
     * it: from the {@code PATH} unless {@code DRAGONFLY_TEST_SERVER=embedded}, else embedded-redis.
     *
     * @throws IllegalStateException if the selection allows no {@code redis-server}
     */
    RedisBinary redisBinary() {
        List<String> skipped = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof RedisStep redis && (settings.forced() == null || settings.forced() == step.source())) {
                Optional<String> unavailable = redis.whyUnavailable();
                if (unavailable.isEmpty()) {
                    return new RedisBinary(redis.kind(), redis.command, redis.version);
                }
                skipped.add(step.kind() + ": " + unavailable.get());
            }
        }
        String selection = settings.forced() == null
                ? ""
                : " with DRAGONFLY_TEST_SERVER=" + settings.forced().name().toLowerCase(Locale.ROOT);
        throw new IllegalStateException("A test cluster needs a redis-server binary, and none is allowed" + selection
                + (skipped.isEmpty() ? "" : ": " + String.join("; ", skipped))
                + ". Use DRAGONFLY_TEST_SERVER=binary (redis-server on the PATH) or embedded.");
    }

    /**
     * A {@code redis-server} binary and how to run it.
     *
     * @param kind where it comes from
     * @param command its command line for a single server
     * @param version its version
     */
    record RedisBinary(Kind kind, ServerCommand command, Executables.RedisVersion version) {}

    private boolean hasLaterStep(Step step) {
        for (int i = steps.indexOf(step) + 1; i < steps.size(); i++) {
            if (steps.get(i).source() == step.source()) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** One way to obtain a server. Its availability is probed once and remembered. */
    private abstract static class Step {

        private Optional<String> unavailable;

        abstract Kind kind();

        abstract Source source();

        /** Returns why this way cannot work here, or empty; may prepare what {@link #start} needs. */
        abstract Optional<String> probe();

        abstract ManagedServer start(boolean restartable);

        final synchronized Optional<String> whyUnavailable() {
            if (unavailable == null) {
                unavailable = probe();
            }
            return unavailable;
        }

        final synchronized void markUnavailable(String reason) {
            unavailable = Optional.of(reason);
        }
    }

    private final class DockerStep extends Step {

        @Override
        Kind kind() {
            return Kind.DRAGONFLY_CONTAINER;
        }

        @Override
        Source source() {
            return Source.DOCKER;
        }

        @Override
        Optional<String> probe() {
            if (!settings.dockerEnabled()) {
                return Optional.of("disabled by DRAGONFLY_TEST_DOCKER=false");
            }
            return DockerProbe.whyUnusable();
        }

        @Override
        ManagedServer start(boolean restartable) {
            return DragonflyContainer.start(settings.dragonflyImage(), restartable);
        }
    }

    private static final class DragonflyBinaryStep extends Step {

        private Path executable;

        @Override
        Kind kind() {
            return Kind.DRAGONFLY_BINARY;
        }

        @Override
        Source source() {
            return Source.BINARY;
        }

        @Override
        Optional<String> probe() {
            executable = Executables.findOnPath("dragonfly").orElse(null);
            return executable == null ? Optional.of("no dragonfly on the PATH") : Optional.empty();
        }

        @Override
        ManagedServer start(boolean restartable) {
            return LocalServerProcess.launch(kind(), ServerCommand.dragonfly(executable));
        }
    }

    /** {@code redis-server}, from the {@code PATH} or from the embedded-redis jar. */
    private abstract static class RedisStep extends Step {

        private ServerCommand command;
        private Executables.RedisVersion version;

        abstract Path locate() throws IOException;

        final Path executable() {
            return command.executable();
        }

        @Override
        final Optional<String> probe() {
            try {
                Path executable = locate();
                version = Executables.redisVersion(executable);
                command = ServerCommand.redis(executable, version);
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(firstLine(e.getMessage()));
            }
        }

        @Override
        final ManagedServer start(boolean restartable) {
            return LocalServerProcess.launch(kind(), command);
        }
    }

    private static final class RedisBinaryStep extends RedisStep {

        @Override
        Kind kind() {
            return Kind.REDIS_BINARY;
        }

        @Override
        Source source() {
            return Source.BINARY;
        }

        @Override
        Path locate() throws IOException {
            return Executables.findOnPath("redis-server")
                    .orElseThrow(() -> new IOException("no redis-server on the PATH"));
        }
    }

    private static final class EmbeddedStep extends RedisStep {

        @Override
        Kind kind() {
            return Kind.EMBEDDED_REDIS;
        }

        @Override
        Source source() {
            return Source.EMBEDDED;
        }

        @Override
        Path locate() throws IOException {
            return EmbeddedRedisBinary.path();
        }
    }
}
