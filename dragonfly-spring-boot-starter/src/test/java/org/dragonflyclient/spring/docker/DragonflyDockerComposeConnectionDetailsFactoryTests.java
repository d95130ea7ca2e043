package org.dragonflyclient.spring.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.ComposeServiceConnections;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;
import org.dragonflyclient.test.TestServer;

/**
 * The Docker Compose path as far as it goes without Docker, the way Spring Boot tests its own
 * factories: Spring Boot's listener receives the services {@code docker compose up} would report,
 * asks the factories from {@code spring.factories} for connection details, and the client
 * connects where the service says. The service's published port is the shared test server's, so
 * nothing starts a container. {@link DragonflyDockerComposeIntegrationTests} runs a real
 * {@code compose.yaml} where Docker works.
 */
class DragonflyDockerComposeConnectionDetailsFactoryTests {

    private static final TestServer SERVER = TestClients.server();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DragonflyAutoConfiguration.class))
            // Properties that would fail: the Compose service must replace them.
            .withPropertyValues("dragonfly.host=unreachable.invalid", "dragonfly.port=1");

    private final DragonflyDockerComposeConnectionDetailsFactory factory =
            new DragonflyDockerComposeConnectionDetailsFactory();

    @Test
    void dragonflyService_becomesTheConnection() {
        RunningService service =
                ComposeService.of("docker.dragonflydb.io/dragonflydb/dragonfly:latest", SERVER.host(), SERVER.port());
        runner.withInitializer(context -> ComposeServiceConnections.servicesReady(context, List.of(service)))
                .run(context -> {
                    DragonflyConnectionDetails details = context.getBean(DragonflyConnectionDetails.class);
                    assertThat(details)
                            .isInstanceOf(
                                    DragonflyDockerComposeConnectionDetailsFactory
                                            .DragonflyDockerComposeConnectionDetails.class);
                    assertThat(details.getHost()).isEqualTo(SERVER.host());
                    assertThat(details.getPort()).isEqualTo(SERVER.port());
                    assertThat(context.getBean(ClientOptions.class).port()).isEqualTo(SERVER.port());
                    assertThat(context.getBean(DragonflyClient.class).ping()).isEqualTo("PONG");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "docker.dragonflydb.io/dragonflydb/dragonfly",
                "docker.dragonflydb.io/dragonflydb/dragonfly:v1.30.0",
                "dragonflydb/dragonfly",
                "redis",
                "redis:7.4-alpine",
                "docker.io/library/redis:8",
                "redis/redis-stack-server",
                "valkey/valkey:8"
            })
    void recognisedImages_giveTheServicesHostAndPublishedPort(String image) {
        DragonflyConnectionDetails details = detailsOf(ComposeService.of(image, "192.0.2.7", 49153));
        assertThat(details).isNotNull();
        assertThat(details.getHost()).isEqualTo("192.0.2.7");
        assertThat(details.getPort()).isEqualTo(49153);
        assertThat(details.getDatabase()).isZero();
        assertThat(details.getPassword()).isNull();
        assertThat(details.getSslBundle()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres:17", "mongo", "memcached", "example.com/team/dragonfly-proxy"})
    void otherImages_areNotTakenForDragonfly(String image) {
        assertThat(detailsOf(ComposeService.of(image, "192.0.2.7", 49153))).isNull();
    }

    @Test
    void serviceConnectionLabel_claimsAServiceOfAnyImage() {
        RunningService labelled = ComposeService.of("example.com/team/cache:3", "192.0.2.7", 49153)
                .withLabels(Map.of("org.springframework.boot.service-connection", "dragonfly"));
        assertThat(detailsOf(labelled)).isNotNull();
    }

    @Test
    void dragonflyPasswordVariable_becomesThePassword_andStaysOutOfToString() {
        RunningService service = ComposeService.of("dragonflydb/dragonfly", "192.0.2.7", 49153)
                .withEnv(Map.of(DragonflyDockerComposeConnectionDetailsFactory.PASSWORD_VARIABLE, "s3cret"));
        DragonflyConnectionDetails details = detailsOf(service);
        assertThat(details.getPassword()).isEqualTo("s3cret");
        assertThat(details.toString()).doesNotContain("s3cret").contains("192.0.2.7:49153");
    }

    @Test
    void withoutDockerComposeSupport_theFactoriesStillLoad_andTheClientWorks() {
        FilteredClassLoader withoutCompose = new FilteredClassLoader("org.springframework.boot.docker.compose");
        Map<Class<?>, ConnectionDetails> found =
                new ConnectionDetailsFactories(withoutCompose).getConnectionDetails(new Object(), false);
        assertThat(found).isEmpty();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DragonflyAutoConfiguration.class))
                .withClassLoader(withoutCompose)
                .withPropertyValues("dragonfly.url=" + SERVER.uri())
                .run(context -> assertThat(
                                context.getBean(DragonflyClient.class).ping())
                        .isEqualTo("PONG"));
    }

    private DragonflyConnectionDetails detailsOf(RunningService service) {
        return factory.getConnectionDetails(ComposeServiceConnections.source(service, new MockEnvironment()));
    }
}
