package org.dragonflyclient.spring.testcontainers;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.Container;

import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;

/**
 * Turns a Testcontainers container annotated with {@code @ServiceConnection} into
 * {@link DragonflyConnectionDetails}: Dragonfly ({@code docker.dragonflydb.io/dragonflydb/dragonfly}),
 * Redis, Redis Stack and Valkey images, recognised by image name, or any container whose
 * annotation says {@code @ServiceConnection(name = "dragonfly")} (or {@code "redis"}). The server
 * port inside the container is 6379.
 *
 * <p>Registered in {@code META-INF/spring.factories}; Spring Boot loads it only where
 * {@code spring-boot-testcontainers} is present, so applications without Testcontainers never
 * see it.
 */
class DragonflyContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<Container<?>, DragonflyConnectionDetails> {

    static final List<String> CONNECTION_NAMES = List.of(
            "dragonfly",
            "dragonflydb/dragonfly",
            "redis",
            "redis/redis-stack",
            "redis/redis-stack-server",
            "valkey/valkey");

    private static final int SERVER_PORT = 6379;

    DragonflyContainerConnectionDetailsFactory() {
        super(CONNECTION_NAMES);
    }

    @Override
    protected DragonflyConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
        return new DragonflyContainerConnectionDetails(source);
    }

    /** The container's host and mapped port, read once the container has started. */
    private static final class DragonflyContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
            implements DragonflyConnectionDetails {

        private DragonflyContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
            super(source);
        }

        @Override
        public String getHost() {
            return getContainer().getHost();
        }

        @Override
        public int getPort() {
            return getContainer().getMappedPort(SERVER_PORT);
        }

        @Override
        public @Nullable SslBundle getSslBundle() {
            return super.getSslBundle();
        }
    }
}
