package org.dragonflyclient.test;

/**
 * A real Dragonfly or Redis server that tests can connect to. Never a mock: every implementation
 * is a running process, a container, or an address someone else runs.
 *
 * <p>Obtain one from {@link TestServers#shared()} or {@link TestServers#startDedicated()}, or let
 * {@link TestServerExtension} inject it as a test parameter.
 */
public interface TestServer extends AutoCloseable {

    /**
     * How a test server was obtained, in the order {@link TestServers} tries them.
     */
    enum Kind {

        /** An address given in {@code DRAGONFLY_TEST_URI}; nothing was started. */
        EXTERNAL,

        /** A Dragonfly container started through Testcontainers. */
        DRAGONFLY_CONTAINER,

        /** A {@code dragonfly} binary found on the {@code PATH}. */
        DRAGONFLY_BINARY,

        /** A {@code redis-server} binary found on the {@code PATH}. */
        REDIS_BINARY,

        /** The {@code redis-server} binary shipped inside the embedded-redis jar. */
        EMBEDDED_REDIS
    }

    /**
     * Returns the host to connect to.
     *
     * @return the host name or address, {@code "127.0.0.1"} for every server started locally
     */
    String host();

    /**
     * Returns the TCP port the server listens on.
     *
     * @return the port; for a {@link ManagedServer} the same port across restarts
     */
    int port();

    /**
     * Returns the server's address as a Redis URI.
     *
     * @return for example {@code "redis://127.0.0.1:41234"}; for {@link Kind#EXTERNAL} the URI as
     *     configured
     */
    String uri();

    /**
     * Returns how this server was obtained.
     *
     * @return the kind of server
     */
    Kind kind();

    /**
     * Returns the server's version as reported by {@code INFO server}.
     *
     * @return {@code dragonfly_version} for Dragonfly (for example {@code "df-v1.37.0"}),
     *     otherwise {@code redis_version} (for example {@code "7.0.15"})
     */
    String version();

    /**
     * Tells whether the server is Dragonfly rather than Redis.
     *
     * @return {@code true} if {@code INFO server} reports a {@code dragonfly_version}
     */
    boolean isDragonfly();

    /**
     * Returns what this server can do where servers differ (fields of {@code CLIENT LIST},
     * {@code HELLO}, {@code CLIENT TRACKING}, {@code CLUSTER SHARDS}, Lua flags, error texts), for
     * tests that check the right thing for the server they run on.
     *
     * @return the server's capabilities, from its product and version
     */
    default ServerCapabilities capabilities() {
        return ServerCapabilities.of(this);
    }

    /**
     * Stops what this object started: the process or the container. A no-op for
     * {@link Kind#EXTERNAL} and for the {@linkplain TestServers#shared() shared} server, whose
     * lifetime is the test run's.
     */
    @Override
    void close();
}
