package org.dragonflyclient.spring.docker;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;

/**
 * Turns a service of the application's {@code compose.yaml} into {@link DragonflyConnectionDetails}
 * when Spring Boot's Docker Compose support has started it: Dragonfly
 * ({@code docker.dragonflydb.io/dragonflydb/dragonfly} or {@code dragonflydb/dragonfly}), Redis,
 * Redis Stack and Valkey images, recognised by image name, or a service of any image labelled
 * {@code org.springframework.boot.service-connection: dragonfly}. The server port inside the
 * container is 6379; a Dragonfly password given as {@code DFLY_requirepass} is used too.
 *
 * <p>Registered in {@code META-INF/spring.factories}; Spring Boot loads it only where
 * {@code spring-boot-docker-compose} is present.
 */
class DragonflyDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<DragonflyConnectionDetails> {

    /** Image names (without registry and tag) and label values this factory answers to. */
    static final String[] CONNECTION_NAMES = {
        "dragonfly", "dragonflydb/dragonfly", "redis", "redis/redis-stack", "redis/redis-stack-server", "valkey/valkey"
    };

    /** Dragonfly reads each of its flags from an environment variable {@code DFLY_<flag>}. */
    static final String PASSWORD_VARIABLE = "DFLY_requirepass";

    private static final int SERVER_PORT = 6379;

    DragonflyDockerComposeConnectionDetailsFactory() {
        super(CONNECTION_NAMES);
    }

    @Override
    protected DragonflyConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        return new DragonflyDockerComposeConnectionDetails(source.getRunningService());
    }

    /** The service's host and the port published for 6379, read once when the services are up. */
    static final class DragonflyDockerComposeConnectionDetails extends DockerComposeConnectionDetails
            implements DragonflyConnectionDetails {

        private final String host;
        private final int port;
        private final @Nullable String password;
        private final @Nullable SslBundle sslBundle;

        DragonflyDockerComposeConnectionDetails(RunningService service) {
            super(service);
            this.host = service.host();
            this.port = service.ports().get(SERVER_PORT);
            this.password = service.env().get(PASSWORD_VARIABLE);
            this.sslBundle = getSslBundle(service);
        }

        @Override
        public String getHost() {
            return host;
        }

        @Override
        public int getPort() {
            return port;
        }

        @Override
        public @Nullable String getPassword() {
            return password;
        }

        @Override
        public @Nullable SslBundle getSslBundle() {
            return sslBundle;
        }

        @Override
        public String toString() {
            // Never the password.
            return "Docker Compose service at " + host + ":" + port;
        }
    }
}
