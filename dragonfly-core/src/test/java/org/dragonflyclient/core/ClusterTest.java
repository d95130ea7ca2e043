package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.dragonflyclient.core.internal.cluster.SlotHash;
import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.WithTestServer;

/**
 * A cluster client against the shared managed cluster (3 masters, 3 replicas; Redis 7, or
 * embedded Redis 6.2 where only {@code CLUSTER SLOTS} exists): every command family on keys spread
 * over all slots, multi-key commands split by slot in the caller's order, whole-cluster commands,
 * pipelines, and the client-side refusal of cross-slot transactions and scripts. Nothing here
 * changes the cluster's shape; keys are prefixed per test.
 */
@WithTestServer
class ClusterTest {

    private static TestCluster cluster;
    private static DragonflyClient client;

    @BeforeAll
    static void connect(TestCluster shared) {
        cluster = shared;
        client = DragonflyClient.create(ClientOptions.builder()
                .clusterNodes(List.of(shared.seeds().split(",")))
                .timeout(Duration.ofSeconds(5))
                .build());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** Keys whose slots cover every master: {@code count} keys spread evenly over the slot space. */
    private static List<String> spread(TestInfo test, int count) {
        List<String> keys = new ArrayList<>();
        Set<Integer> thirds = new HashSet<>();
        for (int i = 0; keys.size() < count; i++) {
            String key = "cl:" + test.getTestMethod().orElseThrow().getName() + ":" + i;
            keys.add(key);
            thirds.add(SlotHash.slot(key) * 3 / SlotHash.SLOT_COUNT);
        }
        assertThat(thirds)
                .as("the keys reach every master's third of the slots")
                .hasSize(3);
        return keys;
    }

    private static String inAnotherSlot(List<String> keys, String than) {
        return keys.stream()
                .filter(k -> SlotHash.slot(k) != SlotHash.slot(than))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thePoolSizeIsSpreadOverTheMasters_atLeastOneConnectionEach() {
        int masters = cluster.masters().size();
        // The default (2) over 3 masters: one each; the seed that read the topology first is opened
        // again at its share. 7 over 3 masters: 3 each (rounded up, so never fewer than asked for).
        for (int poolSize : new int[] {ClientOptions.DEFAULT_POOL_SIZE, 7}) {
            try (DragonflyClient sized = DragonflyClient.create(
                    client.options().toBuilder().poolSize(poolSize).build())) {
                sized.dbsize(); // opens a pool on every master
                int share = Math.max(1, (poolSize + masters - 1) / masters);
                assertThat(sized.openConnections())
                        .as("pool size %d over %d masters", poolSize, masters)
                        .isEqualTo(share * masters);
            }
        }
    }

    @Test
    void everyFamilyWorksOnKeysOfEverySlotRange(TestInfo test) {
        for (String key : spread(test, 12)) {
            client.set(key + ":s", "v");
            assertThat(client.get(key + ":s")).isEqualTo("v");
            assertThat(client.incr(key + ":n")).isEqualTo(1);
            assertThat(client.expire(key + ":n", 60)).isTrue();
            client.hset(key + ":h", "f", "1");
            assertThat(client.hget(key + ":h", "f")).isEqualTo("1");
            client.rpush(key + ":l", "a", "b");
            assertThat(client.lrange(key + ":l", 0, -1)).containsExactly("a", "b");
            client.sadd(key + ":set", "m");
            assertThat(client.sismember(key + ":set", "m")).isTrue();
            client.zadd(key + ":z", 1.5, "m");
            assertThat(client.zscore(key + ":z", "m")).isEqualTo(1.5);
            assertThat(client.async().get(key + ":s").join()).isEqualTo("v");
            assertThat(client.execute("GET", key + ":s").asString()).isEqualTo("v");
        }
    }

    @Test
    void commandsReachTheMasterOfTheirSlot(TestInfo test) {
        for (String key : spread(test, 6)) {
            client.set(key, "here");
            ClusterNode owner = cluster.masterOf(SlotHash.slot(key));
            assertThat(owner.execute("GET", key)).isEqualTo("$4\r\nhere");
        }
    }

    @Test
    void multiKeyCommandsAcrossSlotsKeepTheCallersOrder(TestInfo test) {
        List<String> keys = spread(test, 40);
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i += 2) {
            entries.put(keys.get(i), "v" + i);
        }
        client.mset(entries);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            expected.add(i % 2 == 0 ? "v" + i : null);
        }
        assertThat(client.mget(keys.toArray(new String[0]))).containsExactlyElementsOf(expected);
        assertThat(client.async().mget(keys.toArray(new String[0])).join()).containsExactlyElementsOf(expected);
        assertThat(client.exists(keys.toArray(new String[0]))).isEqualTo(20);
        assertThat(client.unlink(keys.get(0), keys.get(2))).isEqualTo(2);
        assertThat(client.del(keys.toArray(new String[0]))).isEqualTo(18);
        assertThat(client.mget(keys.toArray(new String[0]))).hasSize(40).containsOnlyNulls();
    }

    @Test
    void hashTagsKeepKeysTogetherInTransactionsAndScripts(TestInfo test) {
        String a = "{" + test.getDisplayName() + "}.a";
        String b = "{" + test.getDisplayName() + "}.b";
        try (Transaction tx = client.transaction()) {
            tx.watch(a);
            tx.set(a, "1");
            CompletableFuture<Long> incr = tx.incr(b);
            assertThat(tx.exec()).isTrue();
            assertThat(incr).isCompletedWithValue(1L);
        }
        Reply reply =
                client.eval("return redis.call('GET', KEYS[1]) .. redis.call('GET', KEYS[2])", new String[] {a, b});
        assertThat(reply.asString()).isEqualTo("11");
        assertThat(client.mget(a, b)).containsExactly("1", "1");
    }

    @Test
    void crossSlotTransactionFailsBeforeAnythingIsSent(TestInfo test) {
        List<String> keys = spread(test, 3);
        String first = keys.get(0);
        String other = inAnotherSlot(keys, first);
        try (Transaction tx = client.transaction()) {
            tx.set(first, "1");
            assertThatThrownBy(() -> tx.set(other, "2"))
                    .isInstanceOf(DragonflyCrossSlotException.class)
                    .hasMessageContaining(first)
                    .hasMessageContaining(other)
                    .hasMessageContaining("hash tag")
                    .hasMessageContaining("Nothing was sent");
            tx.discard();
        }
        try (Transaction tx = client.transaction()) {
            tx.watch(first);
            assertThatThrownBy(() -> tx.watch(other)).isInstanceOf(DragonflyCrossSlotException.class);
        }
        assertThat(client.exists(first, other)).isZero();
    }

    @Test
    void crossSlotScriptFailsBeforeAnythingIsSent(TestInfo test) {
        List<String> keys = spread(test, 3);
        String first = keys.get(0);
        String other = inAnotherSlot(keys, first);
        assertThatThrownBy(() -> client.eval("return redis.call('SET', KEYS[1], '1')", new String[] {first, other}))
                .isInstanceOf(DragonflyCrossSlotException.class)
                .satisfies(e ->
                        assertThat(((DragonflyCrossSlotException) e).keys()).containsExactly(first, other));
        assertThat(client.async()
                        .eval("return 1", new String[] {first, other})
                        .handle((v, e) -> e)
                        .join())
                .isInstanceOf(DragonflyCrossSlotException.class);
        assertThat(client.exists(first)).isZero();
    }

    @Test
    void pipelineRoutesEachCommandAndKeepsEachResult(TestInfo test) {
        List<String> keys = spread(test, 300);
        List<CompletableFuture<Long>> increments = new ArrayList<>();
        try (Pipeline pipeline = client.pipeline()) {
            for (String key : keys) {
                pipeline.set(key, key);
            }
            for (String key : keys) {
                increments.add(pipeline.incr(key + ":n"));
            }
            pipeline.sync();
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(increments.get(i)).isCompletedWithValue(1L);
        }
        Pipeline reads = client.pipeline();
        List<CompletableFuture<String>> values = new ArrayList<>();
        keys.forEach(k -> values.add(reads.get(k)));
        CompletableFuture<Long> wrongType = reads.incr(keys.get(0));
        reads.sync();
        for (int i = 0; i < keys.size(); i++) {
            assertThat(values.get(i)).isCompletedWithValue(keys.get(i));
        }
        assertThat(wrongType).isCompletedExceptionally();
    }

    @Test
    void scanWalksEveryMasterAndDbsizeSumsThem(TestInfo test) {
        List<String> keys = spread(test, 60);
        keys.forEach(k -> client.set(k, "1"));
        Set<String> seen = new HashSet<>();
        client.scan(ScanArgs.match("cl:" + test.getTestMethod().orElseThrow().getName() + ":*")
                        .count(50))
                .forEachRemaining(seen::add);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(keys);
        long perNode = 0;
        for (ClusterNode master : cluster.masters()) {
            perNode += Long.parseLong(master.execute("DBSIZE").substring(1));
        }
        assertThat(client.dbsize()).isEqualTo(perNode).isGreaterThanOrEqualTo(60);
        assertThat(client.ping()).isEqualTo("PONG");
        assertThat(client.info("server")).contains("redis_version");
    }

    @Test
    void blockingPopsWaitOnTheNodeOfTheirSlot(TestInfo test) {
        for (String key : spread(test, 6)) {
            client.rpush(key, "x");
            KeyValue<String> popped = client.blpop(Duration.ofSeconds(1), key);
            assertThat(popped.key()).isEqualTo(key);
            assertThat(popped.value()).isEqualTo("x");
            client.rpush(key, "y");
            assertThat(client.async().brpop(Duration.ofSeconds(1), key).join().value())
                    .isEqualTo("y");
        }
    }

    @Test
    void spublishGoesToTheNodeOfTheChannelsSlot(TestInfo test) {
        assumeTrue(
                cluster.capabilities().isRedisAtLeast(7, 0),
                cluster.capabilities().lacks("SPUBLISH (Redis 7.0+)"));
        for (String channel : spread(test, 6)) {
            ClusterNode owner = cluster.masterOf(SlotHash.slot(channel));
            String before = owner.execute("INFO", "commandstats");
            assertThat(client.spublish(channel, "m")).isZero(); // no subscriber; a wrong node would say MOVED
            assertThat(client.async().spublish(channel, "m").join()).isZero();
            assertThat(owner.execute("INFO", "commandstats"))
                    .isNotEqualTo(before)
                    .contains("cmdstat_spublish:calls=");
        }
    }

    @Test
    void shardChannelsOfEverySlotRangeAndGlobalChannelsReceiveTheirMessages(TestInfo test) throws Exception {
        assumeTrue(
                cluster.capabilities().isRedisAtLeast(7, 0),
                cluster.capabilities().lacks("SSUBSCRIBE (Redis 7.0+)"));
        List<String> channels = spread(test, 6);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (PubSub pubSub = client.pubSub()) {
            pubSub.addListener(m -> received.add(m.channel() + "=" + m.message()));
            pubSub.ssubscribe(channels.toArray(new String[0]));
            pubSub.subscribe("cl:global");
            assertThat(pubSub.shardChannels()).containsExactlyInAnyOrderElementsOf(channels);
            Set<String> expected = new HashSet<>();
            for (String channel : channels) {
                assertThat(client.spublish(channel, "s")).isEqualTo(1);
                expected.add(channel + "=s");
            }
            assertThat(client.publish("cl:global", "g")).isEqualTo(1);
            expected.add("cl:global=g");
            Set<String> got = new HashSet<>();
            while (got.size() < expected.size()) {
                String message = received.poll(5, TimeUnit.SECONDS);
                assertThat(message).as("a message within 5 s").isNotNull();
                got.add(message);
            }
            assertThat(got).isEqualTo(expected);
            pubSub.sunsubscribe(channels.get(0));
            assertThat(client.spublish(channels.get(0), "s")).isZero();
            assertThat(pubSub.shardChannels()).doesNotContain(channels.get(0));
        }
    }

    @Test
    void trackingReportsWritesOnEveryNode(TestInfo test) throws Exception {
        RecordingTrackingListener listener = new RecordingTrackingListener();
        try (DragonflyClient tracked = DragonflyClient.create(client.options().toBuilder()
                .tracking(true)
                .trackingListener(listener)
                .build())) {
            List<String> keys = spread(test, 6);
            for (String key : keys) {
                client.set(key, "old");
                assertThat(tracked.get(key)).isEqualTo("old"); // tracked on its node's connection
            }
            for (String key : keys) {
                client.set(key, "new");
                assertThat(listener.next(e -> e.equals("invalidated:" + key))).isEqualTo("invalidated:" + key);
            }
        }
    }
}
