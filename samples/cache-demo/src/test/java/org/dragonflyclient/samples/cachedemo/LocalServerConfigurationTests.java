package org.dragonflyclient.samples.cachedemo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;
import org.dragonflyclient.test.ManagedServer;

/**
 * When the demo starts a server of its own. The case "nothing configured, nothing on
 * localhost:6379" depends on the machine and is exercised by {@code smoke.sh} on a fresh one.
 */
class LocalServerConfigurationTests {

    private final ApplicationContextRunner contextRunner =
            new ApplicationContextRunner().withUserConfiguration(LocalServerConfiguration.class);

    @Test
    void configuredUrlIsUsedAsItIs() {
        contextRunner
                .withPropertyValues("dragonfly.url=redis://dragonfly.example:6379")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(ManagedServer.class)
                        .doesNotHaveBean(DragonflyConnectionDetails.class));
    }

    @Test
    void configuredHostIsUsedAsItIs() {
        contextRunner
                .withPropertyValues("dragonfly.host=dragonfly.example")
                .run(context -> assertThat(context).doesNotHaveBean(ManagedServer.class));
    }

    @Test
    void configuredClusterNodesAreUsedAsTheyAre() {
        contextRunner
                .withPropertyValues("dragonfly.cluster.nodes=node1:7000,node2:7001")
                .run(context -> assertThat(context).doesNotHaveBean(ManagedServer.class));
    }

    @Test
    void clusterStartsNoSingleServer_andNoClusterWithoutTheClusterConfiguration() {
        contextRunner
                .withPropertyValues("demo.local-server=cluster")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(ManagedServer.class)
                        .doesNotHaveBean(DragonflyConnectionDetails.class));
    }

    @Test
    void neverStartsNothing() {
        contextRunner
                .withPropertyValues("demo.local-server=never")
                .run(context -> assertThat(context).doesNotHaveBean(ManagedServer.class));
    }

    @Test
    void alwaysStartsAServerAndStopsItWithTheContext() {
        contextRunner
                .withPropertyValues("demo.local-server=always", "dragonfly.url=redis://dragonfly.example:6379")
                .run(context -> {
                    assertThat(context).hasSingleBean(ManagedServer.class);
                    ManagedServer server = context.getBean(ManagedServer.class);
                    assertThat(server.execute("PING")).isEqualTo("+PONG");
                    DragonflyConnectionDetails details = context.getBean(DragonflyConnectionDetails.class);
                    assertThat(details.getHost()).isEqualTo(server.host());
                    assertThat(details.getPort()).isEqualTo(server.port());
                });
    }

    @Test
    void unknownModeIsRefused() {
        contextRunner
                .withPropertyValues("demo.local-server=sometimes")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("auto, always, never or cluster"));
    }
}
