package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.internal.connection.DedicatedConnections;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.ScriptedServer;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The {@code @throws} clauses of the public API that no other test provokes, each through the
 * public API against a real server (a dedicated one where the test stops, pauses or reconfigures
 * it) or a scripted one. docs/RELIABILITY.md lists every clause with the test that provokes it.
 */
@WithTestServer
class DocumentedFailuresTest {

    private static ClientOptions.Builder options(TestServer server) {
        return ClientOptions.fromUri(server.uri()).toBuilder()
                .timeout(Duration.ofMillis(500))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    // ---------------------------------------------------------------- client, options, replies

    @Test
    void malformedUri_isRefusedByCreateAndByTheBuilder_withoutThePassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DragonflyClient.create("http://u:topsecret@host:6379"))
                .withMessageNotContaining("topsecret");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().uri("redis://:topsecret@h/x"))
                .withMessageContaining("database")
                .withMessageNotContaining("topsecret");
    }

    @Test
    void asyncExecute_errorReply_failsItsFutureWithTheServersError(TestServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            CompletableFuture<Reply> refused = client.async().execute("NO_SUCH_COMMAND", "x");

            assertThat(refused)
                    .failsWithin(5, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DragonflyServerException.class);
            assertThat(client.async().execute("PING").get(5, TimeUnit.SECONDS).asString())
                    .isEqualTo("PONG");
        }
    }

    /** Redis turns a Lua table holding an error reply into an array with an error element. */
    @Test
    void replyReadAsAnotherType_isAProtocolError(TestServer server) {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            Reply pong = client.execute("PING");
            Reply text = client.execute("ECHO", "not a number");
            Reply array = client.eval("return {1, redis.error_reply('MYERR inner')}", new String[0]);

            assertThatThrownBy(pong::asList).isInstanceOf(DragonflyProtocolException.class);
            assertThatThrownBy(text::asLong).isInstanceOf(DragonflyProtocolException.class);
            assertThatThrownBy(array::asString).isInstanceOf(DragonflyProtocolException.class);
            assertThat(array.asList().get(1)).isInstanceOf(Reply.Error.class);
            assertThatThrownBy(() -> array.asList().get(1).asString()).isInstanceOf(DragonflyProtocolException.class);
        }
    }

    @Test
    void evalshaOfAnUnknownScript_isNoscript_inBothForms(TestServer server) {
        String unknown = "f".repeat(40);
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            assertThatThrownBy(() -> client.evalsha(unknown, new byte[0][]))
                    .isInstanceOfSatisfying(
                            DragonflyServerException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("NOSCRIPT"));
            assertThatThrownBy(() -> client.evalsha(unknown, new String[0]))
                    .isInstanceOfSatisfying(
                            DragonflyServerException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("NOSCRIPT"));
        }
    }

    // ---------------------------------------------------------------- blocking pops

    /** A scripted server that completes the handshake, answers PING, and never answers a blocking pop. */
    @Test
    void blockingPops_replyLaterThanTheirTimeoutPlusTheCommandTimeout_timeOut_inEveryForm() {
        AtomicInteger pops = new AtomicInteger();
        try (ScriptedServer server = ScriptedServer.start((in, out) -> {
                    for (List<String> command; (command = ScriptedServer.readCommand(in)) != null; ) {
                        String name = command.get(0).toUpperCase(java.util.Locale.ROOT);
                        if (name.equals("HELLO")) {
                            ScriptedServer.write(out, "%1\r\n$6\r\nserver\r\n$8\r\nscripted\r\n");
                        } else if (name.equals("PING")) {
                            ScriptedServer.write(out, "+PONG\r\n");
                        } else {
                            pops.incrementAndGet(); // BLPOP or BRPOP: no answer, ever
                        }
                    }
                });
                DragonflyClient client = DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                        .poolSize(1)
                        .timeout(Duration.ofMillis(300))
                        .build())) {
            Duration block = Duration.ofMillis(100);
            byte[] key = "k".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> client.blpop(block, "k")).isInstanceOf(DragonflyTimeoutException.class);
            assertThatThrownBy(() -> client.blpop(block, key)).isInstanceOf(DragonflyTimeoutException.class);
            assertThatThrownBy(() -> client.brpop(block, "k")).isInstanceOf(DragonflyTimeoutException.class);
            assertThatThrownBy(() -> client.brpop(block, key)).isInstanceOf(DragonflyTimeoutException.class);
            assertThat(pops).hasValue(4);
            assertThat(client.ping()).isEqualTo("PONG"); // the shared connection never waited for them
        }
    }

    // ---------------------------------------------------------------- pub/sub

    @Test
    void pubSub_whenTheServerIsDown_cannotOpenItsConnection(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            server.stop();

            assertThatThrownBy(client::pubSub)
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining(server.port() + "");
            assertThatThrownBy(() -> client.pubSub(10)).isInstanceOf(DragonflyConnectionException.class);
        }
    }

    @Test
    void subscribe_whileDisconnected_throws_andTheChannelIsSubscribedOnReconnect(ManagedServer server)
            throws Exception {
        try (DragonflyClient client = DragonflyClient.create(options(server).build());
                PubSub pubSub = client.pubSub()) {
            List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            pubSub.addListener(m -> received.add(m.message()));
            server.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> !pubSub.isConnected());

            assertThatThrownBy(() -> pubSub.subscribe("ps:later"))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("recorded");

            server.start();
            await().atMost(Duration.ofSeconds(15))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .until(() -> client.publish("ps:later", "made") == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("made"));
        }
    }

    @Test
    void subscribe_unconfirmedWithinTheTimeout_timesOut(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(options(server).build());
                PubSub pubSub = client.pubSub()) {
            server.pause();
            try {
                assertThatThrownBy(() -> pubSub.subscribe("ps:paused")).isInstanceOf(DragonflyTimeoutException.class);
            } finally {
                server.resume();
            }
        }
    }

    /** Needs ACL channel permissions (Redis 6.2 and later); skipped on a server without them. */
    @Test
    void subscribe_refusedByAnAcl_isTheServersError(ManagedServer server) {
        String created = server.execute("ACL", "SETUSER", "nochannels", "on", ">pw", "~*", "+@all", "resetchannels");
        assumeThat(created).as("ACL SETUSER with channel permissions").isEqualTo("+OK");
        try (DragonflyClient client = DragonflyClient.create(
                        ClientOptions.fromUri("redis://nochannels:pw@" + server.host() + ":" + server.port())
                                .toBuilder()
                                .timeout(Duration.ofSeconds(2))
                                .build());
                PubSub pubSub = client.pubSub()) {
            assertThatThrownBy(() -> pubSub.subscribe("ps:forbidden")).isInstanceOf(DragonflyServerException.class);
        }
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void transaction_usedAfterItEnded_orWatchedAfterQueuing_isAnIllegalState(TestServer server) {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            Transaction queuing = client.transaction();
            queuing.set("tx:state", "x");
            assertThatIllegalStateException()
                    .isThrownBy(() -> queuing.watch("tx:state".getBytes(StandardCharsets.UTF_8)))
                    .withMessageContaining("before queuing");
            queuing.discard();

            Transaction ended = client.transaction();
            ended.exec();
            assertThatIllegalStateException().isThrownBy(() -> ended.watch("tx:state"));
            assertThatIllegalStateException()
                    .isThrownBy(() -> ended.watch("tx:state".getBytes(StandardCharsets.UTF_8)));
            assertThatIllegalStateException().isThrownBy(ended::unwatch);
            assertThatIllegalStateException().isThrownBy(ended::discard);
            assertThatIllegalStateException().isThrownBy(ended::exec);
        }
    }

    @Test
    void everyDedicatedConnectionBusy_watchAndBlockingPopsTimeOut_inEveryForm(TestServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(
                options(server).timeout(Duration.ofMillis(300)).build())) {
            List<CompletableFuture<KeyValue<String>>> blocked = new ArrayList<>();
            for (int i = 0; i < DedicatedConnections.DEFAULT_MAX; i++) {
                blocked.add(client.async().blpop(Duration.ofSeconds(10), "tx:busy:" + i));
            }
            byte[] key = "tx:busy:k".getBytes(StandardCharsets.UTF_8);
            Duration block = Duration.ofSeconds(1);
            try (Transaction text = client.transaction();
                    Transaction binary = client.transaction()) {
                assertThatThrownBy(() -> text.watch("tx:busy:k"))
                        .isInstanceOf(DragonflyTimeoutException.class)
                        .hasMessageContaining("dedicated connections");
                assertThatThrownBy(() -> binary.watch(key))
                        .isInstanceOf(DragonflyTimeoutException.class)
                        .hasMessageContaining("dedicated connections");
                assertThatThrownBy(() -> client.blpop(block, key))
                        .isInstanceOf(DragonflyTimeoutException.class)
                        .hasMessageContaining("dedicated connections");
                assertThatThrownBy(() -> client.brpop(block, "tx:busy:k"))
                        .isInstanceOf(DragonflyTimeoutException.class)
                        .hasMessageContaining("dedicated connections");
                assertThatThrownBy(() -> client.brpop(block, key))
                        .isInstanceOf(DragonflyTimeoutException.class)
                        .hasMessageContaining("dedicated connections");
            } finally {
                for (int i = 0; i < blocked.size(); i++) {
                    client.rpush("tx:busy:" + i, "free");
                }
            }
            for (CompletableFuture<KeyValue<String>> pop : blocked) {
                assertThat(pop.get(5, TimeUnit.SECONDS).value()).isEqualTo("free");
            }
        }
    }

    @Test
    void exec_answerLaterThanTheCommandTimeout_timesOut_andFailsEveryFuture(ManagedServer server) {
        try (DragonflyClient client =
                DragonflyClient.create(options(server).poolSize(1).build())) {
            Transaction tx = client.transaction();
            CompletableFuture<Long> incr = tx.incr("tx:paused");
            server.pause();
            try {
                assertThatThrownBy(tx::exec).isInstanceOf(DragonflyTimeoutException.class);
                assertThat(incr).isCompletedExceptionally();
            } finally {
                server.resume();
            }
        }
    }

    @Test
    void exec_onABrokenConnection_throwsAndFailsEveryFuture_andNothingRunsLater(ManagedServer server) {
        try (DragonflyClient client =
                DragonflyClient.create(options(server).poolSize(1).build())) {
            Transaction tx = client.transaction();
            CompletableFuture<Void> set = tx.set("tx:broken", "ran");
            assertThat(server.execute("CLIENT", "KILL", "TYPE", "normal")).startsWith(":");

            assertThatThrownBy(tx::exec)
                    .isInstanceOfSatisfying(
                            DragonflyConnectionException.class, PipelineBrokenConnectionTest::assertMessageMatchesFlag);
            assertThat(set)
                    .failsWithin(0, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DragonflyConnectionException.class);

            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            assertThat(client.get("tx:broken")).isNull();
        }
    }
}
