package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.internal.cluster.SlotHash;
import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestClusters;

/**
 * A master killed ({@code SIGKILL}) under 64 threads of {@code INCR}, on a dedicated cluster; its
 * replica is promoted with {@code CLUSTER FAILOVER FORCE} (the cluster's own failover would take
 * its node timeout longer). Each thread owns its counters, so every reply is checked: one more
 * than the last acknowledged value, plus at most the calls of unknown outcome since. A reply below
 * that is a lost acknowledged write, above it a command run twice; both must be zero, and so must
 * failures that are not a {@link DragonflyException}.
 *
 * <p>The documented bound (README, RELIABILITY.md): the client reaches the new master by itself,
 * without a restart or a call from the application, within 10 s of the promotion. Measured here
 * and printed: about 0.2 s ({@code benchmarks/.../FailoverScenario} measures it against the peers).
 * The bound is a liveness limit for the assertion, not a performance claim.
 *
 * <p>Should "acknowledged INCRs lost" ever fail: Redis replicates asynchronously, so a write the
 * master acknowledged in its last microseconds may never reach the replica, whatever the client
 * (the benchmarks' {@code FailoverScenario} saw it with Jedis). Such a counter is exactly one below
 * its last acknowledged value; a client fault (a reply paired with the wrong command) looks
 * different.
 */
class ClusterFailoverTest {

    private static final int THREADS = 64;
    private static final int KEYS_PER_THREAD = 8;
    /** How long after the promotion the client must serve the new master's slots by itself. */
    private static final Duration REACH_NEW_MASTER = Duration.ofSeconds(10);

    private static TestCluster cluster;

    @BeforeAll
    static void formCluster() {
        cluster = TestClusters.startDedicated();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void masterKilledUnderSixtyFourThreads_replicaPromoted_clientFollows_noLostOrRepeatedIncr() throws Exception {
        ClusterNode victim = cluster.masters().get(0);
        ClusterNode heir = cluster.replicasOf(victim).get(0);
        Duration timeout = Duration.ofSeconds(2);
        try (DragonflyClient client = DragonflyClient.create(ClientOptions.builder()
                .clusterNodes(List.of(cluster.seeds().split(",")))
                .timeout(timeout)
                .build())) {
            List<Counter> counters = new ArrayList<>();
            List<Counter> onVictim = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                for (int k = 0; k < KEYS_PER_THREAD; k++) {
                    Counter counter = new Counter("failover:" + t + ":" + k);
                    counters.add(counter);
                    if (cluster.masterOf(SlotHash.slot(counter.key)).id().equals(victim.id())) {
                        onVictim.add(counter);
                    }
                }
            }
            assertThat(onVictim).as("counters on the master that is killed").isNotEmpty();

            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch running = new CountDownLatch(THREADS);
            AtomicLong longestCall = new AtomicLong();
            List<String> unclean = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<Counter> mine = counters.subList(t * KEYS_PER_THREAD, (t + 1) * KEYS_PER_THREAD);
                Thread thread = new Thread(
                        () -> {
                            running.countDown();
                            for (int n = 0; !stop.get(); n++) {
                                Counter counter = mine.get(n % mine.size());
                                long start = System.nanoTime();
                                try {
                                    counter.acknowledged(client.incr(counter.key));
                                } catch (RuntimeException e) {
                                    counter.unknown++;
                                    if (!(e instanceof DragonflyException)) {
                                        synchronized (unclean) {
                                            unclean.add(e.toString());
                                        }
                                    }
                                }
                                longestCall.accumulateAndGet(System.nanoTime() - start, Math::max);
                            }
                        },
                        "failover-" + t);
                thread.start();
                threads.add(thread);
            }
            running.await();
            Thread.sleep(500);

            victim.kill();
            heir.failover("FORCE");
            long promotedAt = System.nanoTime();
            // Every one of the killed master's counters answers again, through the client alone.
            await().atMost(REACH_NEW_MASTER)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> onVictim.stream().allMatch(c -> c.acknowledgedSince(promotedAt)));
            long reachedAt = System.nanoTime();
            Thread.sleep(300);
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }

            long lost = 0;
            long twice = 0;
            for (Counter counter : counters) {
                String value = client.get(counter.key);
                counter.checkFinal(value == null ? 0 : Long.parseLong(value));
                lost += counter.lost;
                twice += counter.twice;
            }
            assertThat(unclean).as("failures that are not a DragonflyException").isEmpty();
            assertThat(lost).as("acknowledged INCRs lost").isZero();
            assertThat(twice).as("INCRs run twice").isZero();
            assertThat(heir.isMaster()).isTrue();
            System.out.printf(
                    "Failover under %d threads: every counter of the killed master served again within %d ms of"
                            + " the promotion (polled every 10 ms); longest call %d ms (timeout %d ms); measured, not asserted%n",
                    THREADS,
                    Math.max(0, reachedAt - promotedAt) / 1_000_000,
                    longestCall.get() / 1_000_000,
                    timeout.toMillis());
        }
    }

    /** One counter, used by one thread only (its fields need no synchronisation but for the waits). */
    private static final class Counter {
        final String key;
        long confirmed;
        long unknown;
        long lost;
        long twice;
        private volatile long lastAcknowledgedAt;
        private volatile boolean everAcknowledged;

        Counter(String key) {
            this.key = key;
        }

        void acknowledged(long value) {
            if (value < confirmed + 1) {
                lost++;
            } else if (value > confirmed + 1 + unknown) {
                twice++;
            }
            confirmed = value;
            unknown = 0;
            lastAcknowledgedAt = System.nanoTime();
            everAcknowledged = true;
        }

        void checkFinal(long value) {
            if (value < confirmed) {
                lost++;
            } else if (value > confirmed + unknown) {
                twice++;
            }
        }

        boolean acknowledgedSince(long at) {
            return everAcknowledged && lastAcknowledgedAt - at > 0;
        }
    }
}
