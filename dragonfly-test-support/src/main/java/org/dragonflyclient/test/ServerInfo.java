package org.dragonflyclient.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code INFO server} says about a server. Dragonfly reports a {@code redis_version} for
 * compatibility as well, so the presence of {@code dragonfly_version} is what tells them apart.
 *
 * @param version {@code dragonfly_version} for Dragonfly, otherwise {@code redis_version}
 * @param dragonfly whether the server is Dragonfly
 */
record ServerInfo(String version, boolean dragonfly) {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    static ServerInfo fetch(Endpoint endpoint) {
        try {
            Map<String, String> fields = Resp.infoServer(endpoint, TIMEOUT);
            String dragonfly = fields.get("dragonfly_version");
            if (dragonfly != null) {
                return new ServerInfo(dragonfly, true);
            }
            return new ServerInfo(fields.getOrDefault("redis_version", "unknown"), false);
        } catch (IOException e) {
            throw new UncheckedIOException("INFO server failed at " + endpoint, e);
        }
    }

    /** A short name for logs: {@code "redis 7.0.15"} or {@code "dragonfly df-v1.37.0"}. */
    String describe() {
        return (dragonfly ? "dragonfly " : "redis ") + version;
    }
}
