package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TcpProxy;
import org.dragonflyclient.test.WithTestServer;

/**
 * Writes have a deadline: a server that stops reading (here a proxy in front of a real server that
 * keeps its connections open but reads nothing more) fills the socket buffers until the client's
 * write blocks in the kernel. Nothing on the writing thread can time that out, and in a pipeline
 * nobody else reads, so before the write deadline the pipeline below waited forever (checked: still
 * blocked after ten minutes; the {@link Timeout} only guards against that hang). Now the connection
 * is closed once a write made no progress for the command timeout, and every command fails with a
 * clear exception.
 */
@WithTestServer
class WriteDeadlineTest {

    private static final int COMMANDS = 16_000;
    /** 128 commands of 4 KiB per group: each write stays under the size at which a reader is woken. */
    private static final byte[] VALUE = new byte[4096];

    @Test
    // A separate thread, since a write blocked in the kernel ignores interrupts.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void serverThatStopsReading_failsTheBlockedPipeline_andAFreshConnectionServesAfterwards(ManagedServer server) {
        try (TcpProxy proxy = TcpProxy.start(server);
                DragonflyClient client = DragonflyClient.create(ClientOptions.fromUri(proxy.uri()).toBuilder()
                        .poolSize(1)
                        .timeout(Duration.ofMillis(500))
                        .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(100))
                        .build())) {
            proxy.stopReading();
            Pipeline pipeline = client.pipeline();
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                // 64 MiB in all, more than the socket buffers can hold (4 MiB to send and at most 32 MiB
                // to receive on the machine this was written on): one of these writes blocks.
                futures.add(pipeline.set(key(i), VALUE));
            }

            DragonflyConnectionException thrown =
                    catchThrowableOfType(pipeline::sync, DragonflyConnectionException.class);

            assertThat(thrown).isNotNull();
            assertThat(thrown.isOutcomeUnknown()).isTrue();
            assertThat(thrown.getMessage())
                    .contains(
                            "of the " + COMMANDS + " commands of the pipeline failed",
                            "a write made no progress for the command timeout (500 ms)");
            assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
            List<Integer> notSent = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                Throwable failure = futures.get(i).handle((value, e) -> e).join();
                assertThat(failure).isInstanceOf(DragonflyConnectionException.class);
                DragonflyConnectionException e = (DragonflyConnectionException) failure;
                PipelineBrokenConnectionTest.assertMessageMatchesFlag(e);
                if (!e.isOutcomeUnknown()) {
                    notSent.add(i);
                }
            }
            // The batch outgrew the buffers: most of it could not even be written.
            assertThat(notSent).isNotEmpty();

            proxy.resumeReading();
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .until(() -> "PONG".equals(client.ping()));
            client.set("wd:after", "fresh");
            assertThat(client.get("wd:after")).isEqualTo("fresh");
            // Nothing reported as not sent ever reaches the server, not even once the proxy reads again.
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> client.exists(notSent.stream().map(i -> key(i)).toArray(byte[][]::new)) == 0);
        }
    }

    private static byte[] key(int i) {
        return ("wd:" + i).getBytes(StandardCharsets.UTF_8);
    }
}
