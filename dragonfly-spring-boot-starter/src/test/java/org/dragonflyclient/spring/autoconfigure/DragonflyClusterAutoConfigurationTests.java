package org.dragonflyclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.autoconfigure.health.DragonflyHealthContributorAutoConfiguration;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.WithTestServer;

/** {@code dragonfly.cluster.*} and cluster URLs against the shared test cluster (3 masters, 3 replicas). */
@WithTestServer
class DragonflyClusterAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DragonflyAutoConfiguration.class, DragonflyHealthContributorAutoConfiguration.class));

    @Test
    void clusterProperties_reachTheClientOptions_andTheClientServesEverySlot(TestCluster cluster) {
        List<String> seeds = List.of(cluster.seeds().split(","));
        runner.withPropertyValues(
                        "dragonfly.cluster.nodes=" + cluster.seeds(),
                        "dragonfly.cluster.max-redirects=3",
                        "dragonfly.cluster.refresh-period=30s")
                .run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.cluster()).isTrue();
                    assertThat(options.clusterSeeds()).containsExactlyElementsOf(seeds);
                    assertThat(options.maxRedirects()).isEqualTo(3);
                    assertThat(options.topologyRefreshPeriod()).isEqualTo(Duration.ofSeconds(30));
                    DragonflyClient client = context.getBean(DragonflyClient.class);
                    for (int i = 0; i < 30; i++) {
                        client.set("starter-cluster:" + i, "v" + i);
                    }
                    for (int i = 0; i < 30; i++) {
                        assertThat(client.get("starter-cluster:" + i)).isEqualTo("v" + i);
                    }
                });
    }

    @Test
    void clusterUrl_turnsClusterModeOn_withItsSeeds(TestCluster cluster) {
        runner.withPropertyValues("dragonfly.url=redis://" + cluster.seeds() + "?cluster=true")
                .run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.cluster()).isTrue();
                    assertThat(options.clusterSeeds())
                            .containsExactlyElementsOf(List.of(cluster.seeds().split(",")));
                    assertThat(context.getBean(DragonflyClient.class).dbsize()).isNotNegative();
                });
    }

    @Test
    void noClusterProperties_noClusterMode() {
        runner.run(context ->
                assertThat(context.getBean(ClientOptions.class).cluster()).isFalse());
    }

    @Test
    void clusterWithAnotherDatabase_failsTheStartWithTheFix(TestCluster cluster) {
        runner.withPropertyValues("dragonfly.cluster.nodes=" + cluster.seeds(), "dragonfly.database=2")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("database 0"));
    }

    @Test
    void health_reportsTheClustersState(TestCluster cluster) {
        runner.withPropertyValues("dragonfly.cluster.nodes=" + cluster.seeds()).run(context -> {
            Health health = ((HealthIndicator) context.getBean("dragonflyHealthContributor", HealthContributor.class))
                    .health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("clusterState", "ok")
                    .containsEntry("slotsAssigned", (long) TestCluster.SLOTS)
                    .containsEntry("slotsFailing", 0L)
                    .containsEntry("masters", 3)
                    .containsEntry("nodes", 6)
                    .containsEntry("nodesReachable", 6)
                    .containsEntry("server", "redis");
        });
    }

    @Test
    void everyCommandListenerBean_hearsTheNode(TestCluster cluster) {
        Set<String> nodes = ConcurrentHashMap.newKeySet();
        List<String> lambdaHeard = new CopyOnWriteArrayList<>();
        CommandListener nodeAware = new CommandListener() {
            @Override
            public void commandCompleted(String command, long durationNanos, Throwable failure) {
                throw new AssertionError("the client calls the four-argument method");
            }

            @Override
            public void commandCompleted(String command, String node, long durationNanos, Throwable failure) {
                nodes.add(node);
            }
        };
        runner.withPropertyValues("dragonfly.cluster.nodes=" + cluster.seeds())
                .withBean("nodeAware", CommandListener.class, () -> nodeAware)
                .withBean("lambda", CommandListener.class, () -> (command, nanos, failure) -> lambdaHeard.add(command))
                .run(context -> {
                    DragonflyClient client = context.getBean(DragonflyClient.class);
                    for (int i = 0; i < 30; i++) {
                        client.set("starter-cluster-listener:" + i, "v");
                    }
                    Set<String> masters = new HashSet<>();
                    cluster.masters().forEach(m -> masters.add(m.host() + ":" + m.port()));
                    assertThat(nodes).isEqualTo(masters);
                    assertThat(lambdaHeard).hasSize(30).containsOnly("SET");
                });
    }
}
