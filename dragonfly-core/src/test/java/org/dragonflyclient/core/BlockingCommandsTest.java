package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * {@code BLPOP} and {@code BRPOP}: their results, their own timeout, and that they run on
 * dedicated connections, so the shared ones keep serving other callers while they block.
 */
@WithTestServer
class BlockingCommandsTest {

    /**
     * A thread per task, for callers that block: {@code CompletableFuture}'s default pool has one worker on
     * 2 cores, and on Java 25 it queues such tasks behind one another (Java 17 gave each a thread).
     */
    private static final Executor THREAD_PER_TASK = task -> new Thread(task).start();

    private static ClientOptions.Builder options(TestServer server) {
        return ClientOptions.fromUri(server.uri()).toBuilder().timeout(Duration.ofSeconds(2));
    }

    private static boolean serverRunsBlpop(ManagedServer server) {
        return server.execute("CLIENT", "LIST").contains("cmd=blpop");
    }

    @Test
    void blpop_returnsTheKeyAndTheValue_andNullAfterItsTimeout(TestServer server) {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            client.rpush("block:a:2", "second");
            client.rpush("block:a:1", "first");

            assertThat(client.blpop(Duration.ofSeconds(1), "block:a:1", "block:a:2"))
                    .isEqualTo(new KeyValue<>("block:a:1", "first"));
            assertThat(client.brpop(Duration.ofSeconds(1), "block:a:1", "block:a:2"))
                    .isEqualTo(new KeyValue<>("block:a:2", "second"));
            // The server's timeout, not the client's: null, no exception.
            assertThat(client.blpop(Duration.ofMillis(100), "block:a:1")).isNull();
            assertThat(client.brpop(Duration.ofMillis(100), "block:a:1".getBytes(StandardCharsets.UTF_8)))
                    .isNull();
        }
    }

    @Test
    void blpop_longerThanTheCommandTimeout_waitsForItsOwnTimeout(TestServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(
                options(server).timeout(Duration.ofMillis(200)).build())) {
            CompletableFuture<KeyValue<byte[]>> popped = CompletableFuture.supplyAsync(
                    () -> client.blpop(Duration.ofSeconds(5), "block:long".getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> client.execute("CLIENT", "LIST").asString().contains("cmd=blpop"));
            // Well past the 200 ms command timeout, the BLPOP is still waiting, not failed.
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !popped.isDone());

            client.rpush("block:long", "late");

            KeyValue<byte[]> result = popped.get(5, TimeUnit.SECONDS);
            assertThat(result.key()).isEqualTo("block:long".getBytes(StandardCharsets.UTF_8));
            assertThat(result.value()).isEqualTo("late".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void blpopOnOneThread_doesNotDelayGetsOnOthers(ManagedServer server) throws Exception {
        // One shared connection: were BLPOP on it, every GET below would queue behind it.
        try (DragonflyClient client =
                DragonflyClient.create(options(server).poolSize(1).build())) {
            client.set("block:other", "value");
            CompletableFuture<KeyValue<String>> blocked =
                    CompletableFuture.supplyAsync(() -> client.blpop(Duration.ZERO, "block:empty"), THREAD_PER_TASK);
            CompletableFuture<KeyValue<String>> blockedAsync = client.async().brpop(Duration.ZERO, "block:empty2");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.execute("CLIENT", "LIST").split("cmd=b").length == 3);

            List<CompletableFuture<String>> gets = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                gets.add(CompletableFuture.supplyAsync(
                        () -> {
                            String last = null;
                            for (int i = 0; i < 200; i++) {
                                last = client.get("block:other");
                            }
                            return last;
                        },
                        THREAD_PER_TASK));
            }
            for (CompletableFuture<String> get : gets) {
                assertThat(get.get(10, TimeUnit.SECONDS)).isEqualTo("value");
            }
            assertThat(blocked).isNotDone();
            assertThat(blockedAsync).isNotDone();
            assertThat(serverRunsBlpop(server)).isTrue();

            client.lpush("block:empty", "now");
            client.lpush("block:empty2", "too");
            assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(new KeyValue<>("block:empty", "now"));
            assertThat(blockedAsync.get(5, TimeUnit.SECONDS)).isEqualTo(new KeyValue<>("block:empty2", "too"));
            // The dedicated connections came back clean and are reused, not reopened.
            assertThat(client.blpop(Duration.ofMillis(50), "block:empty")).isNull();
        }
    }

    @Test
    void interruptedBlpop_closesItsConnection_soTheServerPopsNothingForIt(ManagedServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    client.blpop(Duration.ZERO, "block:interrupted");
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            waiter.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> serverRunsBlpop(server));

            waiter.interrupt();
            waiter.join(5000);

            assertThat(failure.get())
                    .isInstanceOf(DragonflyInterruptedException.class)
                    .hasMessageContaining("BLPOP");
            await().atMost(Duration.ofSeconds(5)).until(() -> !serverRunsBlpop(server));
            client.rpush("block:interrupted", "kept");
            assertThat(client.lrange("block:interrupted", 0, -1)).containsExactly("kept");
        }
    }

    @Test
    void dedicatedConnectionsAreBounded_andTheNextCallWaitsAtMostTheCommandTimeout(TestServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(
                options(server).timeout(Duration.ofMillis(300)).build())) {
            List<CompletableFuture<KeyValue<String>>> blocked = new ArrayList<>();
            for (int i = 0; i < org.dragonflyclient.core.internal.connection.DedicatedConnections.DEFAULT_MAX; i++) {
                blocked.add(client.async().blpop(Duration.ofSeconds(10), "block:bound:" + i));
            }

            assertThatThrownBy(() -> client.blpop(Duration.ofSeconds(1), "block:bound:extra"))
                    .isInstanceOf(DragonflyTimeoutException.class)
                    .hasMessageContaining("dedicated connections");
            assertThat(client.get("block:bound:0")).isNull(); // the shared connections are free

            for (int i = 0; i < blocked.size(); i++) {
                client.rpush("block:bound:" + i, "v" + i);
            }
            for (int i = 0; i < blocked.size(); i++) {
                assertThat(blocked.get(i).get(5, TimeUnit.SECONDS).value()).isEqualTo("v" + i);
            }
            client.rpush("block:bound:extra", "x");
            assertThat(client.blpop(Duration.ofSeconds(1), "block:bound:extra").value())
                    .isEqualTo("x");
        }
    }

    @Test
    void shortAndFractionalTimeouts_endWithNull_neverBlockForever(TestServer server) throws Exception {
        // Redis 6.2 truncated "0.001" s to 0 ms, its "wait forever"; each of these must come back
        // empty after its own timeout (the client gives up 2 s later and would throw).
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            for (Duration timeout : List.of(
                    Duration.ofNanos(1),
                    Duration.ofNanos(999_999),
                    Duration.ofMillis(1),
                    Duration.ofMillis(2),
                    Duration.ofMillis(7),
                    Duration.ofMillis(1001),
                    Duration.ofSeconds(1))) {
                assertThat(client.blpop(timeout, "block:fraction"))
                        .as("BLPOP with %s on %s", timeout, server.version())
                        .isNull();
            }
            assertThat(client.async()
                            .brpop(Duration.ofMillis(1), "block:fraction")
                            .get(5, TimeUnit.SECONDS))
                    .isNull();
        }
    }

    @Test
    void pipelineRefusesBlockingCommands_andArgumentsAreChecked(TestServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(options(server).build())) {
            // A pipeline does not offer the blocking pops at all: calling one does not compile.
            Pipeline pipeline = client.pipeline();
            assertThat(pipeline).isNotInstanceOf(BlockingListAsyncCommands.class);
            assertThat(client.async()).isInstanceOf(BlockingListAsyncCommands.class);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.blpop(Duration.ofSeconds(-1), "k"))
                    .withMessageContaining("timeout");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.blpop(Duration.ofSeconds(1), new String[0]))
                    .withMessageContaining("at least one key");
            // Below a millisecond rounds up to the server's smallest timeout, never down to "forever".
            assertThat(client.blpop(Duration.ofNanos(1), "block:none")).isNull();
            assertThat(client.async().blpop(Duration.ofMillis(1), "block:none").get(5, TimeUnit.SECONDS))
                    .isNull();
        }
    }
}
