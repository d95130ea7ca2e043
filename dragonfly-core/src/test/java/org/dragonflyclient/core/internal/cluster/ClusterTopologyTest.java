package org.dragonflyclient.core.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.Protocol;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.RespType;
import org.dragonflyclient.core.internal.cluster.ClusterTopology.Node;
import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.DragonflyMode;
import org.dragonflyclient.test.ScriptedServer;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.WithTestServer;

/**
 * The topology parsed from the test cluster's own {@code CLUSTER SHARDS} (Redis 7) and
 * {@code CLUSTER SLOTS} (every version), over RESP2 and RESP3, checked against the cluster's
 * {@code CLUSTER NODES} as the test support reads it; and from Dragonfly's emulated cluster shape.
 */
@WithTestServer
class ClusterTopologyTest {

    /** Every 61st slot and the edges of the three masters' ranges. */
    private static final int[] SAMPLED = sampledSlots();

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void fromSlots_mapsEverySlotToItsMasterAndReplica(Protocol protocol, TestCluster cluster) {
        ClusterNode asked = cluster.nodes().get(1);
        Reply reply = execute(asked, protocol, "SLOTS");

        ClusterTopology topology = ClusterTopology.fromSlots(reply, asked.host());

        assertMatches(topology, cluster);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void fromShards_mapsEverySlotToItsMasterAndReplica(Protocol protocol, TestCluster cluster) {
        assumeTrue(
                cluster.capabilities().clusterShards(), cluster.capabilities().lacks("CLUSTER SHARDS (Redis 7.0+)"));
        ClusterNode asked = cluster.nodes().get(4);
        Reply reply = execute(asked, protocol, "SHARDS");
        if (protocol == Protocol.RESP3) {
            // The same fields arrive as RESP3 maps; the parser reads both shapes.
            assertThat(reply.asList().get(0))
                    .isInstanceOfSatisfying(
                            Reply.Aggregate.class,
                            shard -> assertThat(shard.type()).isEqualTo(RespType.MAP));
        }

        ClusterTopology topology = ClusterTopology.fromShards(reply, asked.host());

        assertMatches(topology, cluster);
    }

    @Test
    void fromShardsAndFromSlots_agree(TestCluster cluster) {
        assumeTrue(
                cluster.capabilities().clusterShards(), cluster.capabilities().lacks("CLUSTER SHARDS (Redis 7.0+)"));
        ClusterNode asked = cluster.nodes().get(0);

        ClusterTopology shards = ClusterTopology.fromShards(execute(asked, Protocol.RESP3, "SHARDS"), asked.host());
        ClusterTopology slots = ClusterTopology.fromSlots(execute(asked, Protocol.RESP2, "SLOTS"), asked.host());

        assertThat(shards.shards()).containsExactlyInAnyOrderElementsOf(slots.shards());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void dragonflyEmulatedCluster_oneNodeOwnsEverySlot(Protocol protocol) {
        DragonflyMode dragonfly = new DragonflyMode();
        try (ScriptedServer server = ScriptedServer.start(dragonfly);
                DragonflyClient client = connect(server.uri(), protocol)) {
            dragonfly.emulatedCluster("127.0.0.1", server.port());

            ClusterTopology shards = ClusterTopology.fromShards(client.execute("CLUSTER", "SHARDS"), "127.0.0.1");
            ClusterTopology slots = ClusterTopology.fromSlots(client.execute("CLUSTER", "SLOTS"), "127.0.0.1");

            for (ClusterTopology topology : List.of(shards, slots)) {
                assertThat(topology.assignedSlots()).isEqualTo(16384);
                assertThat(topology.masters()).hasSize(1);
                Node node = topology.masters().get(0);
                assertThat(node.address()).isEqualTo("127.0.0.1:" + server.port());
                assertThat(node.id()).hasSize(40);
                assertThat(topology.masterOf(0)).isEqualTo(node);
                assertThat(topology.masterOf(16383)).isEqualTo(node);
                assertThat(topology.replicasOf(SlotHash.slot("any"))).isEmpty();
            }
        }
    }

    @Test
    void dragonflyWithoutClusterMode_refusesClusterCommands() {
        DragonflyMode dragonfly = new DragonflyMode();
        try (ScriptedServer server = ScriptedServer.start(dragonfly);
                DragonflyClient client = connect(server.uri(), Protocol.RESP3)) {
            assertThatThrownBy(() -> client.execute("CLUSTER", "SHARDS")).hasMessageContaining("Cluster is disabled");
        }
    }

    @Test
    void emptyEndpoint_meansTheHostThatWasAsked_andUnknownEndpointLeavesTheSlotsUnassigned() {
        Reply slots = array(
                array(integer(0), integer(99), array(bulk(""), integer(7000), bulk("a"))),
                array(integer(100), integer(16383), array(bulk("?"), integer(7001), bulk("b"))));

        ClusterTopology topology = ClusterTopology.fromSlots(slots, "10.0.0.5");

        assertThat(topology.masterOf(99)).isEqualTo(new Node("a", "10.0.0.5", 7000));
        assertThat(topology.masterOf(100)).isNull();
        assertThat(topology.assignedSlots()).isEqualTo(100);
    }

    @Test
    void shards_aFailedOldMasterInTheShard_losesToTheOnlineOne_andFailedReplicasAreLeftOut() {
        Reply shards = array(array(
                bulk("slots"),
                array(integer(0), integer(16383)),
                bulk("nodes"),
                array(
                        shardNode("old", 7000, "master", "failed"),
                        shardNode("new", 7001, "master", "online"),
                        shardNode("down", 7002, "replica", "failed"),
                        shardNode("up", 7003, "replica", "online"))));

        ClusterTopology topology = ClusterTopology.fromShards(shards, "127.0.0.1");

        assertThat(topology.masterOf(42)).isEqualTo(new Node("new", "127.0.0.1", 7001));
        assertThat(topology.replicasOf(42)).containsExactly(new Node("up", "127.0.0.1", 7003));
    }

    @Test
    void malformedReplies_failWithTheCommandAndWhatIsWrong() {
        Reply badRange = array(array(integer(5), integer(3), array(bulk("h"), integer(1), bulk("a"))));
        Reply noNodes = array(array(bulk("slots"), array(integer(0), integer(1))));

        assertThatThrownBy(() -> ClusterTopology.fromSlots(badRange, "h"))
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessage("Unexpected CLUSTER SLOTS reply: slot range 5-3");
        assertThatThrownBy(() -> ClusterTopology.fromShards(noNodes, "h"))
                .isInstanceOf(DragonflyProtocolException.class)
                .hasMessageStartingWith("Unexpected CLUSTER SHARDS shard reply: no 'nodes'");
    }

    private static void assertMatches(ClusterTopology topology, TestCluster cluster) {
        assertThat(topology.assignedSlots()).isEqualTo(16384);
        assertThat(topology.masters()).extracting(Node::id).containsExactlyInAnyOrderElementsOf(ids(cluster.masters()));
        for (int slot : SAMPLED) {
            ClusterNode master = cluster.masterOf(slot);
            assertThat(topology.masterOf(slot))
                    .as("master of slot %d", slot)
                    .isEqualTo(new Node(master.id(), master.host(), master.port()));
            assertThat(topology.replicasOf(slot))
                    .extracting(Node::id)
                    .as("replicas of slot %d", slot)
                    .containsExactlyInAnyOrderElementsOf(ids(cluster.replicasOf(master)));
        }
    }

    private static List<String> ids(List<ClusterNode> nodes) {
        return nodes.stream().map(ClusterNode::id).toList();
    }

    private static Reply execute(ClusterNode node, Protocol protocol, String subcommand) {
        try (DragonflyClient client = connect(node.uri(), protocol)) {
            return client.execute("CLUSTER", subcommand);
        }
    }

    private static DragonflyClient connect(String uri, Protocol protocol) {
        return DragonflyClient.create(
                ClientOptions.fromUri(uri).toBuilder().protocol(protocol).build());
    }

    private static int[] sampledSlots() {
        List<Integer> slots = new java.util.ArrayList<>();
        for (int slot = 0; slot < 16384; slot += 61) {
            slots.add(slot);
        }
        slots.addAll(List.of(5460, 5461, 10921, 10922, 16383));
        return slots.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Reply shardNode(String id, int port, String role, String health) {
        return array(
                bulk("id"),
                bulk(id),
                bulk("port"),
                integer(port),
                bulk("ip"),
                bulk("127.0.0.1"),
                bulk("endpoint"),
                bulk("127.0.0.1"),
                bulk("role"),
                bulk(role),
                bulk("health"),
                bulk(health));
    }

    private static Reply array(Reply... elements) {
        return new Reply.Aggregate(RespType.ARRAY, List.of(elements));
    }

    private static Reply bulk(String text) {
        return new Reply.Bulk(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Reply integer(long value) {
        return new Reply.Integer(value);
    }
}
