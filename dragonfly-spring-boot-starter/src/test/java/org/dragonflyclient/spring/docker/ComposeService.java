package org.dragonflyclient.spring.docker;

import java.util.List;
import java.util.Map;

import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;

/**
 * A service as {@code docker compose ps} would describe it: an image, and a host port published
 * for the container's 6379. Tests point it at a real server, so no container is involved.
 */
record ComposeService(
        String name,
        ImageReference image,
        String host,
        ConnectionPorts ports,
        Map<String, String> env,
        Map<String, String> labels)
        implements RunningService {

    static ComposeService of(String image, String host, int publishedPort) {
        return new ComposeService(
                "cache", ImageReference.of(image), host, publishing(publishedPort), Map.of(), Map.of());
    }

    ComposeService withEnv(Map<String, String> env) {
        return new ComposeService(name, image, host, ports, env, labels);
    }

    ComposeService withLabels(Map<String, String> labels) {
        return new ComposeService(name, image, host, ports, env, labels);
    }

    private static ConnectionPorts publishing(int hostPort) {
        return new ConnectionPorts() {

            @Override
            public int get(int containerPort) {
                if (containerPort != 6379) {
                    throw new IllegalStateException("No host port for container port " + containerPort);
                }
                return hostPort;
            }

            @Override
            public List<Integer> getAll() {
                return List.of(hostPort);
            }

            @Override
            public List<Integer> getAll(String protocol) {
                return "tcp".equals(protocol) ? List.of(hostPort) : List.of();
            }
        };
    }
}
