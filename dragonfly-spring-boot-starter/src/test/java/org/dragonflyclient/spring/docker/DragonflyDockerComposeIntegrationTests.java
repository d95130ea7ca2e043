package org.dragonflyclient.spring.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;

/**
 * A real {@code docker compose up} of a Dragonfly service, through Spring Boot's Docker Compose
 * support: the application has no {@code dragonfly.*} settings and connects to the container.
 * Runs only where the {@code docker} command reaches an engine (skipped on machines without one).
 */
@EnabledIf("dockerEngineAnswers")
class DragonflyDockerComposeIntegrationTests {

    @Test
    void composeFile_startsDragonfly_andTheApplicationConnectsWithoutSettings() throws IOException {
        String composeFile = new ClassPathResource("dragonfly-compose.yaml", getClass())
                .getFile()
                .getAbsolutePath();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ComposeApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.docker.compose.file=" + composeFile,
                        "spring.docker.compose.skip.in-tests=false",
                        "spring.docker.compose.lifecycle-management=start-and-stop",
                        "spring.docker.compose.stop.command=down")
                .run()) {
            assertThat(context.getBean(DragonflyConnectionDetails.class))
                    .isInstanceOf(
                            DragonflyDockerComposeConnectionDetailsFactory.DragonflyDockerComposeConnectionDetails
                                    .class);
            DragonflyClient client = context.getBean(DragonflyClient.class);
            client.set("compose-test", "works");
            assertThat(client.get("compose-test")).isEqualTo("works");
        }
    }

    static boolean dockerEngineAnswers() {
        try {
            Process docker = new ProcessBuilder("docker", "info")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!docker.waitFor(20, TimeUnit.SECONDS)) {
                docker.destroyForcibly();
                return false;
            }
            return docker.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DragonflyAutoConfiguration.class)
    static class ComposeApplication {}
}
