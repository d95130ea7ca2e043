package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/** The asynchronous API and explicit pipelines against a real server. */
@WithTestServer
class AsyncAndPipelineTest {

    private static DragonflyClient client;

    @BeforeAll
    static void connect(TestServer server) {
        client = DragonflyClient.create(server.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void async_commandsCompleteWithTheirReplies() throws Exception {
        DragonflyAsyncCommands async = client.async();

        async.set("async:a", "1").get(5, TimeUnit.SECONDS);
        CompletableFuture<Long> incr = async.incr("async:a");
        CompletableFuture<String> get = async.get("async:a");
        CompletableFuture<byte[]> missing = async.get("async:missing".getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Boolean> nx = async.set("async:a", "x", SetArgs.ifAbsent());

        assertThat(incr.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(get.get(5, TimeUnit.SECONDS)).isEqualTo("2");
        assertThat(missing.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(nx.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void async_commandsFromOneThreadRunInOrder() throws Exception {
        DragonflyAsyncCommands async = client.async();
        async.del("async:order");
        List<CompletableFuture<Long>> results = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            results.add(async.incr("async:order"));
        }

        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i + 1);
        }
    }

    @Test
    void async_serverErrorFailsOnlyItsFuture() throws Exception {
        client.set("async:text", "abc");

        CompletableFuture<Long> bad = client.async().incr("async:text");
        CompletableFuture<String> good = client.async().get("async:text");

        assertThat(bad)
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(DragonflyServerException.class);
        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("abc");
    }

    @Test
    void async_largeValueArrivingOverManyReadsCompletes() throws Exception {
        byte[] big = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(big);
        byte[] key = "async:big".getBytes(StandardCharsets.UTF_8);
        client.set(key, big);

        // Only the background reader serves an async command: it must keep reading while the
        // reply is half-read even though no other command is queued.
        for (int i = 0; i < 3; i++) {
            assertThat(client.async().get(key).get(10, TimeUnit.SECONDS)).isEqualTo(big);
        }
        client.del(key);
    }

    @Test
    void pipeline_sendsManyCommandsAndCompletesEveryFuture() {
        List<CompletableFuture<String>> gets = new ArrayList<>();
        try (Pipeline pipeline = client.pipeline()) {
            for (int i = 0; i < 1000; i++) {
                pipeline.set("pipe:" + i, "value-" + i);
            }
            for (int i = 0; i < 1000; i++) {
                gets.add(pipeline.get("pipe:" + i));
            }
            assertThat(pipeline.size()).isEqualTo(2000);
            pipeline.sync();
            assertThat(pipeline.size()).isZero();
        }

        for (int i = 0; i < 1000; i++) {
            assertThat(gets.get(i)).isCompletedWithValue("value-" + i);
        }
    }

    @Test
    void pipeline_failedCommandDoesNotStopTheOthers() {
        client.set("pipe:text", "abc");
        Pipeline pipeline = client.pipeline();
        CompletableFuture<Long> bad = pipeline.incr("pipe:text");
        CompletableFuture<String> after = pipeline.get("pipe:text");
        CompletableFuture<Long> badLast = pipeline.incr("pipe:text");

        pipeline.sync();

        assertThat(bad).isCompletedExceptionally();
        assertThat(after).isCompletedWithValue("abc");
        assertThat(badLast).isCompletedExceptionally();
    }

    @Test
    void pipeline_badArgumentFailsAtItsCallAndNothingIsSent() {
        Pipeline pipeline = client.pipeline();
        pipeline.set("pipe:ok", "1");

        assertThatIllegalArgumentException().isThrownBy(() -> pipeline.mset("odd"));
        pipeline.sync();

        assertThat(client.get("pipe:ok")).isEqualTo("1");
    }

    @Test
    void pipeline_isReusableAfterSync() {
        Pipeline pipeline = client.pipeline();
        pipeline.set("pipe:reuse", "1");
        pipeline.sync();
        CompletableFuture<String> value = pipeline.get("pipe:reuse");
        pipeline.sync();

        assertThat(value).isCompletedWithValue("1");
        pipeline.sync();
    }
}
