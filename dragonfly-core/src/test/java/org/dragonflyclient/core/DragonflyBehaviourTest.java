package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.DragonflyMode;
import org.dragonflyclient.test.ScriptedServer;

/**
 * The client against Dragonfly's own behaviour where it differs from Redis, on the test support's
 * scripted Dragonfly ({@link DragonflyMode}): SCAN's empty pages and cursors above 2^63, KEYS cut
 * at 8,192 keys, {@code -ERR Out of memory}, the Lua undeclared-key error and Dragonfly's refusals
 * of {@code CLIENT TRACKING}.
 */
class DragonflyBehaviourTest {

    private static final BigInteger TWO_TO_THE_63 = BigInteger.ONE.shiftLeft(63);

    private final DragonflyMode dragonfly = new DragonflyMode();
    private ScriptedServer server;
    private DragonflyClient client;

    @BeforeEach
    void start() {
        server = ScriptedServer.start(dragonfly);
        client = DragonflyClient.create(options().build());
    }

    private ClientOptions.Builder options() {
        return ClientOptions.fromUri(server.uri()).toBuilder().timeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void fill(String prefix, int count) {
        Pipeline pipeline = client.pipeline();
        for (int i = 0; i < count; i++) {
            pipeline.set(prefix + i, "v" + i);
        }
        pipeline.sync();
    }

    @Test
    void handshake_isResp3_andInfoReportsDragonflysVersion() {
        assertThat(client.protocol()).isEqualTo(Protocol.RESP3);
        assertThat(client.info("server")).contains("dragonfly_version:" + DragonflyMode.VERSION);
        assertThat(dragonfly.capabilities().isDragonfly()).isTrue();
    }

    @Test
    void scanPages_mayBeEmptyWithACursorAbove2To63_andTheScannerWalksThroughThem() {
        fill("scan:", 200);
        client.set("needle:1", "a");
        client.set("needle:2", "b");

        Set<String> found = new HashSet<>();
        int emptyPagesBeforeTheEnd = 0;
        boolean cursorAboveSignedLong = false;
        String cursor = "0";
        ScanPage<String> page;
        do {
            page = client.scan(cursor, ScanArgs.match("needle:*").count(5));
            if (!page.isLast()) {
                emptyPagesBeforeTheEnd += page.keys().isEmpty() ? 1 : 0;
                cursorAboveSignedLong |= new BigInteger(page.cursor()).compareTo(TWO_TO_THE_63) >= 0;
            }
            found.addAll(page.keys());
            cursor = page.cursor();
        } while (!page.isLast());

        assertThat(found).containsExactlyInAnyOrder("needle:1", "needle:2");
        assertThat(emptyPagesBeforeTheEnd)
                .as("empty pages with a non-zero cursor")
                .isPositive();
        assertThat(cursorAboveSignedLong)
                .as("a cursor above 2^63, sent back unchanged")
                .isTrue();

        List<String> scanned = new ArrayList<>();
        client.scan(ScanArgs.match("needle:*").count(5)).forEachRemaining(scanned::add);
        assertThat(scanned).containsExactlyInAnyOrder("needle:1", "needle:2");
        KeyScanner<byte[]> batches =
                client.scanBinary(ScanArgs.match("needle:*").count(5));
        int total = 0;
        for (List<byte[]> batch = batches.nextBatch(); !batch.isEmpty(); batch = batches.nextBatch()) {
            total += batch.size();
        }
        assertThat(total).isEqualTo(2);
    }

    @Test
    void scanOfAnEmptyDatabase_endsAfterItsEmptyPages() {
        KeyScanner<String> scanner = client.scan(ScanArgs.all());
        assertThat(scanner.hasNext()).isFalse();
        assertThat(dragonfly.commandCount("SCAN"))
                .as("one empty page per shard")
                .isGreaterThan(1);
    }

    @Test
    void keys_isCutAt8192_whileScanSeesEveryKey() {
        int count = DragonflyMode.DEFAULT_KEYS_OUTPUT_LIMIT + 500;
        fill("many:", count);

        assertThat(client.execute("KEYS", "many:*").asList()).hasSize(DragonflyMode.DEFAULT_KEYS_OUTPUT_LIMIT);
        Set<String> scanned = new HashSet<>();
        client.scan(ScanArgs.match("many:*").count(1000)).forEachRemaining(scanned::add);
        assertThat(scanned).hasSize(count);
    }

    @Test
    void outOfMemory_writesFailWithTheServersError_readsAndTheConnectionCarryOn() throws Exception {
        client.set("oom:kept", "before");
        dragonfly.outOfMemory(true);

        assertThatThrownBy(() -> client.set("oom:k", "v")).isInstanceOfSatisfying(DragonflyServerException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo("ERR");
            assertThat(e.getServerMessage()).isEqualTo(DragonflyMode.OUT_OF_MEMORY);
            assertThat(e.getMessage()).contains("maxmemory");
        });
        CompletableFuture<Void> async = client.async().set("oom:k", "v");
        assertThatThrownBy(() -> async.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(DragonflyServerException.class)
                .hasMessageContaining("Out of memory");
        assertThat(client.get("oom:kept")).isEqualTo("before");
        assertThat(client.unlink("oom:kept")).isEqualTo(1);

        dragonfly.outOfMemory(false);
        client.set("oom:k", "after");
        assertThat(client.get("oom:k")).isEqualTo("after");
    }

    @Test
    void luaScriptTouchingAnUndeclaredKey_failsWithDragonflysError() {
        client.set("lua:a", "1");

        assertThatThrownBy(() -> client.eval(Script.of("return redis.call('GET', 'lua:a')"), new String[0]))
                .isInstanceOfSatisfying(DragonflyServerException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("ERR");
                    assertThat(e.getServerMessage())
                            .contains(DragonflyMode.UNDECLARED_KEY)
                            .contains("lua:a");
                });
        assertThat(client.eval(Script.of("return redis.call('GET', KEYS[1])"), new String[] {"lua:a"})
                        .asString())
                .isEqualTo("1");
        assertThat(client.eval(
                                Script.of("--!df flags=allow-undeclared-keys\nreturn redis.call('GET', 'lua:a')"),
                                new String[0])
                        .asString())
                .isEqualTo("1");
    }

    @Test
    void clientTracking_refusedOnResp2_andWithBcastOrRedirect() {
        try (DragonflyClient resp2 =
                DragonflyClient.create(options().protocol(Protocol.RESP2).build())) {
            assertThatThrownBy(() -> resp2.execute("CLIENT", "TRACKING", "ON"))
                    .isInstanceOf(DragonflyServerException.class)
                    .hasMessageContaining("Client tracking is currently not supported for RESP2");
            assertThat(resp2.ping()).isEqualTo("PONG");
        }
        assertThatThrownBy(() -> client.execute("CLIENT", "TRACKING", "ON", "BCAST"))
                .isInstanceOf(DragonflyServerException.class)
                .hasMessageContaining("syntax error");
        assertThatThrownBy(() -> client.execute("CLIENT", "TRACKING", "ON", "REDIRECT", "7"))
                .isInstanceOf(DragonflyServerException.class)
                .hasMessageContaining("syntax error");
        assertThat(client.ping()).isEqualTo("PONG");
    }

    @Test
    void tracking_onResp3_deliversInvalidationsAndFlushes_includingOurOwnWrites() throws Exception {
        RecordingTrackingListener heard = new RecordingTrackingListener();
        try (DragonflyClient tracked = DragonflyClient.create(
                options().tracking(true).trackingListener(heard).build())) {
            client.set("tracked:k", "1");
            assertThat(tracked.get("tracked:k")).isEqualTo("1");
            client.set("tracked:k", "2");
            assertThat(heard.next(e -> true)).isEqualTo("invalidated:tracked:k");

            // No NOLOOP (a NOLOOP connection tracks nothing on Dragonfly): our own writes invalidate too.
            assertThat(tracked.get("tracked:k")).isEqualTo("2");
            tracked.set("tracked:k", "3");
            assertThat(heard.next(e -> true)).isEqualTo("invalidated:tracked:k");

            assertThat(tracked.get("tracked:k")).isEqualTo("3");
            client.execute("FLUSHALL");
            assertThat(heard.next(e -> true)).isEqualTo("invalidatedAll");
        }
    }

    @Test
    void tracking_withResp2_isAStartUpErrorBeforeAnythingIsSent() {
        // Dragonfly refuses CLIENT TRACKING on RESP2; the client says so before connecting.
        int accepted = server.connectionsAccepted();
        assertThatThrownBy(() -> DragonflyClient.create(
                        options().protocol(Protocol.RESP2).tracking(true).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracking needs RESP3");
        assertThat(server.connectionsAccepted()).isEqualTo(accepted);
        assertThat(dragonfly.commandCount("CLIENT")).isZero();
    }
}
