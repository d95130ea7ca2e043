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

    @Test
    void readersAndAWriter_neverReadAStaleValueOnceItsInvalidationWasDelivered(TestServer server) throws Exception {
        assumeTrue(
                server.capabilities().hello(), server.capabilities().lacks("RESP3 and CLIENT TRACKING (Redis 6.0+)"));
        runOracle(server.uri(), "near:race:");
    }

    @Test
    void dragonflyMode_sameOracle() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(new DragonflyMode())) {
            runOracle(server.uri(), "near:race:df:");
        }
    }

    private static void runOracle(String uri, String prefix) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(ClientOptions.fromUri(uri).toBuilder()
                        .poolSize(1)
                        .timeout(Duration.ofSeconds(10))
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
            AtomicLong hits = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);

            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                boolean async = r % 2 == 1;
                Thread reader = new Thread(() -> {
                    int k = 0;
                    while (done.getCount() > 0 && found.size() < 10) {
                        k = (k + 1) % KEYS;
                        long low = delivered.get(k);
                        String value = async ? asyncRead(near, keys[k]) : near.get(keys[k]);
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
                    writer.set(keys[k], Long.toString(n));
                    client.ping(); // the fence: the SET's invalidation is applied once this returns
                    delivered.set(k, n);
                }
            } finally {
                done.countDown();
                for (Thread reader : readers) {
                    reader.join();
                }
            }
            hits.set(near.stats().hits());

            assertThat(found).as("stale or impossible reads").isEmpty();
            assertThat(reads.get()).as("reads done").isGreaterThan(ROUNDS);
            assertThat(hits.get()).as("local hits (the near cache was in play)").isPositive();
        }
    }

    private static String asyncRead(NearCache near, String key) {
        return new String(near.getAsync(key.getBytes(StandardCharsets.UTF_8)).join(), StandardCharsets.UTF_8);
    }
}
