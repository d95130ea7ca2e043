package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Many threads share one client: every reply must reach the thread that asked for it. Each thread
 * writes and reads its own keys with values that name the thread and the iteration, so a reply
 * handed to the wrong caller shows up as a mismatch.
 */
@WithTestServer
class ConcurrencyTest {

    private static final int THREADS = 64;
    private static final int OPERATIONS = 1500;

    @ParameterizedTest(name = "poolSize={0}")
    @ValueSource(ints = {1, 2, 4})
    void sixtyFourThreads_eachGetsItsOwnReplies(int poolSize, TestServer server) throws Exception {
        ClientOptions options = ClientOptions.fromUri(server.uri()).toBuilder()
                .poolSize(poolSize)
                .timeout(Duration.ofSeconds(10))
                .build();
        AtomicInteger mismatches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (DragonflyClient client = DragonflyClient.create(options)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < OPERATIONS; i++) {
                        String key = "conc:" + poolSize + ":" + thread + ":" + (i % 10);
                        String value = thread + "/" + i;
                        client.set(key, value);
                        if (!value.equals(client.get(key))) {
                            mismatches.incrementAndGet();
                        }
                        if (i % 100 == 0) {
                            // Mix in async and pipelined commands on the same connections.
                            CompletableFuture<String> async = client.async().get(key);
                            Pipeline p = client.pipeline();
                            CompletableFuture<Long> exists = p.exists(key);
                            CompletableFuture<String> echo = p.echo(value);
                            p.sync();
                            if (!value.equals(async.get(10, TimeUnit.SECONDS))
                                    || exists.join() != 1
                                    || !value.equals(echo.join())) {
                                mismatches.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            assertThat(client.inFlightCommands()).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(mismatches).hasValue(0);
    }
}
