package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.internal.cluster.SlotHash;
import org.dragonflyclient.test.DragonflyMode;
import org.dragonflyclient.test.ScriptedServer;
import org.dragonflyclient.test.TcpProxy;

/**
 * A cluster client against scripted servers: Dragonfly's emulated cluster mode (one node owning
 * every slot, {@code CLUSTER SHARDS} as Dragonfly writes it, database 0 only) through the same
 * paths as a real cluster; a node that answers {@code MOVED}; a node that drops the connection
 * after reading a command, whose outcome is therefore unknown and which must not be sent again;
 * a server that is not in cluster mode; and no reachable seed at start-up.
 */
class ClusterScriptedTest {

    private static ClientOptions clusterAt(ScriptedServer server) {
        return ClientOptions.builder()
                .clusterNodes("127.0.0.1:" + server.port())
                .build();
    }

    @Test
    void dragonflysEmulatedClusterDrivesTheSamePaths() {
        DragonflyMode dragonfly = new DragonflyMode();
        try (ScriptedServer server = ScriptedServer.start(dragonfly)) {
            dragonfly.emulatedCluster("127.0.0.1", server.port());
            try (DragonflyClient client =
                    DragonflyClient.create("redis://127.0.0.1:" + server.port() + "?cluster=true")) {
                List<String> keys = new ArrayList<>();
                Set<Integer> slots = new HashSet<>();
                for (int i = 0; i < 20; i++) {
                    keys.add("emu:" + i);
                    slots.add(SlotHash.slot("emu:" + i));
                    client.set("emu:" + i, "v" + i);
                }
                assertThat(slots).hasSizeGreaterThan(1);
                assertThat(client.get("emu:7")).isEqualTo("v7");
                assertThat(client.async().get("emu:8").join()).isEqualTo("v8");
                String[] all = keys.toArray(new String[0]);
                assertThat(client.exists(all)).isEqualTo(20); // split by slot, summed
                assertThat(dragonfly.commandCount("EXISTS")).isEqualTo(slots.size());
                Set<String> seen = new HashSet<>();
                client.scan(ScanArgs.match("emu:*")).forEachRemaining(seen::add);
                assertThat(seen).containsExactlyInAnyOrderElementsOf(keys);
                assertThat(client.dbsize()).isEqualTo(20);
                assertThatThrownBy(() -> client.eval("return 1", new String[] {"emu:1", "emu:2"}))
                        .isInstanceOf(DragonflyCrossSlotException.class);
                assertThat(client.unlink(all)).isEqualTo(20);
                assertThat(dragonfly.commandCount("SELECT")).isZero();
                // Dragonfly refuses PUBLISH in cluster mode (this scripted one knows no PUBLISH at all).
                assertThatThrownBy(() -> client.publish("news", "hi"))
                        .isInstanceOf(DragonflyServerException.class)
                        .hasMessageContaining("use sharded pub/sub")
                        .hasMessageContaining("spublish(channel, message)");
            }
        }
    }

    @Test
    void anotherDatabaseIsRefusedBeforeConnecting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DragonflyClient.create("redis://127.0.0.1:1/2?cluster=true"))
                .withMessageContaining("database 2")
                .withMessageContaining("only database 0");
    }

    @Test
    void aServerNotInClusterModeIsRefusedWithAClearMessage() {
        try (ScriptedServer server = ScriptedServer.start(new DragonflyMode())) {
            assertThatThrownBy(() -> DragonflyClient.create(clusterAt(server)))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("is not in cluster mode")
                    .hasMessageContaining("--cluster_mode");
        }
    }

    @Test
    void noReachableSeed_failsCreate_orWhenAllowedStartsAndFindsTheClusterLater() {
        DragonflyMode dragonfly = new DragonflyMode();
        try (ScriptedServer server = ScriptedServer.start(dragonfly);
                TcpProxy proxy = TcpProxy.start("127.0.0.1", server.port())) {
            dragonfly.emulatedCluster("127.0.0.1", proxy.port());
            proxy.cut(); // connections are accepted and closed at once
            ClientOptions options = ClientOptions.builder()
                    .clusterNodes("127.0.0.1:" + proxy.port())
                    .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(100))
                    .build();
            assertThatThrownBy(() -> DragonflyClient.create(options))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("No seed node of the cluster [127.0.0.1:" + proxy.port() + "] answered");
            try (DragonflyClient client = DragonflyClient.create(
                    options.toBuilder().requireServerAtStartup(false).build())) {
                assertThatThrownBy(() -> client.get("k"))
                        .isInstanceOf(DragonflyConnectionException.class)
                        .hasMessageContaining("not sent");
                proxy.restore();
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                    client.set("k", "v");
                    assertThat(client.get("k")).isEqualTo("v");
                });
            }
        }
    }

    @Test
    void movedToAnotherNodeIsFollowedAndLearnt() {
        DragonflyMode dragonfly = new DragonflyMode();
        try (ScriptedServer owner = ScriptedServer.start(dragonfly);
                StagedNode staged = new StagedNode()) {
            dragonfly.emulatedCluster("127.0.0.1", owner.port());
            try (DragonflyClient client = DragonflyClient.create(clusterAt(staged.server))) {
                client.set("k", "v"); // the staged node owns every slot and stores nothing
                staged.movedTo = owner.port(); // from now on, it says the slots moved
                client.execute("SET", "k", "there");
                assertThat(client.get("k")).isEqualTo("there");
                assertThat(client.get("k")).isEqualTo("there");
                assertThat(staged.moved.get())
                        .as("one MOVED per slot, then straight to the owner")
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aCommandWhoseConnectionBrokeAfterTheWriteIsNotSentAgain() {
        try (StagedNode staged = new StagedNode()) {
            try (DragonflyClient client = DragonflyClient.create(clusterAt(staged.server))) {
                assertThatThrownBy(() -> client.incr("counter"))
                        .isInstanceOfSatisfying(
                                DragonflyConnectionException.class,
                                e -> assertThat(e.isOutcomeUnknown()).isTrue());
                assertThat(staged.increments.get()).isEqualTo(1);
                CompletableFuture<Long> async = client.async().incr("counter");
                assertThat(async.handle((v, e) -> e).join()).isInstanceOf(DragonflyConnectionException.class);
                assertThat(staged.increments.get()).isEqualTo(2);
            }
        }
    }

    /**
     * A cluster node written by hand, speaking RESP2: it owns every slot, or after
     * {@link #movedTo} is set answers {@code MOVED} to that port (and then describes that node as
     * the owner); {@code SET} is acknowledged and forgotten; {@code INCR} is read, counted, and
     * answered by closing the connection.
     */
    private static final class StagedNode implements AutoCloseable {
        final AtomicInteger increments = new AtomicInteger();
        final AtomicInteger moved = new AtomicInteger();
        final ScriptedServer server;
        volatile int movedTo;

        StagedNode() {
            server = ScriptedServer.start(this::serve);
        }

        private void serve(InputStream in, OutputStream out) throws IOException {
            for (List<String> cmd; (cmd = ScriptedServer.readCommand(in)) != null; ) {
                String name = cmd.get(0).toUpperCase(java.util.Locale.ROOT);
                int redirect = movedTo;
                if (name.equals("HELLO")) {
                    ScriptedServer.write(out, "-ERR unknown command 'HELLO'\r\n");
                } else if (name.equals("CLUSTER")) {
                    int port = redirect != 0 ? redirect : server.port();
                    ScriptedServer.write(
                            out,
                            "*1\r\n*4\r\n$5\r\nslots\r\n*2\r\n:0\r\n:16383\r\n$5\r\nnodes\r\n*1\r\n*10\r\n"
                                    + "$2\r\nid\r\n$3\r\nabc\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\nport\r\n:" + port
                                    + "\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$6\r\nhealth\r\n$6\r\nonline\r\n");
                } else if (redirect != 0 && cmd.size() > 1) {
                    moved.incrementAndGet();
                    ScriptedServer.write(
                            out, "-MOVED " + SlotHash.slot(cmd.get(1)) + " 127.0.0.1:" + redirect + "\r\n");
                } else if (name.equals("INCR")) {
                    increments.incrementAndGet();
                    return; // the connection closes: the client cannot know whether INCR ran
                } else if (name.equals("PING")) {
                    ScriptedServer.write(out, "+PONG\r\n");
                } else {
                    ScriptedServer.write(out, "+OK\r\n");
                }
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
