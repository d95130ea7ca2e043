package org.dragonflyclient.spring.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.WithTestServer;

/**
 * Command timers of a cluster client, against the shared test cluster (3 masters, 3 replicas):
 * each timer carries the {@code node} that served its commands, which is the node that holds the
 * key, asked of the node itself.
 */
@WithTestServer
class DragonflyClusterMetricsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    DragonflyAutoConfiguration.class,
                    DragonflyMetricsAutoConfiguration.class));

    @Test
    void commandTimers_areTaggedWithTheNodeThatServedThem(TestCluster cluster) {
        runner.withPropertyValues("dragonfly.cluster.nodes=" + cluster.seeds()).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            DragonflyClient client = context.getBean(DragonflyClient.class);
            String prefix = "cluster-metrics:" + System.nanoTime() + ":";
            for (int i = 0; i < 30; i++) {
                client.set(prefix + i, "v");
            }

            Map<String, Long> setsByNode = new HashMap<>();
            for (Timer timer : registry.get("dragonfly.commands")
                    .tags("command", "SET", "outcome", "success")
                    .timers()) {
                setsByNode.put(timer.getId().getTag("node"), timer.count());
            }
            Map<String, Long> keysByNode = new HashMap<>();
            for (ClusterNode master : cluster.masters()) {
                keysByNode.put(master.host() + ":" + master.port(), (long)
                        keysOn(master, prefix + "*").size());
            }
            assertThat(setsByNode)
                    .as("each master's SET timer counts the keys that master holds")
                    .isEqualTo(keysByNode)
                    .hasSize(3);

            // A command sent to every master is timed once, as the caller saw it.
            client.dbsize();
            assertThat(registry.get("dragonfly.commands")
                            .tags("command", "DBSIZE", "node", CommandListener.SEVERAL_NODES)
                            .timer()
                            .count())
                    .isEqualTo(1);

            // A failure carries the node that answered with it.
            String text = prefix + 0;
            assertThatThrownBy(() -> client.incr(text)).isInstanceOf(DragonflyServerException.class);
            String owner =
                    registry.get("dragonfly.commands").tags("command", "SET", "outcome", "success").timers().stream()
                            .map(t -> t.getId().getTag("node"))
                            .filter(node -> keysOn(nodeAt(cluster, node), text).size() == 1)
                            .findFirst()
                            .orElseThrow();
            assertThat(registry.get("dragonfly.commands")
                            .tags("command", "INCR", "outcome", "failure", "node", owner)
                            .timer()
                            .count())
                    .isEqualTo(1);

            // In cluster mode every timer has a node tag: one set of tag keys for the meter name.
            Set<Set<String>> tagKeys = new HashSet<>();
            registry.get("dragonfly.commands").timers().forEach(t -> {
                Set<String> keys = new HashSet<>();
                t.getId().getTags().stream().map(Tag::getKey).forEach(keys::add);
                tagKeys.add(keys);
            });
            assertThat(tagKeys).containsExactly(Set.of("command", "outcome", "exception", "node"));
        });
    }

    private static ClusterNode nodeAt(TestCluster cluster, String address) {
        return cluster.masters().stream()
                .filter(m -> (m.host() + ":" + m.port()).equals(address))
                .findFirst()
                .orElseThrow();
    }

    /** The keys of {@code node} matching {@code pattern}, asked of that node alone. */
    private static List<String> keysOn(ClusterNode node, String pattern) {
        String reply = node.execute("KEYS", pattern);
        assertThat(reply).startsWith("*");
        String[] lines = reply.split("\r\n");
        List<String> keys = new ArrayList<>();
        for (int i = 1; i + 1 < lines.length; i += 2) {
            keys.add(lines[i + 1]);
        }
        return keys;
    }
}
