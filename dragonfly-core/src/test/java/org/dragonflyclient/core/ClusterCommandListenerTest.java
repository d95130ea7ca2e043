package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.dragonflyclient.core.internal.cluster.SlotHash;
import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The node a {@link CommandListener} is told about, against the shared managed cluster (3 masters,
 * 3 replicas): the owner of each command's slot, as the cluster itself says, on the synchronous,
 * asynchronous, pipeline and transaction paths; the node that answered after a {@code MOVED};
 * {@link CommandListener#SEVERAL_NODES} for a command sent in parts to several masters, reported
 * once; {@link CommandListener#NO_NODE} for a client-side refusal; and {@code null} on a single
 * server. Nothing here changes the cluster's shape.
 */
@WithTestServer
class ClusterCommandListenerTest {

    /** One report to the listener. */
    record Report(
            String command, @Nullable String node, @Nullable Throwable failure) {}

    private static final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();

    /** A listener that records every report into {@code into}, and fails if the old method is called. */
    private static CommandListener recorder(BlockingQueue<Report> into) {
        return new CommandListener() {
            @Override
            public void commandCompleted(String command, long durationNanos, @Nullable Throwable failure) {
                throw new AssertionError("the client calls the four-argument method");
            }

            @Override
            public void commandCompleted(
                    String command, @Nullable String node, long durationNanos, @Nullable Throwable failure) {
                into.add(new Report(command, node, failure));
            }
        };
    }

    private static TestCluster cluster;
    private static DragonflyClient client;

    @BeforeAll
    static void connect(TestCluster shared) {
        cluster = shared;
        client = DragonflyClient.create(ClientOptions.builder()
                .clusterNodes(List.of(shared.seeds().split(",")))
                .timeout(Duration.ofSeconds(5))
                .commandListener(recorder(reports))
                .build());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void forgetEarlierReports() {
        reports.clear();
    }

    /** The next {@code count} reports (asynchronous ones arrive just after their future completes). */
    private static List<Report> next(int count) throws InterruptedException {
        List<Report> next = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Report report = reports.poll(10, TimeUnit.SECONDS);
            assertThat(report).as("report %d of %d", i + 1, count).isNotNull();
            next.add(report);
        }
        return next;
    }

    /** No report beyond those taken: one per command the caller issued. */
    private static void noMoreReports() throws InterruptedException {
        assertThat(reports.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    private static String ownerOf(Object key) {
        ClusterNode owner = cluster.masterOf(SlotHash.slot(String.valueOf(key)));
        return owner.host() + ":" + owner.port();
    }

    private static Set<String> masterAddresses() {
        Set<String> addresses = new HashSet<>();
        cluster.masters().forEach(m -> addresses.add(m.host() + ":" + m.port()));
        return addresses;
    }

    /** One key in each master's third of the slot space. */
    private static List<String> onEveryMaster(TestInfo test) {
        List<String> keys = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        for (int i = 0; owners.size() < 3; i++) {
            String key = "listener:" + test.getTestMethod().orElseThrow().getName() + ":" + i;
            if (owners.add(ownerOf(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void eachCommandReportsTheMasterOfItsSlot_syncAndAsync(TestInfo test) throws InterruptedException {
        for (String key : onEveryMaster(test)) {
            client.set(key, "v");
            client.async().get(key).join();
            List<Report> two = next(2);
            assertThat(two).extracting(Report::command).containsExactly("SET", "GET");
            assertThat(two).extracting(Report::node).containsOnly(ownerOf(key));
            assertThat(two).extracting(Report::failure).containsOnlyNulls();
        }
        noMoreReports();
    }

    @Test
    void aServerError_reportsTheNodeThatGaveIt(TestInfo test) throws InterruptedException {
        String key = onEveryMaster(test).get(1);
        client.set(key, "text");
        assertThatThrownBy(() -> client.incr(key)).isInstanceOf(DragonflyServerException.class);
        List<Report> two = next(2);
        assertThat(two.get(1).command()).isEqualTo("INCR");
        assertThat(two.get(1).node()).isEqualTo(ownerOf(key));
        assertThat(two.get(1).failure()).isInstanceOf(DragonflyServerException.class);
    }

    @Test
    void afterMoved_theNodeThatAnsweredIsReported(TestInfo test) throws InterruptedException {
        // execute(...) of a name the client does not know is routed by its first argument, which
        // for OBJECT is the subcommand: the first attempt goes to the owner of "ENCODING"'s slot,
        // which answers MOVED unless it also owns the key's.
        String misrouted = ownerOf("ENCODING");
        String key = onEveryMaster(test).stream()
                .filter(k -> !ownerOf(k).equals(misrouted))
                .findFirst()
                .orElseThrow();
        client.set(key, "12345");
        for (int round = 0; round < 2; round++) {
            Reply sync = client.execute("OBJECT", "ENCODING", key);
            Reply async = client.async().execute("OBJECT", "ENCODING", key).join();
            assertThat(sync.asString()).isEqualTo(async.asString()).isNotBlank();
        }
        List<Report> reported = next(5);
        assertThat(reported.get(0).command()).isEqualTo("SET");
        assertThat(reported.subList(1, 5)).extracting(Report::command).containsOnly("OBJECT");
        assertThat(reported.subList(1, 5)).extracting(Report::node).containsOnly(ownerOf(key));
        assertThat(reported.subList(1, 5)).extracting(Report::failure).containsOnlyNulls();
        noMoreReports();
    }

    @Test
    void aPipelineReportsEachCommandsOwner(TestInfo test) throws InterruptedException {
        List<String> keys = onEveryMaster(test);
        try (Pipeline pipeline = client.pipeline()) {
            keys.forEach(k -> pipeline.set(k, "p"));
            pipeline.sync();
        }
        List<Report> reported = next(keys.size());
        Set<String> expected = new HashSet<>();
        keys.forEach(k -> expected.add("SET " + ownerOf(k)));
        Set<String> actual = new HashSet<>();
        reported.forEach(r -> actual.add(r.command() + " " + r.node()));
        assertThat(actual).isEqualTo(expected).hasSize(3);
        noMoreReports();
    }

    @Test
    void aTransactionReportsItsSlotsNode(TestInfo test) throws InterruptedException {
        String a = "{" + test.getDisplayName() + "}.a";
        String b = "{" + test.getDisplayName() + "}.b";
        try (Transaction tx = client.transaction()) {
            tx.set(a, "1");
            CompletableFuture<Long> incr = tx.incr(b);
            assertThat(tx.exec()).isTrue();
            assertThat(incr).isCompletedWithValue(1L);
        }
        List<Report> reported = new ArrayList<>();
        for (Report r; (r = reports.poll(500, TimeUnit.MILLISECONDS)) != null; ) {
            reported.add(r);
        }
        assertThat(reported).extracting(Report::command).contains("SET", "INCR");
        assertThat(reported).extracting(Report::node).containsOnly(ownerOf(a));
    }

    @Test
    void commandsSentInParts_areReportedOnce_withSeveralNodes(TestInfo test) throws InterruptedException {
        List<String> keys = onEveryMaster(test);
        String[] all = keys.toArray(new String[0]);
        client.mget(all);
        client.async().del(all).join();
        client.dbsize();
        List<Report> three = next(3);
        assertThat(three).extracting(Report::command).containsExactly("MGET", "DEL", "DBSIZE");
        assertThat(three).extracting(Report::node).containsOnly(CommandListener.SEVERAL_NODES);
        noMoreReports();

        // A page of SCAN comes from one master: the walk starts at the first in address order.
        client.scan("0", ScanArgs.all().count(10));
        Report scan = next(1).get(0);
        assertThat(scan.command()).isEqualTo("SCAN");
        assertThat(scan.node())
                .isEqualTo(masterAddresses().stream().sorted().findFirst().orElseThrow());
        noMoreReports();
    }

    @Test
    void aClientSideRefusal_reportsNoNode(TestInfo test) throws InterruptedException {
        List<String> keys = onEveryMaster(test);
        assertThatThrownBy(() -> client.eval("return 1", new String[] {keys.get(0), keys.get(1)}))
                .isInstanceOf(DragonflyCrossSlotException.class);
        Report refused = next(1).get(0);
        assertThat(refused.node()).isEqualTo(CommandListener.NO_NODE);
        assertThat(refused.failure()).isInstanceOf(DragonflyCrossSlotException.class);
    }

    @Test
    void aSingleServer_reportsNoNodeAtAll(TestServer server) throws InterruptedException {
        BlockingQueue<Report> single = new LinkedBlockingQueue<>();
        try (DragonflyClient one = DragonflyClient.create(ClientOptions.builder()
                .uri(server.uri())
                .commandListener(recorder(single))
                .build())) {
            one.ping();
            one.async().dbsize().join();
            Report ping = single.poll(10, TimeUnit.SECONDS);
            Report dbsize = single.poll(10, TimeUnit.SECONDS);
            assertThat(ping).isEqualTo(new Report("PING", null, null));
            assertThat(dbsize).isEqualTo(new Report("DBSIZE", null, null));
        }
    }

    @Test
    void aThreeArgumentLambda_stillHearsEveryCommand(TestServer server) throws InterruptedException {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        CommandListener lambda = (command, durationNanos, failure) -> heard.add(command);
        try (DragonflyClient one = DragonflyClient.create(ClientOptions.builder()
                        .uri(server.uri())
                        .commandListener(lambda)
                        .build());
                DragonflyClient many = DragonflyClient.create(ClientOptions.builder()
                        .clusterNodes(List.of(cluster.seeds().split(",")))
                        .commandListener(lambda)
                        .build())) {
            one.ping();
            many.ping();
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("PING");
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("PING");
        }
    }
}
