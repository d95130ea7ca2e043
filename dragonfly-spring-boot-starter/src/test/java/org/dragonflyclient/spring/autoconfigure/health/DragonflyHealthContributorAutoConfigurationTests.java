package org.dragonflyclient.spring.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.spring.health.DragonflyHealthIndicator;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

@WithTestServer
class DragonflyHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DragonflyAutoConfiguration.class, DragonflyHealthContributorAutoConfiguration.class))
            .withPropertyValues("dragonfly.url=" + TestClients.server().uri());

    @Test
    void up_withTheServersKindAndVersion(TestServer server) {
        runner.run(context -> {
            assertThat(context).hasBean("dragonflyHealthContributor");
            Health health = ((HealthIndicator) context.getBean("dragonflyHealthContributor", HealthContributor.class))
                    .health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("server", server.isDragonfly() ? "dragonfly" : "redis")
                    .containsEntry("version", server.version());
        });
    }

    @Test
    void down_whenTheServerIsGone(ManagedServer server) {
        // A client of its own on a server of its own, with short timeouts: the check must not hang.
        runner.withPropertyValues(
                        "dragonfly.url=" + server.uri(), "dragonfly.timeout=300ms", "dragonfly.connect-timeout=300ms")
                .run(context -> {
                    HealthIndicator indicator =
                            (HealthIndicator) context.getBean("dragonflyHealthContributor", HealthContributor.class);
                    server.stop();
                    Health health = indicator.health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("error");
                });
    }

    @Test
    void passwordAppearsInNoHealthOutputAndNoToString(ManagedServer server) {
        String password = "health-secret-that-must-not-leak";
        server.execute("CONFIG", "SET", "requirepass", password);
        runner.withPropertyValues(
                        "dragonfly.url=redis://:" + password + "@" + server.host() + ":" + server.port(),
                        "dragonfly.timeout=300ms")
                .run(context -> {
                    HealthIndicator indicator =
                            (HealthIndicator) context.getBean("dragonflyHealthContributor", HealthContributor.class);
                    assertThat(indicator.health(true).toString()).doesNotContain(password);
                    assertThat(context.getBean(DragonflyClient.class).toString())
                            .doesNotContain(password);
                    assertThat(context.getBean(org.dragonflyclient.core.ClientOptions.class)
                                    .toString())
                            .doesNotContain(password);
                    server.stop();
                    // DOWN carries the error: it must not carry the password either.
                    assertThat(indicator.health(true).toString())
                            .doesNotContain(password)
                            .contains("DOWN");
                });
    }

    @Test
    void disabledByProperty() {
        runner.withPropertyValues("management.health.dragonfly.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("dragonflyHealthContributor"));
    }

    @Test
    void aUserIndicator_wins() {
        runner.withBean(
                        "dragonflyHealthIndicator",
                        HealthIndicator.class,
                        () -> () -> Health.up().build())
                .run(context -> assertThat(context).doesNotHaveBean("dragonflyHealthContributor"));
    }

    @Test
    void withoutTheHealthModule_theClientStillWorks() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean("dragonflyHealthContributor");
                    assertThat(context.getBean(DragonflyClient.class).ping()).isEqualTo("PONG");
                });
    }

    @Test
    void oneIndicatorPerClient() {
        runner.withBean("first", DragonflyClient.class, TestClients::shared, TestClients.notClosed())
                .withBean("second", DragonflyClient.class, TestClients::shared, TestClients.notClosed())
                .run(context -> {
                    HealthContributor contributor =
                            context.getBean("dragonflyHealthContributor", HealthContributor.class);
                    assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
                    assertThat(((CompositeHealthContributor) contributor).getContributor("first"))
                            .isInstanceOf(DragonflyHealthIndicator.class);
                });
    }
}
