package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.dragonflyclient.core.internal.cluster.SlotHash;
import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestClusters;

/**
 * The cluster's redirections, staged by hand on a dedicated cluster (these tests move slots and
 * fail over masters): {@code MOVED} after {@code CLUSTER SETSLOT ... NODE}, {@code ASK} while a
 * slot is migrating ({@code MIGRATING}/{@code IMPORTING}, {@code MIGRATE} of some of its keys),
 * {@code TRYAGAIN} given up after the bounded attempts (Redis 6.2 answers {@code ASK} first), a
 * graceful failover, after which the demoted master's connections are closed, and shard channels
 * that follow their slot to another master (a migration, then a killed master), and channel
 * subscriptions that move when their master is killed. Each test uses a slot of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRedirectionTest {

    private static TestCluster cluster;
    private static DragonflyClient client;

    @BeforeAll
    static void start() {
        cluster = TestClusters.startDedicated();
        client = DragonflyClient.create(ClientOptions.builder()
                .clusterNodes(List.of(cluster.seeds().split(",")))
                .timeout(Duration.ofSeconds(2))
                .build());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ClusterNode otherMaster(ClusterNode than) {
        return cluster.masters().stream()
                .filter(m -> !m.id().equals(than.id()))
                .findFirst()
                .orElseThrow();
    }

    /** How many times a node received a command, run or refused (a redirection is a refusal). */
    private static long calls(ClusterNode node, String command) {
        String info = node.execute("INFO", "commandstats");
        int at = info.indexOf("cmdstat_" + command + ":");
        if (at < 0) {
            return 0;
        }
        String line = info.substring(at, info.indexOf('\r', at));
        return field(line, ":calls=") + field(line, "rejected_calls=");
    }

    private static long field(String line, String name) {
        int at = line.indexOf(name);
        if (at < 0) {
            return 0;
        }
        int from = at + name.length();
        int to = line.indexOf(',', from);
        return Long.parseLong(line.substring(from, to < 0 ? line.length() : to));
    }

    /** Moves a slot with its keys from its master to another, as redis-cli's resharding does. */
    private static void startMigration(int slot, ClusterNode from, ClusterNode to) {
        assertThat(to.execute("CLUSTER", "SETSLOT", String.valueOf(slot), "IMPORTING", from.id()))
                .isEqualTo("+OK");
        assertThat(from.execute("CLUSTER", "SETSLOT", String.valueOf(slot), "MIGRATING", to.id()))
                .isEqualTo("+OK");
    }

    private static void migrate(ClusterNode from, ClusterNode to, String... keys) {
        String[] command = new String[6 + 1 + keys.length];
        command[0] = "MIGRATE";
        command[1] = to.host();
        command[2] = String.valueOf(to.port());
        command[3] = "";
        command[4] = "0";
        command[5] = "5000";
        command[6] = "KEYS";
        System.arraycopy(keys, 0, command, 7, keys.length);
        assertThat(from.execute(command)).isEqualTo("+OK");
    }

    private static void finishMigration(int slot, ClusterNode to) {
        for (ClusterNode master : cluster.masters()) {
            assertThat(master.execute("CLUSTER", "SETSLOT", String.valueOf(slot), "NODE", to.id()))
                    .isEqualTo("+OK");
        }
    }

    @Test
    @Order(1)
    void movedIsFollowedAndTheNextCommandsGoStraightToTheNewOwner() {
        String key = "{moved}key";
        int slot = SlotHash.slot(key);
        client.set(key, "v");
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = otherMaster(from);
        startMigration(slot, from, to);
        migrate(from, to, key);
        finishMigration(slot, to);

        assertThat(client.get(key)).isEqualTo("v"); // MOVED from the old owner, then the new one
        long oldOwnerGets = calls(from, "get");
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(key)).isEqualTo("v");
            assertThat(client.async().get(key).join()).isEqualTo("v");
        }
        assertThat(calls(from, "get"))
                .as("the slot map was corrected by the MOVED")
                .isEqualTo(oldOwnerGets);
        assertThat(to.execute("GET", key)).isEqualTo("$1\r\nv");
    }

    @Test
    @Order(1)
    void aNearCacheReadThatIsMovedIsReadAgain_andTheNextCopyComesFromTheNewOwner() {
        String key = "{near-moved}key";
        int slot = SlotHash.slot(key);
        try (DragonflyClient tracking = DragonflyClient.create(ClientOptions.builder()
                        .clusterNodes(List.of(cluster.seeds().split(",")))
                        .timeout(Duration.ofSeconds(2))
                        .tracking(true)
                        .build());
                NearCache near = tracking.nearCache(NearCacheOptions.defaults())) {
            client.set(key, "v1");
            assertThat(near.get(key)).isEqualTo("v1");
            assertThat(near.get(key)).isEqualTo("v1");
            assertThat(near.stats().hits()).isEqualTo(1);

            ClusterNode from = cluster.masterOf(slot);
            ClusterNode to = otherMaster(from);
            startMigration(slot, from, to);
            migrate(from, to, key); // deletes the key on the old owner: its invalidation drops the copy
            finishMigration(slot, to);
            await().atMost(Duration.ofSeconds(10)).until(() -> near.size() == 0);

            assertThat(near.get(key))
                    .as("MOVED by the old owner, then read from the new one")
                    .isEqualTo("v1");
            assertThat(near.size())
                    .as("a redirected read is returned, not kept")
                    .isZero();
            assertThat(near.get(key)).isEqualTo("v1"); // straight to the new owner, kept
            assertThat(near.size()).isEqualTo(1);
            long hits = near.stats().hits();
            assertThat(near.get(key)).isEqualTo("v1");
            assertThat(near.stats().hits()).isEqualTo(hits + 1);

            client.set(key, "v2"); // the new owner tracks the key for the near cache's connection
            await().atMost(Duration.ofSeconds(10)).until(() -> near.size() == 0);
            assertThat(near.get(key)).isEqualTo("v2");
        }
    }

    @Test
    @Order(2)
    void askIsFollowedWithAskingDuringAMigrationAndMovedAfterIt() {
        String moved = "{ask}moved";
        String stays = "{ask}stays";
        int slot = SlotHash.slot(moved);
        client.set(moved, "1");
        client.set(stays, "2");
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = otherMaster(from);
        startMigration(slot, from, to);
        migrate(from, to, moved);

        long askings = calls(to, "asking");
        assertThat(client.get(moved)).isEqualTo("1"); // ASK to the importing node
        assertThat(client.async().get(moved).join()).isEqualTo("1");
        assertThat(client.get(stays)).isEqualTo("2"); // still on the migrating node
        client.set("{ask}new", "3"); // absent on the migrating node: ASK, created on the importing one
        assertThat(calls(to, "asking")).isEqualTo(askings + 3);

        migrate(from, to, stays);
        finishMigration(slot, to);
        assertThat(client.mget(moved, stays, "{ask}new")).containsExactly("1", "2", "3"); // MOVED
        assertThat(to.execute("GET", "{ask}new")).isEqualTo("$1\r\n3");
    }

    @Test
    @Order(3)
    void tryAgainIsRetriedBoundedlyThenReported() {
        String here = "{try}here";
        String gone = "{try}gone";
        int slot = SlotHash.slot(here);
        client.mset(here, "1", gone, "2");
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = otherMaster(from);
        startMigration(slot, from, to);
        migrate(from, to, gone);
        try (DragonflyClient bounded = DragonflyClient.create(
                client.options().toBuilder().maxRedirects(2).build())) {
            long before = calls(from, "mget") + calls(to, "mget");
            // A multi-key command over a half-migrated slot: Redis 7 answers TRYAGAIN; Redis 6.2 answers
            // ASK, and the importing node TRYAGAIN. Either way it cannot succeed while the migration lasts.
            assertThatThrownBy(() -> bounded.mget(here, gone))
                    .isInstanceOfSatisfying(
                            DragonflyServerException.class,
                            e -> assertThat(e.getServerMessage()).matches("(TRYAGAIN|ASK) .*"));
            assertThat(calls(from, "mget") + calls(to, "mget"))
                    .as("the first attempt and two retries, then the last refusal is reported")
                    .isEqualTo(before + 3);
        }
        migrate(from, to, here);
        finishMigration(slot, to);
        assertThat(client.mget(here, gone)).containsExactly("1", "2");
    }

    @Test
    @Order(4)
    void aShardChannelFollowsItsSlotToTheNewOwner() {
        assumeTrue(
                cluster.capabilities().isRedisAtLeast(7, 0),
                cluster.capabilities().lacks("SSUBSCRIBE (Redis 7.0+)"));
        String channel = "{shard}news";
        int slot = SlotHash.slot(channel);
        List<String> received = new CopyOnWriteArrayList<>();
        try (PubSub pubSub = client.pubSub()) {
            pubSub.addListener(m -> received.add(m.message()));
            pubSub.ssubscribe(channel);
            assertThat(client.spublish(channel, "before")).isEqualTo(1);
            ClusterNode from = cluster.masterOf(slot);
            ClusterNode to = otherMaster(from);
            startMigration(slot, from, to);
            finishMigration(slot, to); // the old owner unsubscribes the slot's shard channels
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(client.spublish(channel, "after"))
                            .as("subscribed again on the new owner")
                            .isEqualTo(1));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(received).contains("before", "after"));
            assertThat(pubSub.shardChannels()).containsExactly(channel);
        }
    }

    @Test
    @Order(5)
    void afterAFailoverTheNewMasterServesAndTheOldOnesConnectionsClose() {
        String key = "{failover}key";
        int slot = SlotHash.slot(key);
        client.set(key, "before");
        ClusterNode oldMaster = cluster.masterOf(slot);
        int open = client.openConnections();
        // A second client that learns of the failover by its periodic refresh alone: it sends nothing.
        DragonflyClient watcher = DragonflyClient.create(client.options().toBuilder()
                .topologyRefreshPeriod(Duration.ofMillis(200))
                .build());
        watcher.dbsize(); // opens a pool on every master
        int watcherOpen = watcher.openConnections();
        ClusterNode replica = cluster.replicasOf(oldMaster).get(0);
        replica.failover();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(watcher.openConnections())
                        .as("the periodic refresh retired the demoted master")
                        .isEqualTo(watcherOpen - watcherOpen / cluster.masters().size()));
        watcher.close();

        client.set(key, "after"); // MOVED from the demoted master, then a refresh
        assertThat(client.get(key)).isEqualTo("after");
        assertThat(replica.execute("GET", key)).isEqualTo("$5\r\nafter");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(client.openConnections())
                        .as("the demoted master's pool is closed, the new master's opened")
                        .isEqualTo(open));
    }

    @Test
    @Order(6)
    void flushallEmptiesEveryMaster() {
        client.mset("{f1}a", "1", "{f2}b", "2", "{f3}c", "3");
        assertThat(client.dbsize()).isPositive();
        client.flushall();
        assertThat(client.dbsize()).isZero();
        for (ClusterNode master : cluster.masters()) {
            assertThat(master.execute("DBSIZE")).isEqualTo(":0");
        }
    }

    @Test
    @Order(7)
    void aShardChannelFollowsItsSlotWhenItsMasterIsKilled() {
        assumeTrue(
                cluster.capabilities().isRedisAtLeast(7, 0),
                cluster.capabilities().lacks("SSUBSCRIBE (Redis 7.0+)"));
        String channel = "{killed}news";
        int slot = SlotHash.slot(channel);
        List<String> received = new CopyOnWriteArrayList<>();
        try (PubSub pubSub = client.pubSub()) {
            pubSub.addListener(m -> received.add(m.message()));
            pubSub.ssubscribe(channel);
            ClusterNode master = cluster.masterOf(slot);
            ClusterNode replica = cluster.replicasOf(master).get(0);
            master.kill(); // the cluster promotes the replica after its node timeout
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(replica::isMaster);
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(client.spublish(channel, "after"))
                            .as("subscribed again on the promoted replica")
                            .isEqualTo(1));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(received).contains("after"));
            master.start(); // back as a replica of the promoted one, so every master has a replica again
            cluster.awaitStable();
        }
    }

    @Test
    @Order(8)
    void channelSubscriptionsMoveToAnotherMasterWhenTheirsIsKilled() {
        List<String> received = new CopyOnWriteArrayList<>();
        try (PubSub pubSub = client.pubSub()) {
            pubSub.addListener(m -> received.add(m.channel() + "=" + m.message()));
            pubSub.subscribe("global:news");
            pubSub.psubscribe("global:p:*");
            // toString names the master the channels and patterns are subscribed on.
            ClusterNode master = cluster.masters().stream()
                    .filter(m -> pubSub.toString().contains(":" + m.port() + ","))
                    .findFirst()
                    .orElseThrow();
            ClusterNode replica = cluster.replicasOf(master).get(0);
            master.kill();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(replica::isMaster);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                client.publish("global:news", "after");
                client.publish("global:p:x", "matched");
                assertThat(received).contains("global:news=after", "global:p:x=matched");
            });
            assertThat(pubSub.channels()).containsExactly("global:news");
            assertThat(pubSub.patterns()).containsExactly("global:p:*");
            assertThat(pubSub.toString()).doesNotContain(":" + master.port() + ",");
        }
    }
}
