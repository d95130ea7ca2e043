package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Timeouts, interruptions, broken connections and restarts. Each test gets a server process of its
 * own, since these tests block, kill or restart it.
 */
@WithTestServer
class FailureTest {

    private static ClientOptions.Builder options(ManagedServer server) {
        return ClientOptions.fromUri(server.uri()).toBuilder()
                .timeout(Duration.ofMillis(500))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    @Test
    void timeout_thenEveryLaterCommandGetsItsOwnReply(ManagedServer server) throws Exception {
        try (DragonflyClient client =
                DragonflyClient.create(options(server).poolSize(1).build())) {
            client.set("t:a", "A");
            client.set("t:b", "B");
            // DEBUG SLEEP blocks the whole server for longer than the command timeout.
            CompletableFuture<Reply> sleep = client.async().execute("DEBUG", "SLEEP", "1.5");

            assertThatThrownBy(() -> client.get("t:a"))
                    .isInstanceOf(DragonflyTimeoutException.class)
                    .hasMessageContaining("GET")
                    .hasMessageContaining("timeout");
            // Times out too, or meets the connection being closed as stale: either way, not "A".
            assertThatThrownBy(() -> client.get("t:b"))
                    .isInstanceOfAny(DragonflyTimeoutException.class, DragonflyConnectionException.class);
            assertThat(sleep).failsWithin(5, TimeUnit.SECONDS);

            // The late replies ("A", "B") are read and dropped: nobody receives them in place of theirs.
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            for (int i = 0; i < 50; i++) {
                assertThat(client.get("t:b")).isEqualTo("B");
                assertThat(client.get("t:a")).isEqualTo("A");
                assertThat(client.echo("e" + i)).isEqualTo("e" + i);
            }
            assertThat(client.inFlightCommands()).isZero();
        }
    }

    @Test
    void interruptedWaiter_getsAClearErrorAndTheNextCallItsOwnReply(ManagedServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(
                options(server).poolSize(1).timeout(Duration.ofSeconds(5)).build())) {
            client.set("i:a", "A");
            client.async().execute("DEBUG", "SLEEP", "0.8");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<Boolean> flagAfter = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    client.get("i:a");
                } catch (Throwable t) {
                    failure.set(t);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            caller.start();
            Thread.sleep(200);
            caller.interrupt();
            caller.join(5000);

            assertThat(failure.get())
                    .isInstanceOf(DragonflyInterruptedException.class)
                    .hasMessageContaining("GET");
            assertThat(flagAfter.get()).isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            assertThat(client.echo("mine")).isEqualTo("mine");
            assertThat(client.get("i:a")).isEqualTo("A");
        }
    }

    @Test
    void killedConnection_failsInFlightAsUnknownAndReconnectsByItself(ManagedServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(options(server)
                .poolSize(2)
                .timeout(Duration.ofSeconds(5))
                .clientName("killme")
                .build())) {
            client.set("k:a", "A");
            // BLPOP blocks only its own connection, so the kill below finds it in flight.
            CompletableFuture<Reply> blocked = client.async().execute("BLPOP", "k:empty", "3");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.execute("CLIENT", "LIST").contains("cmd=blpop"));

            server.execute("CLIENT", "KILL", "TYPE", "normal");

            assertThat(blocked)
                    .failsWithin(5, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class)
                    .satisfies(e -> assertThat(e.getCause())
                            .isInstanceOfSatisfying(
                                    DragonflyConnectionException.class,
                                    c -> assertThat(c.isOutcomeUnknown()).isTrue()));
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> {
                        assertThat(client.openConnections()).isEqualTo(2);
                        assertThat(client.get("k:a")).isEqualTo("A");
                    });
            // The handshake ran again on the new connections: they carry the client name.
            assertThat(server.execute("CLIENT", "LIST")).contains("name=killme");
        }
    }

    @Test
    void serverDown_failsFastWithAClearError_thenRecoversAfterRestart(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            client.set("r:a", "A");

            server.stop();

            // First the open connections notice the close; then the failed reconnect makes every
            // call fail at once, without waiting for its timeout.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThatThrownBy(() -> client.get("r:a"))
                            .isInstanceOf(DragonflyConnectionException.class)
                            .hasMessageContaining(server.host() + ":" + server.port())
                            .hasMessageContaining("reconnecting"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get("r:a"))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("Could not connect")
                    .hasMessageContaining("port");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(client.options().timeout());

            server.start();

            await().atMost(Duration.ofSeconds(15))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            // The server keeps nothing on disk: the restarted one is empty.
            assertThat(client.get("r:a")).isNull();
            assertThat(client.openConnections()).isEqualTo(client.options().poolSize());
        }
    }

    @Test
    void pausedServer_pipelineTimesOutAndFailsEveryFuture(ManagedServer server) {
        try (DragonflyClient client =
                DragonflyClient.create(options(server).poolSize(1).build())) {
            server.pause();
            try {
                Pipeline pipeline = client.pipeline();
                List<CompletableFuture<Long>> futures = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    futures.add(pipeline.incr("p:counter"));
                }

                assertThatThrownBy(pipeline::sync).isInstanceOf(DragonflyTimeoutException.class);
                assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
            } finally {
                server.resume();
            }
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            assertThat(client.inFlightCommands()).isZero();
        }
    }

    @Test
    void refusedConnection_namesTheAddressAndTheSetting() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closedPort = port;

        assertThatThrownBy(() -> DragonflyClient.create("redis://127.0.0.1:" + closedPort))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("port");
    }

    @Test
    void serverDownAtStartup_clientStartsAnywayWhenAllowed_andConnectsWhenTheServerComes(ManagedServer server) {
        server.stop();
        ClientOptions options = options(server).requireServerAtStartup(false).build();

        assertThatThrownBy(() -> DragonflyClient.create(options(server).build()))
                .isInstanceOf(DragonflyConnectionException.class);
        try (DragonflyClient client = DragonflyClient.create(options)) {
            assertThat(client.openConnections()).isZero();
            assertThatThrownBy(() -> client.get("k"))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("Could not connect");

            server.start();

            await().atMost(Duration.ofSeconds(15))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            await().atMost(Duration.ofSeconds(5)).until(() -> client.openConnections() == options.poolSize());
        }
    }

    @Test
    void wrongPasswordAtStartup_failsEvenWhenTheServerIsNotRequired(ManagedServer server) {
        server.execute("CONFIG", "SET", "requirepass", "right-secret");

        assertThatThrownBy(() -> DragonflyClient.create(
                        ClientOptions.fromUri("redis://:wrong@" + server.host() + ":" + server.port()).toBuilder()
                                .requireServerAtStartup(false)
                                .build()))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("password");
    }

    @Test
    void afterARestart_idleConnectionsAreFoundDeadBeforeTheNextCommandMeetsThem(ManagedServer server) {
        try (DragonflyClient client =
                DragonflyClient.create(options(server).poolSize(4).build())) {
            assertThat(client.openConnections()).isEqualTo(4);

            server.restart();

            // One command finds its connection dead; the pool then probes the idle siblings.
            assertThatThrownBy(() -> client.ping()).isInstanceOf(DragonflyConnectionException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.openConnections() == 4);
            for (int i = 0; i < 20; i++) {
                assertThat(client.ping()).isEqualTo("PONG");
            }
        }
    }

    @Test
    void wrongPassword_isReportedAtCreateWithoutThePassword(ManagedServer server) {
        assertThat(server.execute("CONFIG", "SET", "requirepass", "right-secret"))
                .isEqualTo("+OK");
        String base = "redis://:%s@" + server.host() + ":" + server.port();

        assertThatThrownBy(() -> DragonflyClient.create(String.format(base, "wrong-secret")))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("password")
                .hasMessageNotContaining("wrong-secret");
        assertThatThrownBy(() -> DragonflyClient.create("redis://" + server.host() + ":" + server.port()))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("requires a password");
        try (DragonflyClient client = DragonflyClient.create(String.format(base, "right-secret"))) {
            assertThat(client.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void aclUser_databaseAndName_restoredAfterReconnect(ManagedServer server) throws Exception {
        assertThat(server.execute("ACL", "SETUSER", "app", "on", ">app-pass", "~*", "+@all"))
                .isEqualTo("+OK");
        for (Protocol protocol : Protocol.values()) {
            ClientOptions options = ClientOptions.fromUri("redis://app:app-pass@" + server.host() + ":" + server.port()
                            + "/3?clientName=cache-" + protocol.name().toLowerCase())
                    .toBuilder()
                    .protocol(protocol)
                    .poolSize(1)
                    .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200))
                    .build();
            try (DragonflyClient client = DragonflyClient.create(options)) {
                assertThat(client.protocol()).isEqualTo(protocol);
                client.set("acl:key", "v");

                server.execute("CLIENT", "KILL", "USER", "app");

                await().atMost(Duration.ofSeconds(10))
                        .ignoreExceptions()
                        .untilAsserted(() -> assertThat(client.get("acl:key")).isEqualTo("v"));
                String info = client.execute("CLIENT", "INFO").asString();
                assertThat(info)
                        .contains("db=3")
                        .contains("user=app")
                        .contains("name=cache-" + protocol.name().toLowerCase());
                int resp = protocol == Protocol.RESP3 ? 3 : 2;
                assertThat(negotiatedProtocol(client))
                        .as("HELLO's proto after the reconnect")
                        .isEqualTo(resp);
                if (server.capabilities().clientListShowsResp()) {
                    assertThat(info).contains("resp=" + resp);
                }
            }
        }
    }

    /**
     * The protocol of the connection as the server sees it: {@code HELLO} without arguments
     * changes nothing and reports {@code proto} on every server that has it (Redis 6.2 does not
     * print {@code resp=} in {@code CLIENT INFO}).
     */
    static long negotiatedProtocol(DragonflyClient client) {
        List<Reply> fields = client.execute("HELLO").asList();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if ("proto".equals(fields.get(i).asString())) {
                return fields.get(i + 1).asLong();
            }
        }
        throw new AssertionError("HELLO reply without proto: " + fields);
    }
}
