package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Load while the server kills our connections again and again (and restarts once): every call ends
 * in its own correct value or a clear exception, and no write is ever silently repeated.
 */
@WithTestServer
class ChaosTest {

    private static ClientOptions options(ManagedServer server) {
        return ClientOptions.fromUri(server.uri()).toBuilder()
                .poolSize(2)
                .timeout(Duration.ofSeconds(1))
                .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(100))
                .build();
    }

    /** Kills every normal client connection every {@code periodMillis} until stopped. */
    private static Thread killer(ManagedServer server, AtomicBoolean stop, long periodMillis, Runnable midway) {
        Thread thread = new Thread(
                () -> {
                    int round = 0;
                    while (!stop.get()) {
                        try {
                            Thread.sleep(periodMillis);
                            server.execute("CLIENT", "KILL", "TYPE", "normal");
                            if (++round == 10) {
                                midway.run();
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            // The server may be restarting; try again next round.
                        }
                    }
                },
                "killer");
        thread.start();
        return thread;
    }

    @Test
    void sixtyFourThreadsWhileConnectionsAreKilledAndTheServerRestarts_zeroMismatches(ManagedServer server)
            throws Exception {
        AtomicInteger mismatches = new AtomicInteger();
        AtomicLong successes = new AtomicLong();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try (DragonflyClient client = DragonflyClient.create(options(server))) {
            Thread killer = killer(server, stop, 150, server::restart);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    String key = "chaos:" + thread;
                    int lastConfirmed = -1;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                        try {
                            client.set(key, thread + "/" + i);
                            lastConfirmed = i;
                            String value = client.get(key);
                            successes.incrementAndGet();
                            // Null after the restart; else this thread's value, no older than the last
                            // confirmed SET and no newer than the latest one sent.
                            if (value != null && !isOwnValue(value, thread, lastConfirmed, i)) {
                                mismatches.incrementAndGet();
                                System.err.println("Mismatch: thread " + thread + " after SET #" + i
                                        + " (last confirmed #" + lastConfirmed + ") read " + value);
                            }
                        } catch (DragonflyException e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS); // a non-Dragonfly exception would surface here
            }
            stop.set(true);
            killer.join();

            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            await().atMost(Duration.ofSeconds(5)).until(() -> client.inFlightCommands() == 0);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mismatches).hasValue(0);
        assertThat(successes.get()).isPositive();
        assertThat(failures.keySet()).isSubsetOf("DragonflyConnectionException", "DragonflyTimeoutException");
    }

    private static boolean isOwnValue(String value, int thread, int lastConfirmed, int latest) {
        int slash = value.indexOf('/');
        if (slash < 0 || !value.substring(0, slash).equals(Integer.toString(thread))) {
            return false;
        }
        int iteration = Integer.parseInt(value.substring(slash + 1));
        return iteration >= lastConfirmed && iteration <= latest;
    }

    @Test
    void incrAcrossKills_counterMatchesSuccessesPlusAtMostTheUnknownOutcomes(ManagedServer server) throws Exception {
        AtomicLong succeeded = new AtomicLong();
        AtomicLong unknown = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (DragonflyClient client = DragonflyClient.create(options(server))) {
            client.set("chaos:counter", "0");
            Thread killer = killer(server, stop, 100, () -> {});
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                    while (System.nanoTime() < deadline) {
                        try {
                            client.incr("chaos:counter");
                            succeeded.incrementAndGet();
                        } catch (DragonflyConnectionException e) {
                            if (e.isOutcomeUnknown()) {
                                unknown.incrementAndGet();
                            }
                        } catch (DragonflyTimeoutException e) {
                            unknown.incrementAndGet(); // written, maybe executed, reply not seen
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            stop.set(true);
            killer.join();

            long counter = await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .until(() -> Long.parseLong(client.get("chaos:counter")), v -> true);
            assertThat(counter).isBetween(succeeded.get(), succeeded.get() + unknown.get());
            assertThat(succeeded.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void killDuringATenThousandCommandPipeline_everyFutureCompletesWithinTheTimeout(ManagedServer server)
            throws Exception {
        try (DragonflyClient client = DragonflyClient.create(options(server))) {
            for (int round = 0; round < 5; round++) {
                Pipeline pipeline = client.pipeline();
                List<CompletableFuture<Long>> futures = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    futures.add(pipeline.incr("chaos:pipe"));
                }
                Thread kill = new Thread(() -> server.execute("CLIENT", "KILL", "TYPE", "normal"));
                kill.start();
                try {
                    pipeline.sync();
                } catch (DragonflyException e) {
                    // The whole batch may fail: its futures still must all be complete.
                }
                kill.join();

                CompletableFuture.allOf(futures.toArray(new CompletableFuture[0]))
                        .exceptionally(e -> null)
                        .get(5, TimeUnit.SECONDS);
                assertThat(futures).allMatch(CompletableFuture::isDone);
                // Replies that did arrive count up one by one: no reply was handed to another future.
                long previous = 0;
                for (CompletableFuture<Long> f : futures) {
                    if (!f.isCompletedExceptionally()) {
                        assertThat(f.join()).isGreaterThan(previous);
                        previous = f.join();
                    }
                }
                await().atMost(Duration.ofSeconds(10))
                        .ignoreExceptionsInstanceOf(DragonflyException.class)
                        .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            }
        }
    }
}
