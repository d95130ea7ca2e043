package org.dragonflyclient.spring.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import org.dragonflyclient.core.DragonflyClient;

/**
 * Up when the server answers {@code PING}, with the server's kind and version from
 * {@code INFO server} as details ({@code dragonfly} and its {@code dragonfly_version}, or
 * {@code redis} and its {@code redis_version}). Down with the client's exception otherwise.
 */
public class DragonflyHealthIndicator extends AbstractHealthIndicator {

    private final DragonflyClient client;

    /**
     * @param client the client to check
     */
    public DragonflyHealthIndicator(DragonflyClient client) {
        super("Dragonfly health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.ping();
        String info = client.info("server");
        String dragonfly = field(info, "dragonfly_version");
        builder.up()
                .withDetail("server", dragonfly != null ? "dragonfly" : "redis")
                .withDetail("version", dragonfly != null ? dragonfly : String.valueOf(field(info, "redis_version")));
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
