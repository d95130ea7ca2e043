package org.springframework.boot.docker.compose.lifecycle;

import java.util.List;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.context.ApplicationContext;

/**
 * Makes the event Spring Boot publishes once {@code docker compose up} has started the services;
 * its constructor is package-private, hence this class in Spring Boot's package (test sources only).
 */
public final class ServicesReadyEvents {

    private ServicesReadyEvents() {}

    public static DockerComposeServicesReadyEvent of(ApplicationContext context, List<RunningService> services) {
        return new DockerComposeServicesReadyEvent(context, services);
    }
}
