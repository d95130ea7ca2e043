package org.dragonflyclient.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A server someone else runs, named by {@code DRAGONFLY_TEST_URI}: a CI service container, a
 * developer's own Dragonfly. Nothing is started and nothing is stopped.
 */
final class ExternalServer implements TestServer {

    private static final int DEFAULT_PORT = 6379;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final String uri;
    private final Endpoint endpoint;
    private final ServerInfo info;

    private ExternalServer(String uri, Endpoint endpoint, ServerInfo info) {
        this.uri = uri;
        this.endpoint = endpoint;
        this.info = info;
    }

    /**
     * Waits until the server at {@code uri} answers {@code PING}, then asks what it is.
     *
     * @param uri {@code redis://[[user]:password@]host[:port][/db]}
     * @throws IllegalArgumentException if the URI is not a {@code redis://} URI
     * @throws IllegalStateException if the server does not answer; a configured address that does
     *     not work is a mistake to report, not a reason to quietly start something else
     */
    static ExternalServer connect(String uri) {
        Endpoint endpoint = parse(uri);
        Resp.awaitPong(
                endpoint,
                STARTUP_TIMEOUT,
                () -> true,
                () -> " (configured by DRAGONFLY_TEST_URI / -Ddragonfly.test.uri)");
        return new ExternalServer(uri, endpoint, ServerInfo.fetch(endpoint));
    }

    static Endpoint parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URI: " + uri, e);
        }
        if (!"redis".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
            throw new IllegalArgumentException("Expected redis://host:port, got " + uri
                    + (("rediss".equalsIgnoreCase(parsed.getScheme()))
                            ? " (TLS is not supported by the test support)"
                            : ""));
        }
        String host = parsed.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = parsed.getPort() == -1 ? DEFAULT_PORT : parsed.getPort();
        String userInfo = parsed.getUserInfo();
        List<String> auth;
        if (userInfo == null || userInfo.isEmpty()) {
            auth = List.of();
        } else if (userInfo.startsWith(":")) {
            auth = List.of(userInfo.substring(1));
        } else if (userInfo.contains(":")) {
            int colon = userInfo.indexOf(':');
            auth = List.of(userInfo.substring(0, colon), userInfo.substring(colon + 1));
        } else {
            auth = List.of(userInfo);
        }
        return new Endpoint(host, port, auth);
    }

    @Override
    public String host() {
        return endpoint.host();
    }

    @Override
    public int port() {
        return endpoint.port();
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public Kind kind() {
        return Kind.EXTERNAL;
    }

    @Override
    public String version() {
        return info.version();
    }

    @Override
    public boolean isDragonfly() {
        return info.dragonfly();
    }

    /** Does nothing: this server was not started here. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return kind() + " " + info.describe() + " at " + endpoint.uri();
    }
}
