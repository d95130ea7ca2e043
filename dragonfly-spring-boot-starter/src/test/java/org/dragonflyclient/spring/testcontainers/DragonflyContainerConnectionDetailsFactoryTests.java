package org.dragonflyclient.spring.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsNotFoundException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;
import org.dragonflyclient.test.TestServer;

/**
 * The {@code @ServiceConnection} path as far as it goes without Docker: Spring Boot's own
 * registrar finds a container bean, asks the factories for connection details, and the client
 * connects where the container says. The container is a stand-in whose host and mapped port are
 * those of the shared test server and which claims to be running, so nothing starts a container.
 */
class DragonflyContainerConnectionDetailsFactoryTests {

    private static final TestServer SERVER = TestClients.server();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(ServiceConnectionAutoConfiguration.class, DragonflyAutoConfiguration.class))
            // Properties that would fail: the service connection must replace them.
            .withPropertyValues("dragonfly.host=unreachable.invalid", "dragonfly.port=1");

    @Test
    void redisContainer_becomesTheConnection() {
        runner.withUserConfiguration(RedisContainerConfiguration.class).run(context -> {
            DragonflyConnectionDetails details = context.getBean(DragonflyConnectionDetails.class);
            assertThat(details.getClass().getName()).contains("DragonflyContainerConnectionDetails");
            assertThat(details.getHost()).isEqualTo(SERVER.host());
            assertThat(details.getPort()).isEqualTo(SERVER.port());
            assertThat(details.getSslBundle()).isNull();
            assertThat(context.getBean(ClientOptions.class).port()).isEqualTo(SERVER.port());
            assertThat(context.getBean(DragonflyClient.class).ping()).isEqualTo("PONG");
        });
    }

    @Test
    void dragonflyContainer_becomesTheConnection() {
        runner.withUserConfiguration(DragonflyContainerConfiguration.class)
                .run(context -> assertThat(
                                context.getBean(DragonflyClient.class).ping())
                        .isEqualTo("PONG"));
    }

    @Test
    void unrelatedContainer_isNotTakenForDragonfly() {
        // Spring Boot reports a service connection nobody claims.
        runner.withUserConfiguration(PostgresContainerConfiguration.class)
                .run(context ->
                        assertThat(context).getFailure().isInstanceOf(ConnectionDetailsNotFoundException.class));
    }

    @Test
    void connectionNames_coverDragonflyRedisAndValkeyImages() {
        assertThat(DragonflyContainerConnectionDetailsFactory.CONNECTION_NAMES)
                .contains("dragonflydb/dragonfly", "dragonfly", "redis", "valkey/valkey");
        assertThat(DockerImageName.parse("docker.dragonflydb.io/dragonflydb/dragonfly:v1.30.0")
                        .getRepository())
                .isEqualTo("dragonflydb/dragonfly");
    }

    @Test
    void withoutTestcontainers_theFactoriesStillLoad_andTheClientWorks() {
        FilteredClassLoader withoutTestcontainers =
                new FilteredClassLoader("org.testcontainers", "org.springframework.boot.testcontainers");
        Map<Class<?>, ConnectionDetails> found =
                new ConnectionDetailsFactories(withoutTestcontainers).getConnectionDetails(new Object(), false);
        assertThat(found).isEmpty();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DragonflyAutoConfiguration.class))
                .withClassLoader(withoutTestcontainers)
                .withPropertyValues("dragonfly.url=" + SERVER.uri())
                .run(context -> assertThat(
                                context.getBean(DragonflyClient.class).ping())
                        .isEqualTo("PONG"));
    }

    /** A container that is "running" at the shared test server's address; it never talks to Docker. */
    static final class StandInContainer extends GenericContainer<StandInContainer> {

        StandInContainer(String image) {
            super(DockerImageName.parse(image));
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public String getHost() {
            return SERVER.host();
        }

        @Override
        public Integer getMappedPort(int originalPort) {
            assertThat(originalPort).isEqualTo(6379);
            return SERVER.port();
        }

        @Override
        public void start() {
            throw new AssertionError("a stand-in container must not be started");
        }

        @Override
        public void stop() {}
    }

    @Configuration(proxyBeanMethods = false)
    static class RedisContainerConfiguration {

        @Bean
        @ServiceConnection(name = "redis")
        StandInContainer redis() {
            return new StandInContainer("redis:7.4");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DragonflyContainerConfiguration {

        @Bean
        @ServiceConnection(name = "dragonflydb/dragonfly")
        StandInContainer dragonfly() {
            return new StandInContainer("docker.dragonflydb.io/dragonflydb/dragonfly:latest");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PostgresContainerConfiguration {

        @Bean
        @ServiceConnection(name = "postgres")
        StandInContainer postgres() {
            return new StandInContainer("postgres:17");
        }
    }
}
