package org.dragonflyclient.spring.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.spring.observation.DragonflyCommandContext;
import org.dragonflyclient.spring.observation.ObservationCommandListener;
import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Command observations against the shared test server, recorded by Micrometer's
 * {@link TestObservationRegistry}: which commands become observations, with which tags, and that
 * none of them carries a key or a value; in cluster mode (the shared test cluster), the node.
 */
@WithTestServer
class DragonflyObservationAutoConfigurationTests {

    private static final TestServer SERVER = TestClients.server();

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DragonflyAutoConfiguration.class, DragonflyObservationAutoConfiguration.class))
            .withBean(ObservationRegistry.class, () -> registry)
            .withPropertyValues(
                    "dragonfly.host=" + SERVER.host(), "dragonfly.port=" + SERVER.port(), "dragonfly.database=3");

    @Test
    void offByDefault() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ObservationCommandListener.class);
            DragonflyClient client = context.getBean(DragonflyClient.class);
            Observation.createNotStarted("request", registry).observe(() -> client.ping());
            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("dragonfly.command", 0);
        });
    }

    @Test
    void commandWithinAnObservation_isAChildObservation_withTheDatabaseConventions() {
        runner.withPropertyValues("dragonfly.observation.enabled=true").run(context -> {
            DragonflyClient client = context.getBean(DragonflyClient.class);
            Observation request = Observation.createNotStarted("request", registry);
            request.observe(() -> {
                client.set("observed-key", "secret-value");
                client.get("observed-key");
            });

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("dragonfly.command", 2);
            Map<String, Map<String, String>> byCommand = commandContexts().stream()
                    .collect(Collectors.toMap(DragonflyCommandContext::getContextualName, c -> tags(c)));
            assertThat(byCommand).containsOnlyKeys("SET", "GET");
            assertThat(byCommand.get("GET"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "db.system",
                            "redis",
                            "db.operation.name",
                            "GET",
                            "db.namespace",
                            "3",
                            "server.address",
                            SERVER.host(),
                            "server.port",
                            Integer.toString(SERVER.port())));
            assertThat(byCommand.get("SET")).contains(entry("db.operation.name", "SET"));
            // Neither the key nor the value is anywhere in the observation.
            commandContexts()
                    .forEach(c -> assertThat(c.getAllKeyValues().stream().map(KeyValue::getValue))
                            .noneMatch(value -> value.contains("observed-key") || value.contains("secret-value")));
            TestObservationRegistryAssert.assertThat(registry)
                    .forAllObservationsWithNameEqualTo(
                            "dragonfly.command",
                            observation -> observation
                                    .hasParentObservationEqualTo(request)
                                    .doesNotHaveError());
        });
    }

    @Test
    void failedCommand_isAnObservationWithTheError() {
        runner.withPropertyValues("dragonfly.observation.enabled=true").run(context -> {
            DragonflyClient client = context.getBean(DragonflyClient.class);
            client.set("observed-string", "x");
            Observation.createNotStarted("request", registry)
                    .observe(() -> assertThatThrownBy(() -> client.hget("observed-string", "field"))
                            .isInstanceOf(DragonflyServerException.class));
            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("dragonfly.command", 1)
                    .hasObservationWithNameEqualTo("dragonfly.command")
                    .that()
                    .hasContextualNameEqualTo("HGET")
                    .assertThatError()
                    .isInstanceOf(DragonflyServerException.class);
        });
    }

    @Test
    void clusterCommand_namesTheNodeThatServedIt(TestCluster cluster) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DragonflyAutoConfiguration.class, DragonflyObservationAutoConfiguration.class))
                .withBean(ObservationRegistry.class, () -> registry)
                .withPropertyValues("dragonfly.cluster.nodes=" + cluster.seeds(), "dragonfly.observation.enabled=true")
                .run(context -> {
                    DragonflyClient client = context.getBean(DragonflyClient.class);
                    String key = "observed-cluster-key:" + System.nanoTime();
                    Observation.createNotStarted("request", registry).observe(() -> client.set(key, "v"));
                    ClusterNode owner = cluster.masters().stream()
                            .filter(m -> m.execute("EXISTS", key).equals(":1"))
                            .findFirst()
                            .orElseThrow();
                    assertThat(commandContexts())
                            .singleElement()
                            .satisfies(c -> assertThat(tags(c))
                                    .contains(
                                            entry("db.operation.name", "SET"),
                                            entry("network.peer.address", owner.host()),
                                            entry("network.peer.port", Integer.toString(owner.port()))));
                });
    }

    @Test
    void commandOutsideAnyObservation_makesNone() {
        runner.withPropertyValues("dragonfly.observation.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(ObservationCommandListener.class);
            context.getBean(DragonflyClient.class).ping();
            TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
        });
    }

    @Test
    void withoutMicrometerObservation_backsOff_andTheClientWorks() {
        runner.withPropertyValues("dragonfly.observation.enabled=true")
                .withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ObservationCommandListener.class);
                    assertThat(context.getBean(DragonflyClient.class).ping()).isEqualTo("PONG");
                });
    }

    private List<DragonflyCommandContext> commandContexts() {
        List<DragonflyCommandContext> found = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(registry)
                .hasHandledContextsThatSatisfy(contexts -> contexts.stream()
                        .filter(DragonflyCommandContext.class::isInstance)
                        .map(DragonflyCommandContext.class::cast)
                        .forEach(found::add));
        return found;
    }

    private static Map<String, String> tags(Observation.Context context) {
        return context.getLowCardinalityKeyValues().stream()
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }
}
