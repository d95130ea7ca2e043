package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The shared cluster as a test receives it: three masters splitting every slot, three replicas
 * attached, and a key written to its master only. Checked with raw commands on whichever
 * {@code redis-server} this run uses.
 */
@WithTestServer
class TestClusterTest {

    @Test
    void isFormed_threeMastersAndThreeReplicas_everyNodeReportsOk(TestCluster cluster) {
        assertThat(cluster.nodes()).hasSize(6);
        assertThat(cluster.masters()).hasSize(3);
        assertThat(cluster.replicas()).hasSize(3);
        for (ClusterNode node : cluster.nodes()) {
            String info = node.execute("CLUSTER", "INFO");
            assertThat(info).contains("cluster_state:ok", "cluster_known_nodes:6", "cluster_slots_assigned:16384");
        }
    }

    @Test
    void everySlotHasAMaster_andEachMasterOneReplica(TestCluster cluster) {
        Set<String> owners = new HashSet<>();
        for (int slot = 0; slot < TestCluster.SLOTS; slot += 97) {
            owners.add(cluster.masterOf(slot).id());
        }
        owners.add(cluster.masterOf(TestCluster.SLOTS - 1).id());
        assertThat(owners).hasSize(3);

        for (ClusterNode master : cluster.masters()) {
            List<ClusterNode> replicas = cluster.replicasOf(master);
            assertThat(replicas).hasSize(1);
            assertThat(replicas.get(0).isMaster()).isFalse();
            assertThat(replicas.get(0).execute("INFO", "replication"))
                    .contains("master_port:" + master.port(), "master_link_status:up");
        }
    }

    @Test
    void aKeyIsServedByTheMasterOfItsSlot_andOthersRedirect(TestCluster cluster) {
        ClusterNode any = cluster.nodes().get(0);
        int slot = Integer.parseInt(
                any.execute("CLUSTER", "KEYSLOT", "test-cluster:greeting").substring(1));
        ClusterNode owner = cluster.masterOf(slot);

        assertThat(owner.execute("SET", "test-cluster:greeting", "hello")).isEqualTo("+OK");
        assertThat(owner.execute("GET", "test-cluster:greeting")).isEqualTo("$5\r\nhello");
        for (ClusterNode other : cluster.masters()) {
            if (!other.id().equals(owner.id())) {
                assertThat(other.execute("GET", "test-cluster:greeting"))
                        .isEqualTo("-MOVED " + slot + " " + owner.host() + ":" + owner.port());
            }
        }
    }

    @Test
    void seeds_listsEveryNode(TestCluster cluster) {
        assertThat(cluster.seeds().split(","))
                .hasSize(6)
                .contains(cluster.nodes().get(0).host() + ":"
                        + cluster.nodes().get(0).port());
    }

    @Test
    void isTheSameClusterForEveryTest_andCloseDoesNotStopIt(TestCluster cluster) {
        assertThat(TestClusters.shared()).isSameAs(cluster);

        cluster.close();

        assertThat(cluster.nodes().get(0).execute("PING")).isEqualTo("+PONG");
    }
}
