package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.DragonflyMode;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.ScriptedServer;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The race guard against an oracle: reader threads read a few keys through the near cache while a
 * writer sets them to ever larger numbers from another client. For every value read, the oracle
 * knows two bounds, taken around the read:
 * <ul>
 *   <li>at least the last value whose {@code SET} returned <em>and whose invalidation was
 *       delivered</em> before the read began (never a stale value once the invalidation is in);</li>
 *   <li>at most the last value the writer had started to write when the read ended (nothing
 *       from the future, so every value read was current at some moment of the read).</li>
 * </ul>
 * "Delivered" is known without waiting for time: after each {@code SET}, the writer sends
 * {@code PING} through the tracking client, whose one connection is the near cache's. The server
 * queued the invalidation of the {@code SET} on that connection before it ran the {@code PING}, and
 * the client applies a push before it reads the next reply, so once the {@code PING} returned the
 * invalidation has been applied. Without the guard (storing every reply) a reply stored after its
 * key's invalidation stays local for good, since the server then tracks the key no more, and the
 * lower bound breaks within a few hundred rounds.
 */
@WithTestServer
class NearCacheRaceTest {

    private static final int KEYS = 4;
    private static final int ROUNDS = 3_000;
    private static final int READERS = 4;
    private static final int KILL_EVERY = 100;

    @Test
    void readersAndAWriter_neverReadAStaleValueOnceItsInvalidationWasDelivered(TestServer server) throws Exception {
        assumeTrue(
                server.capabilities().hello(), server.capabilities().lacks("RESP3 and CLIENT TRACKING (Redis 6.0+)"));
        runOracle(server.uri(), "near:race:", null);
    }

    @Test
    void dragonflyMode_sameOracle() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(new DragonflyMode())) {
            runOracle(server.uri(), "near:race:df:", null);
        }
    }

    /**
     * The same oracle while every {@value #KILL_EVERY} rounds {@code CLIENT KILL} closes every
     * connection (the tracking one and the writer's): reads and writes may then fail, and a
     * round counts as delivered only if both its {@code SET} and its fence succeeded. A fence
     * that succeeded ran on a connection alive after the {@code SET}: either it tracked the key
     * (the invalidation came first) or the copies of earlier connections were dropped when their
     * loss was reported, which happens before the pool opens the next connection.
     */
    @Test
    void clientKillsDuringTheRace_neverLeaveAStaleValue(ManagedServer server) throws Exception {
        assumeTrue(
                server.capabilities().hello(), server.capabilities().lacks("RESP3 and CLIENT TRACKING (Redis 6.0+)"));
        AtomicLong kills = new AtomicLong();
        NearCacheStats stats = runOracle(server.uri(), "near:race:kill:", () -> {
            server.execute("CLIENT", "KILL", "TYPE", "normal");
            kills.incrementAndGet();
        });
        assertThat(kills.get()).isEqualTo(ROUNDS / KILL_EVERY);
        assertThat(stats.invalidations()).as("losses and invalidations applied").isGreaterThanOrEqualTo(kills.get());
    }

    /**
     * Runs readers against the writer and checks every read against the oracle.
     *
     * @param chaos run every {@value #KILL_EVERY} rounds, or {@code null}: then nothing may fail
     * @return the near cache's counters at the end
     */
    private static NearCacheStats runOracle(String uri, String prefix, Runnable chaos) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(ClientOptions.fromUri(uri).toBuilder()
                        .poolSize(1)
                        .timeout(Duration.ofSeconds(10))
                        .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(100))
                        .tracking(true)
                        .build());
                DragonflyClient writer = DragonflyClient.create(ClientOptions.fromUri(uri).toBuilder()
                        .timeout(Duration.ofSeconds(10))
                        .build())) {
            NearCache near = client.nearCache(NearCacheOptions.defaults());
            String[] keys = new String[KEYS];
            AtomicLongArray started = new AtomicLongArray(KEYS);
            AtomicLongArray delivered = new AtomicLongArray(KEYS);
            for (int k = 0; k < KEYS; k++) {
                keys[k] = prefix + k;
                writer.set(keys[k], "0");
            }
            ConcurrentLinkedQueue<String> found = new ConcurrentLinkedQueue<>();
            AtomicLong reads = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);

            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                boolean async = r % 2 == 1;
                Thread reader = new Thread(() -> {
                    int k = 0;
                    while (done.getCount() > 0 && found.size() < 10) {
                        k = (k + 1) % KEYS;
                        long low = delivered.get(k);
                        String value;
                        try {
                            value = async ? asyncRead(near, keys[k]) : near.get(keys[k]);
                        } catch (RuntimeException e) {
                            if (chaos == null) {
                                throw e;
                            }
                            continue; // a killed connection: this read has no value to check
                        }
                        long high = started.get(k);
                        long read = Long.parseLong(value);
                        reads.incrementAndGet();
                        if (read < low || read > high) {
                            found.add(keys[k] + ": read " + read + ", allowed [" + low + ", " + high + "]");
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            try {
                for (long n = 1; n <= ROUNDS && found.isEmpty(); n++) {
                    int k = (int) (n % KEYS);
                    started.set(k, n);
                    try {
                        writer.set(keys[k], Long.toString(n));
                        client.ping(); // the fence: the SET's invalidation is applied once this returns
                        delivered.set(k, n);
                    } catch (DragonflyException e) {
                        if (chaos == null) {
                            throw e;
                        }
                    }
                    if (chaos != null && n % KILL_EVERY == 0) {
                        chaos.run();
                    }
                }
            } finally {
                done.countDown();
                for (Thread reader : readers) {
                    reader.join();
                }
            }
            NearCacheStats stats = near.stats();

            assertThat(found).as("stale or impossible reads").isEmpty();
            assertThat(reads.get()).as("reads checked").isGreaterThan(ROUNDS);
            assertThat(stats.hits())
                    .as("local hits (the near cache was in play)")
                    .isPositive();
            return stats;
        }
    }

    private static String asyncRead(NearCache near, String key) {
        return new String(near.getAsync(key.getBytes(StandardCharsets.UTF_8)).join(), StandardCharsets.UTF_8);
    }
}
