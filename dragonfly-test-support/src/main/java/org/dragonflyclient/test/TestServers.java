package org.dragonflyclient.test;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where tests get their server.
 *
 * <p>The {@linkplain #shared() shared} server is obtained the first time it is asked for, by
 * trying in order:
 * <ol>
 *   <li>the address in {@code DRAGONFLY_TEST_URI} (or {@code -Ddragonfly.test.uri}), starting
 *       nothing;</li>
 *   <li>a Dragonfly container through Testcontainers, if Docker works here (skip it with
 *       {@code DRAGONFLY_TEST_DOCKER=false});</li>
 *   <li>a {@code dragonfly} binary on the {@code PATH}, then a {@code redis-server} binary on the
 *       {@code PATH}, started on a free loopback port;</li>
 *   <li>the {@code redis-server} binary shipped inside the embedded-redis jar.</li>
 * </ol>
 * {@code DRAGONFLY_TEST_SERVER=external|docker|binary|embedded} (or
 * {@code -Ddragonfly.test.server}) allows only one of them. System properties win over
 * environment variables. One INFO line on the {@code org.dragonflyclient.test.TestServers}
 * {@link System.Logger} names the server used and why the earlier ways were skipped.
 *
 * <p>Servers started here keep nothing on disk, listen on 127.0.0.1 only, allow {@code DEBUG},
 * and are killed by a shutdown hook if the JVM exits with them still running.
 */
public final class TestServers {

    private static final Object LOCK = new Object();
    private static ServerResolver resolver;
    private static TestServer shared;

    private TestServers() {}

    /**
     * Returns the server shared by every test in this JVM, starting it on first use.
     *
     * <p>Tests must leave it usable for the next test: no {@code SHUTDOWN}, no {@code DEBUG SLEEP},
     * no {@code CLIENT KILL} (use {@link #startDedicated()} for those), and keys named so that
     * tests do not collide, or {@code FLUSHALL} in a {@code @BeforeEach} of a class that owns the
     * server's contents. Calling {@link TestServer#close() close()} on it does nothing; it is
     * stopped when the test run ends (by {@link TestServerExtension}) or when the JVM exits.
     *
     * @return the shared server, running
     * @throws IllegalStateException if no server could be obtained; the message lists why each
     *     way failed
     */
    public static TestServer shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = new SharedTestServer(resolver().resolveShared());
            }
            return shared;
        }
    }

    /**
     * Starts a server of its own, for tests that stop, restart, pause or otherwise break it.
     * Never the {@code DRAGONFLY_TEST_URI} address: a Dragonfly container where Docker works,
     * otherwise a binary on the {@code PATH}, otherwise embedded-redis. Takes some 30 ms with a
     * local binary, once the first one has found it.
     *
     * @return a running server on a port of its own; the caller must {@linkplain
     *     ManagedServer#close() close} it, or declare a {@link ManagedServer} parameter under
     *     {@link TestServerExtension}, which does
     * @throws IllegalStateException if no server could be started, or if
     *     {@code DRAGONFLY_TEST_SERVER=external} forbids starting one
     */
    public static ManagedServer startDedicated() {
        return resolver().startDedicated();
    }

    /**
     * Returns the {@code redis-server} binary that this run would start, for tests that need to
     * start one with options of their own (TLS): with {@code DRAGONFLY_TEST_SERVER=embedded} the
     * one inside embedded-redis, with {@code binary} the one on the {@code PATH}, otherwise the one
     * on the {@code PATH} or else the embedded one.
     *
     * @return the executable, or empty when none is allowed or found
     */
    public static Optional<Path> redisServerExecutable() {
        return resolver().redisServerExecutable();
    }

    /**
     * Returns how the environment chose servers, for messages of tests that cannot apply to it.
     *
     * @return for example {@code "DRAGONFLY_TEST_SERVER=embedded"}, or {@code "no DRAGONFLY_TEST_SERVER"}
     */
    public static String selection() {
        ServerSettings.Source forced = resolver().settings().forced();
        return forced == null
                ? "no DRAGONFLY_TEST_SERVER"
                : "DRAGONFLY_TEST_SERVER=" + forced.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The {@code redis-server} this run allows, for {@link TestClusters}. */
    static ServerResolver.RedisBinary redisBinary() {
        return resolver().redisBinary();
    }

    /** Stops the shared server; the next {@link #shared()} starts a new one. */
    static void stopShared() {
        TestServer stopping;
        synchronized (LOCK) {
            stopping = shared;
            shared = null;
        }
        if (stopping != null) {
            ((SharedTestServer) stopping).stop();
        }
    }

    private static ServerResolver resolver() {
        synchronized (LOCK) {
            if (resolver == null) {
                resolver = new ServerResolver(ServerSettings.fromEnvironment());
            }
            return resolver;
        }
    }

    /** The shared server as handed to tests: everything but {@code close()} goes through. */
    private static final class SharedTestServer implements TestServer {

        private final TestServer server;

        SharedTestServer(TestServer server) {
            this.server = server;
        }

        void stop() {
            server.close();
        }

        @Override
        public String host() {
            return server.host();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public String uri() {
            return server.uri();
        }

        @Override
        public Kind kind() {
            return server.kind();
        }

        @Override
        public String version() {
            return server.version();
        }

        @Override
        public boolean isDragonfly() {
            return server.isDragonfly();
        }

        /** Does nothing: the shared server lives until the end of the test run. */
        @Override
        public void close() {}

        @Override
        public String toString() {
            return "shared " + server;
        }
    }
}
