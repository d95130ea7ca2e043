package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/** {@code MULTI}/{@code EXEC} and {@code WATCH} through {@link Transaction}, over both protocols. */
@WithTestServer
class TransactionTest {

    private static final Map<Protocol, DragonflyClient> CLIENTS = new EnumMap<>(Protocol.class);

    @BeforeAll
    static void connect(TestServer server) {
        for (Protocol protocol : Protocol.values()) {
            CLIENTS.put(
                    protocol,
                    DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                            .protocol(protocol)
                            .timeout(Duration.ofSeconds(5))
                            .build()));
        }
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(DragonflyClient::close);
    }

    private static String key(TestInfo test, Protocol protocol, String name) {
        return "tx:" + test.getTestMethod().orElseThrow().getName() + ":" + protocol + ":" + name;
    }

    private static Throwable cause(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, failure) -> failure).join();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void exec_completesEveryFutureWithItsUsualType(Protocol protocol, TestInfo test) {
        DragonflyClient client = CLIENTS.get(protocol);
        String k = key(test, protocol, "k");
        String h = key(test, protocol, "h");
        String z = key(test, protocol, "z");

        try (Transaction tx = client.transaction()) {
            CompletableFuture<Void> set = tx.set(k, "1");
            CompletableFuture<Long> incr = tx.incr(k);
            CompletableFuture<String> get = tx.get(k);
            tx.hset(h, "f", "v");
            CompletableFuture<Map<String, String>> hash = tx.hgetall(h);
            tx.zadd(z, 1.5, "m");
            CompletableFuture<List<ScoredValue<String>>> scored = tx.zrangeWithScores(z, 0, -1);
            CompletableFuture<Double> missingScore = tx.zscore(z, "nope");
            CompletableFuture<KeyValue<String>> popped = tx.blpop(Duration.ofSeconds(10), key(test, protocol, "empty"));
            assertThat(tx.size()).isEqualTo(9);
            assertThat(get).isNotDone(); // nothing is sent before exec

            assertThat(tx.exec()).isTrue();

            assertThat(set).isCompleted();
            assertThat(incr).isCompletedWithValue(2L);
            assertThat(get).isCompletedWithValue("2");
            assertThat(hash.join()).containsExactly(Map.entry("f", "v"));
            assertThat(scored.join()).containsExactly(new ScoredValue<>("m", 1.5));
            assertThat(missingScore).isCompletedWithValue(null);
            assertThat(popped).isCompletedWithValue(null); // BLPOP does not block inside MULTI
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void failingCommand_failsOnlyItsFuture_theOthersRun(Protocol protocol, TestInfo test) {
        DragonflyClient client = CLIENTS.get(protocol);
        String text = key(test, protocol, "text");
        String counter = key(test, protocol, "counter");
        client.set(text, "abc");

        Transaction tx = client.transaction();
        CompletableFuture<Long> bad = tx.incr(text);
        CompletableFuture<Long> good = tx.incr(counter);
        assertThat(tx.exec()).isTrue();

        assertThat(cause(bad)).isInstanceOf(DragonflyServerException.class);
        assertThat(good).isCompletedWithValue(1L);
        assertThat(client.get(counter)).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void commandRefusedWhenQueued_abortsEverything(Protocol protocol, TestInfo test) {
        DragonflyClient client = CLIENTS.get(protocol);
        String k = key(test, protocol, "k");

        Transaction tx = client.transaction();
        CompletableFuture<Void> set = tx.set(k, "never");
        CompletableFuture<Reply> unknown = tx.execute("NOSUCHCOMMAND", "x");

        assertThatThrownBy(tx::exec)
                .isInstanceOfSatisfying(
                        DragonflyServerException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("EXECABORT"));
        assertThat(cause(unknown)).isInstanceOf(DragonflyServerException.class).hasMessageContaining("NOSUCHCOMMAND");
        assertThat(cause(set)).isInstanceOf(DragonflyServerException.class).hasMessageContaining("EXECABORT");
        assertThat(client.get(k)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void watchedKeyChangedByAnotherClient_abortsTheTransaction(Protocol protocol, TestInfo test) {
        DragonflyClient client = CLIENTS.get(protocol);
        String balance = key(test, protocol, "balance");
        String log = key(test, protocol, "log");
        client.set(balance, "100");

        try (Transaction tx = client.transaction();
                DragonflyClient other = DragonflyClient.create(client.options())) {
            tx.watch(balance);
            long read = Long.parseLong(client.get(balance));
            other.set(balance, "0");
            CompletableFuture<Void> write = tx.set(balance, Long.toString(read - 10));
            CompletableFuture<Long> logged = tx.rpush(log, "debit");

            assertThat(tx.exec()).isFalse();

            assertThat(cause(write))
                    .isInstanceOf(DragonflyTransactionAbortedException.class)
                    .hasMessageContaining("WATCH");
            assertThat(cause(logged)).isInstanceOf(DragonflyTransactionAbortedException.class);
        }
        assertThat(client.get(balance)).isEqualTo("0");
        assertThat(client.llen(log)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void watchedKeyUnchanged_commits_andUnwatchDropsTheWatch(Protocol protocol, TestInfo test) {
        DragonflyClient client = CLIENTS.get(protocol);
        String k = key(test, protocol, "k");
        client.set(k, "1");

        try (Transaction tx = client.transaction()) {
            tx.watch(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            CompletableFuture<Long> incr = tx.incr(k);
            assertThat(tx.exec()).isTrue();
            assertThat(incr).isCompletedWithValue(2L);
        }
        try (Transaction tx = client.transaction()) {
            tx.watch(k);
            tx.unwatch();
            client.set(k, "10");
            CompletableFuture<Long> incr = tx.incr(k);
            assertThat(tx.exec()).isTrue();
            assertThat(incr).isCompletedWithValue(11L);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void discardAndClose_sendNothing_andEndTheTransaction(Protocol protocol, TestInfo test) {
        DragonflyClient client = CLIENTS.get(protocol);
        String k = key(test, protocol, "k");

        Transaction tx = client.transaction();
        tx.watch(k);
        CompletableFuture<Void> set = tx.set(k, "x");
        tx.discard();

        assertThat(set).isCancelled();
        assertThat(client.get(k)).isNull();
        assertThatIllegalStateException().isThrownBy(() -> tx.get(k)).withMessageContaining("client.transaction()");
        assertThatIllegalStateException().isThrownBy(tx::exec);
        tx.close();

        Transaction closed = client.transaction();
        CompletableFuture<Void> unsent = closed.set(k, "y");
        closed.close();
        assertThat(unsent).isCancelled();
        assertThat(client.get(k)).isNull();

        Transaction late = client.transaction();
        late.set(k, "z");
        assertThatIllegalStateException().isThrownBy(() -> late.watch(k)).withMessageContaining("before queuing");
        late.close();
    }

    @Test
    void concurrentTransactions_neverInterleave(TestServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .poolSize(1)
                .timeout(Duration.ofSeconds(10))
                .build())) {
            String counter = "tx:concurrent:counter";
            client.del(counter);
            List<CompletableFuture<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean transactional = t % 2 == 0;
                workers.add(CompletableFuture.supplyAsync(() -> {
                    int broken = 0;
                    for (int i = 0; i < 300; i++) {
                        if (!transactional) {
                            client.incr(counter);
                            continue;
                        }
                        Transaction tx = client.transaction();
                        CompletableFuture<Long> first = tx.incr(counter);
                        CompletableFuture<Long> second = tx.incr(counter);
                        CompletableFuture<Long> third = tx.incr(counter);
                        tx.exec();
                        if (second.join() != first.join() + 1 || third.join() != second.join() + 1) {
                            broken++;
                        }
                    }
                    return broken;
                }));
            }
            for (CompletableFuture<Integer> worker : workers) {
                assertThat(worker.get(60, TimeUnit.SECONDS)).isZero();
            }
            assertThat(client.get(counter)).isEqualTo(Integer.toString(4 * 300 * 3 + 4 * 300));
        }
    }

    @Test
    void disconnectInsideAWatchedTransaction_failsIt_andNothingIsReplayed(ManagedServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200))
                .build())) {
            client.set("tx:kill:k", "original");
            Transaction tx = client.transaction();
            tx.watch("tx:kill:k");
            CompletableFuture<Void> write = tx.set("tx:kill:k", "changed");

            // Kills the transaction's dedicated connection (and the shared ones, which reconnect).
            server.execute("CLIENT", "KILL", "TYPE", "normal");
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));

            assertThatThrownBy(tx::exec).isInstanceOf(DragonflyConnectionException.class);
            assertThat(write)
                    .failsWithin(0, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DragonflyConnectionException.class);
            // Not run on another connection without its watch, and not later either. (A killed idle
            // shared connection is only noticed when next used, hence the retries.)
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(client.get("tx:kill:k")).isEqualTo("original"));
            assertThatIllegalStateException().isThrownBy(tx::exec);
        }
    }
}
