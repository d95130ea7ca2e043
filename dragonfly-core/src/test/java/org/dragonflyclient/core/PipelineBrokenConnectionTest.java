package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.dragonflyclient.core.internal.client.DefaultPipeline;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Issue 17: a pipeline whose connection is killed ({@code CLIENT KILL TYPE normal}) while the
 * batch is being added, or after it was added and before {@code sync()}, must make {@code sync()}
 * throw, every time, although its futures may all have failed before the caller waits. Checked on
 * a server of its own, with pool sizes 1 and 2, several rounds each: the exception counts the
 * failures as the futures report them, each failed command's message says what its flag says,
 * and the server holds exactly the keys of the commands that succeeded, none of those never sent.
 */
@WithTestServer
class PipelineBrokenConnectionTest {

    private static final int COMMANDS = 2_000;
    private static final int ROUNDS = 3;

    enum Kill {
        WHILE_ADDING,
        BEFORE_SYNC
    }

    @ParameterizedTest(name = "kill {0}, poolSize={1}")
    @CsvSource({"WHILE_ADDING, 1", "WHILE_ADDING, 2", "BEFORE_SYNC, 1", "BEFORE_SYNC, 2"})
    void killedConnection_syncThrowsWithTheCounts_andNothingUnsentRan(Kill kill, int poolSize, ManagedServer server) {
        ClientOptions options = ClientOptions.fromUri(server.uri()).toBuilder()
                .poolSize(poolSize)
                .timeout(Duration.ofSeconds(2))
                .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(100))
                .build();
        try (DragonflyClient client = DragonflyClient.create(options)) {
            for (int round = 0; round < ROUNDS; round++) {
                awaitConnected(client);
                Pipeline pipeline = client.pipeline();
                List<CompletableFuture<Void>> futures = new ArrayList<>();
                for (int i = 0; i < COMMANDS; i++) {
                    futures.add(pipeline.set(key(round, i), "v"));
                    if (kill == Kill.WHILE_ADDING && i == COMMANDS / 2 - 1) {
                        killClients(server);
                    }
                }
                if (kill == Kill.BEFORE_SYNC) {
                    killClients(server);
                }

                DragonflyConnectionException thrown =
                        catchThrowableOfType(pipeline::sync, DragonflyConnectionException.class);

                assertThat(thrown).as("sync() after the kill, round %d", round).isNotNull();
                assertThat(futures).allMatch(CompletableFuture::isDone);
                int mayHaveRun = 0;
                int notSent = 0;
                for (CompletableFuture<Void> future : futures) {
                    if (future.isCompletedExceptionally()) {
                        DragonflyConnectionException e = failure(future);
                        assertMessageMatchesFlag(e);
                        if (e.isOutcomeUnknown()) {
                            mayHaveRun++;
                        } else {
                            notSent++;
                        }
                    }
                }
                // Written after the kill, the rest of the batch cannot have run: at least the commands
                // not yet written when the server closed the connection fail.
                int unwrittenAtKill = kill == Kill.WHILE_ADDING ? COMMANDS / 2 : COMMANDS % DefaultPipeline.WRITE_EVERY;
                assertThat(mayHaveRun + notSent).isGreaterThanOrEqualTo(unwrittenAtKill);
                assertThat(thrown.getMessage())
                        .startsWith((mayHaveRun + notSent) + " of the " + COMMANDS + " commands of the pipeline failed")
                        .contains(mayHaveRun + " may or may not have run", notSent + " were not sent");
                assertThat(thrown.isOutcomeUnknown()).isEqualTo(mayHaveRun > 0);

                awaitConnected(client);
                assertAtMostOnce(client, round, futures);
            }
        }
    }

    /** A succeeded SET's key is there; a SET reported as not sent never ran (every key is new). */
    private static void assertAtMostOnce(DragonflyClient client, int round, List<CompletableFuture<Void>> futures) {
        String[] keys = new String[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            keys[i] = key(round, i);
        }
        List<String> values = client.mget(keys);
        for (int i = 0; i < COMMANDS; i++) {
            CompletableFuture<Void> future = futures.get(i);
            if (!future.isCompletedExceptionally()) {
                assertThat(values.get(i))
                        .as("value of the succeeded SET #%d", i)
                        .isEqualTo("v");
            } else if (!failure(future).isOutcomeUnknown()) {
                assertThat(values.get(i))
                        .as("value of SET #%d, reported as not sent", i)
                        .isNull();
            }
        }
    }

    /** Exactly one statement about the outcome, the one the flag makes. */
    static void assertMessageMatchesFlag(DragonflyConnectionException e) {
        if (e.isOutcomeUnknown()) {
            assertThat(e.getMessage()).contains("may or may not have run").doesNotContain("not sent");
        } else {
            assertThat(e.getMessage()).contains("not sent").doesNotContain("may or may not have run");
        }
    }

    private static DragonflyConnectionException failure(CompletableFuture<?> future) {
        Throwable failure = future.handle((value, e) -> e).join();
        assertThat(failure).isInstanceOf(DragonflyConnectionException.class);
        return (DragonflyConnectionException) failure;
    }

    private static void killClients(ManagedServer server) {
        assertThat(server.execute("CLIENT", "KILL", "TYPE", "normal")).startsWith(":");
    }

    private static void awaitConnected(DragonflyClient client) {
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptionsInstanceOf(DragonflyException.class)
                .until(() -> "PONG".equals(client.ping())
                        && client.openConnections() == client.options().poolSize());
    }

    private static String key(int round, int i) {
        return "batch:" + round + ":" + i;
    }
}
