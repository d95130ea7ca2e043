package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.dragonflyclient.test.ServerSettings.Source;
import org.dragonflyclient.test.TestServer.Kind;

/**
 * Dedicated clusters on both binaries, whatever this run's selection: the {@code redis-server}
 * on the {@code PATH} (Redis 7 here, {@code ADDSLOTSRANGE}) and embedded-redis's (6.2,
 * {@code ADDSLOTS}). Each forms, fails over by command and by a killed master, survives a
 * paused node, and leaves no process behind.
 */
class LocalClusterTest {

    private static final Duration PROMOTION_TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(
            value = Source.class,
            names = {"BINARY", "EMBEDDED"})
    void formsFailsOverAndStops(Source source) {
        ServerResolver resolver = new ServerResolver(ServerSettings.defaults().withForced(source));
        if (source == Source.BINARY) {
            assumeTrue(Executables.findOnPath("redis-server").isPresent(), "no redis-server on the PATH");
        }
        ServerResolver.RedisBinary binary = resolver.redisBinary();
        LocalCluster cluster = LocalCluster.form(binary, false);
        List<Long> pids = cluster.nodes().stream().map(LocalCluster::pid).toList();
        try {
            assertThat(cluster.kind()).isEqualTo(source == Source.EMBEDDED ? Kind.EMBEDDED_REDIS : Kind.REDIS_BINARY);
            assertThat(cluster.masters()).hasSize(3);
            for (ClusterNode node : cluster.nodes()) {
                assertThat(node.execute("CLUSTER", "INFO"))
                        .contains("cluster_state:ok", "cluster_slots_assigned:16384");
            }

            manualFailover_promotesTheReplica(cluster);
            pausedNode_theOthersStillAnswer_andItRejoins(cluster);
            killedMaster_itsReplicaTakesOver_andTheOldMasterRejoinsAsReplica(cluster);
        } finally {
            cluster.close();
        }
        for (int i = 0; i < pids.size(); i++) {
            long pid = pids.get(i);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("node pid %d", pid)
                    .isEmpty();
            assertThat(Probes.accepts(cluster.nodes().get(i).port())).isFalse();
        }
    }

    private static void manualFailover_promotesTheReplica(TestCluster cluster) {
        ClusterNode master = cluster.masterOf(0);
        ClusterNode replica = cluster.replicasOf(master).get(0);

        replica.failover();

        assertThat(replica.isMaster()).isTrue();
        assertThat(cluster.masterOf(0).id()).isEqualTo(replica.id());
        LocalCluster.await(
                "the old master to follow its replica",
                PROMOTION_TIMEOUT,
                () -> cluster.replicasOf(replica).stream().anyMatch(n -> n.id().equals(master.id()))
                        ? null
                        : "not yet");
        assertThat(master.isMaster()).isFalse();
        cluster.awaitStable();
    }

    private static void pausedNode_theOthersStillAnswer_andItRejoins(TestCluster cluster) {
        ClusterNode paused = cluster.replicas().get(0);
        paused.pause();
        try {
            assertThat(cluster.masters()).hasSize(3);
            assertThat(cluster.masterOf(TestCluster.SLOTS - 1).execute("PING")).isEqualTo("+PONG");
        } finally {
            paused.resume();
        }
        cluster.awaitStable();
        assertThat(paused.execute("PING")).isEqualTo("+PONG");
    }

    private static void killedMaster_itsReplicaTakesOver_andTheOldMasterRejoinsAsReplica(TestCluster cluster) {
        int slot = TestCluster.SLOTS / 2;
        ClusterNode master = cluster.masterOf(slot);
        ClusterNode replica = cluster.replicasOf(master).get(0);

        long pid = LocalCluster.pid(master);
        master.kill();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        LocalCluster.await(
                "the replica to be promoted",
                PROMOTION_TIMEOUT,
                () -> cluster.masterOf(slot).id().equals(replica.id()) ? null : "not yet");
        master.start();
        cluster.awaitStable();

        assertThat(master.isMaster()).isFalse();
        assertThat(cluster.masterOf(slot).id()).isEqualTo(replica.id());
    }

    @Test
    void aSelectionWithoutRedisServer_failsWithWhatToDo() {
        ServerResolver docker = new ServerResolver(ServerSettings.defaults().withForced(Source.DOCKER));

        assertThatThrownBy(docker::redisBinary)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a redis-server binary")
                .hasMessageContaining("DRAGONFLY_TEST_SERVER=docker")
                .hasMessageContaining("Use DRAGONFLY_TEST_SERVER=binary");
    }
}
