package org.springframework.boot.docker.compose.service.connection;

import java.util.List;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.lifecycle.ServicesReadyEvents;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Reaches the package-private parts of Spring Boot's Docker Compose service connections, as
 * Spring Boot's own tests do from inside the package (test sources only): the listener that turns
 * running services into connection details beans, and the source handed to each factory.
 */
public final class ComposeServiceConnections {

    private ComposeServiceConnections() {}

    /** Does what Spring Boot does once {@code docker compose up} reports these services running. */
    public static void servicesReady(ConfigurableApplicationContext context, List<RunningService> services) {
        new DockerComposeServiceConnectionsApplicationListener()
                .onApplicationEvent(ServicesReadyEvents.of(context, services));
    }

    public static DockerComposeConnectionSource source(RunningService service, Environment environment) {
        return new DockerComposeConnectionSource(service, environment);
    }
}
