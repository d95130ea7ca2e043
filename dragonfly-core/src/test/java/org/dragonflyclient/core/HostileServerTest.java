package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.dragonflyclient.test.ScriptedServer;

/**
 * A scripted server on loopback sends what no well-behaved server would: replies cut off half-way,
 * malformed or hostile bytes, pushes and attributes between replies, replies one byte at a time.
 * The client must answer with a timeout or a protocol error and a closed connection, and must never
 * run out of memory or stack, hang, or hand a reply to the wrong caller.
 */
class HostileServerTest {

    /** Answers HELLO as a RESP3 server would, then runs {@code rest} for every later command. */
    private interface CommandScript {
        void answer(List<String> command, OutputStream out, int connection) throws IOException;
    }

    private static ScriptedServer server(CommandScript script) {
        AtomicInteger connections = new AtomicInteger();
        return ScriptedServer.start((in, out) -> {
            int connection = connections.incrementAndGet();
            for (List<String> command; (command = ScriptedServer.readCommand(in)) != null; ) {
                if (command.get(0).equalsIgnoreCase("HELLO")) {
                    ScriptedServer.write(out, "%1\r\n$6\r\nserver\r\n$8\r\nscripted\r\n");
                } else {
                    script.answer(command, out, connection);
                }
            }
        });
    }

    private static DragonflyClient connect(ScriptedServer server) {
        return DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .poolSize(1)
                .timeout(Duration.ofMillis(300))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100))
                .build());
    }

    @Test
    void replyCutOffHalfWay_timesOut_thenAFreshConnectionServesOwnReplies() {
        try (ScriptedServer server = server((command, out, connection) -> {
                    if (connection == 1) {
                        ScriptedServer.write(out, "$10\r\nhal"); // and never the rest
                    } else {
                        ScriptedServer.write(out, "$" + command.get(1).length() + "\r\n" + command.get(1) + "\r\n");
                    }
                });
                DragonflyClient client = connect(server)) {

            assertThatThrownBy(() -> client.get("first")).isInstanceOf(DragonflyTimeoutException.class);

            // The stuck connection is closed as stale and replaced; every reply then matches its key.
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.get("k")).isEqualTo("k"));
            for (int i = 0; i < 100; i++) {
                assertThat(client.get("key-" + i)).isEqualTo("key-" + i);
            }
            assertThat(server.connectionsAccepted()).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$2147483647\r\n",
                "$-2\r\n",
                "$1x\r\nab\r\n",
                "*-5\r\n",
                "%-1\r\n",
                "?what\r\n",
                ":12ab\r\n",
                ":99999999999999999999999\r\n",
                "$3\r\nabcXY",
                "+OK\rX",
                "#x\r\n",
                ",not-a-double\r\n",
                "$?\r\n",
            })
    void malformedReply_isAProtocolErrorAndClosesTheConnection(String reply) {
        try (ScriptedServer server = server((command, out, connection) -> ScriptedServer.write(out, reply));
                DragonflyClient client = connect(server)) {

            assertThatThrownBy(() -> client.get("k"))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasCauseInstanceOf(DragonflyProtocolException.class)
                    .hasMessageContaining("protocol error");
        }
    }

    @Test
    void tenThousandLevelsOfNesting_isAProtocolErrorNotAStackOverflow() {
        String deep = "*1\r\n".repeat(10_000) + ":1\r\n";
        try (ScriptedServer server = server((command, out, connection) -> ScriptedServer.write(out, deep));
                DragonflyClient client = connect(server)) {

            assertThatThrownBy(() -> client.execute("GET", "k"))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasCauseInstanceOf(DragonflyProtocolException.class)
                    .hasMessageContaining("nesting");
        }
    }

    @Test
    void hugeAnnouncedBulkNeverSent_timesOutWithoutAllocatingIt() {
        // Within the 512 MiB limit, so it is accepted as a header; only the bytes that arrive are stored.
        try (ScriptedServer server = server(
                        (command, out, connection) -> ScriptedServer.write(out, "$536870000\r\nonly a few bytes"));
                DragonflyClient client = connect(server)) {
            long before = usedHeap();

            assertThatThrownBy(() -> client.get("k")).isInstanceOf(DragonflyTimeoutException.class);

            assertThat(usedHeap() - before).isLessThan(256L * 1024 * 1024);
        }
    }

    @Test
    void pushesAndAttributesBetweenPipelinedReplies_neverBreakPairing() {
        try (ScriptedServer server = server((command, out, connection) -> {
                    String key = command.get(1);
                    ScriptedServer.write(
                            out,
                            ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$" + key.length() + "\r\n" + key + "\r\n"
                                    + "|1\r\n+ttl\r\n:100\r\n"
                                    + "$" + key.length() + "\r\n" + key + "\r\n");
                });
                DragonflyClient client = connect(server)) {

            Pipeline pipeline = client.pipeline();
            List<CompletableFuture<String>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                replies.add(pipeline.get("p" + i));
            }
            pipeline.sync();

            for (int i = 0; i < 500; i++) {
                assertThat(replies.get(i)).isCompletedWithValue("p" + i);
            }
            assertThat(client.get("sync")).isEqualTo("sync");
        }
    }

    @Test
    void everyReplyWrittenOneByteAtATime_isDecodedWhole() {
        try (ScriptedServer server = server((command, out, connection) -> {
                    String key = command.get(1);
                    byte[] reply = ("*3\r\n$" + key.length() + "\r\n" + key + "\r\n_\r\n%1\r\n+a\r\n,1.5\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    for (byte b : reply) {
                        out.write(b);
                        out.flush();
                    }
                });
                DragonflyClient client = connect(server)) {

            for (int i = 0; i < 20; i++) {
                Reply reply = client.execute("MGET", "key" + i);
                assertThat(reply.asList()).hasSize(3);
                assertThat(reply.asList().get(0).asString()).isEqualTo("key" + i);
                assertThat(reply.asList().get(1)).isEqualTo(Reply.NULL);
                assertThat(reply.asList().get(2).asList())
                        .containsExactly(new Reply.SimpleString("a"), new Reply.Double(1.5));
            }
        }
    }

    @Test
    void randomGarbage_endsInAValueOrAClearError_neverAnythingElse() throws Exception {
        Random random = new Random(2026);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        String[] valid = {"$3\r\nabc\r\n", "+OK\r\n", ":42\r\n", "*2\r\n$1\r\na\r\n_\r\n", "_\r\n", "%1\r\n+k\r\n+v\r\n"
        };
        int rounds = 0;
        while (System.nanoTime() < end) {
            byte[] reply = valid[random.nextInt(valid.length)].getBytes(StandardCharsets.US_ASCII);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                reply[random.nextInt(reply.length)] = (byte) random.nextInt(256);
            }
            byte[] payload = reply;
            try (ScriptedServer server = server((command, out, connection) -> {
                        out.write(payload);
                        out.flush();
                    });
                    DragonflyClient client = connect(server)) {
                try {
                    client.execute("GET", "k");
                } catch (DragonflyConnectionException | DragonflyTimeoutException | DragonflyServerException expected) {
                    // A clear error is a correct outcome; anything else (an Error, an NPE...) fails the test.
                }
            }
            rounds++;
        }
        assertThat(rounds).isPositive();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
