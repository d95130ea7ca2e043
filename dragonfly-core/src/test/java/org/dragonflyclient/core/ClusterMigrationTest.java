package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A slot moved live under 16 threads of {@code SET}/{@code GET} ({@code CLUSTER SETSLOT ...
 * IMPORTING/MIGRATING}, {@code MIGRATE} in batches of 10 keys, {@code SETSLOT ... NODE}), on a
 * dedicated cluster: every call succeeds or fails with a {@link DragonflyException}, no
 * {@code GET} returns a value its thread did not write, the servers sent {@code ASK} while the
 * slot was migrating and {@code MOVED} after it moved and no caller saw either, and afterwards the
 * client reads every key from its new owner without being redirected. The time from
 * {@code SETSLOT NODE} to the last redirect is printed as a measurement, never asserted
 * ({@code benchmarks/.../MigrationScenario} compares it with the peers').
 */
class ClusterMigrationTest {

    private static final int THREADS = 16;
    private static final int KEYS_IN_SLOT_PER_THREAD = 4;
    private static final int FILLER_KEYS = 300;
    private static final int SLOT = 1000;

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
    void slotMovedUnderSixteenThreads_noWrongValue_askAndMovedFollowed_thenNoMoreRedirects() throws Exception {
        ClusterNode source = cluster.masterOf(SLOT);
        ClusterNode target = cluster.masters().stream()
                .filter(m -> !m.id().equals(source.id()))
                .findFirst()
                .orElseThrow();
        String tag = tagFor(SLOT);
        List<String> slotKeys = new ArrayList<>();
        for (int i = 0; i < FILLER_KEYS; i++) {
            String key = "{" + tag + "}:filler:" + i;
            assertThat(source.execute("SET", key, "filler")).isEqualTo("+OK");
            slotKeys.add(key);
        }

        try (DragonflyClient client = DragonflyClient.create(ClientOptions.builder()
                .clusterNodes(List.of(cluster.seeds().split(",")))
                .timeout(Duration.ofSeconds(5))
                .build())) {
            Worker[] workers = new Worker[THREADS];
            for (int t = 0; t < THREADS; t++) {
                workers[t] = new Worker(client, tag, t);
                slotKeys.addAll(workers[t].slotKeys());
            }
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch running = new CountDownLatch(THREADS);
            List<Thread> threads = new ArrayList<>();
            for (Worker worker : workers) {
                Thread thread = new Thread(() -> worker.loop(stop, running), "migration-" + worker.index);
                thread.start();
                threads.add(thread);
            }
            running.await();
            Thread.sleep(300);
            long[] before = redirects();

            assertThat(target.execute("CLUSTER", "SETSLOT", "" + SLOT, "IMPORTING", source.id()))
                    .isEqualTo("+OK");
            assertThat(source.execute("CLUSTER", "SETSLOT", "" + SLOT, "MIGRATING", target.id()))
                    .isEqualTo("+OK");
            for (int from = 0; from < slotKeys.size(); from += 10) {
                List<String> migrate =
                        new ArrayList<>(List.of("MIGRATE", target.host(), "" + target.port(), "", "0", "5000", "KEYS"));
                migrate.addAll(slotKeys.subList(from, Math.min(slotKeys.size(), from + 10)));
                assertThat(source.execute(migrate.toArray(String[]::new))).isIn("+OK", "+NOKEY");
                Thread.sleep(2);
            }
            long[] migrating = redirects();
            long nodeAt = System.nanoTime();
            for (ClusterNode master : List.of(target, source)) {
                assertThat(master.execute("CLUSTER", "SETSLOT", "" + SLOT, "NODE", target.id()))
                        .isEqualTo("+OK");
            }
            for (ClusterNode master : cluster.masters()) {
                if (!master.id().equals(source.id()) && !master.id().equals(target.id())) {
                    assertThat(master.execute("CLUSTER", "SETSLOT", "" + SLOT, "NODE", target.id()))
                            .isEqualTo("+OK");
                }
            }
            long lastRedirectAt = watchRedirects(Duration.ofSeconds(1));
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            long[] after = redirects();

            long calls = 0;
            long failed = 0;
            for (Worker worker : workers) {
                assertThat(worker.wrong)
                        .as("GETs that returned a value their thread never wrote")
                        .isEmpty();
                assertThat(worker.unclean)
                        .as("failures that are not a DragonflyException, or redirections that reached the caller")
                        .isEmpty();
                calls += worker.calls.get();
                failed += worker.failed.get();
            }
            assertThat(migrating[1] - before[1])
                    .as("ASK replies the servers sent while the slot was migrating")
                    .isPositive();
            assertThat(after[0] - migrating[0])
                    .as("MOVED replies the servers sent once the slot had moved")
                    .isPositive();

            // Settled: every key is read from its new owner without a redirect.
            long[] settled = redirects();
            for (Worker worker : workers) {
                worker.verifyAll();
                assertThat(worker.wrong).isEmpty();
            }
            assertThat(redirects()).as("redirects after the move settled").isEqualTo(settled);
            System.out.printf(
                    "Migration under %d threads: %d calls, %d failed, %d ASK, %d MOVED; last redirect %d ms after"
                            + " SETSLOT NODE (measured every 10 ms, not asserted)%n",
                    THREADS,
                    calls,
                    failed,
                    migrating[1] - before[1],
                    after[0] - migrating[0],
                    Math.max(0, lastRedirectAt - nodeAt) / 1_000_000);
        }
    }

    /** @return {@code [MOVED, ASK]} replies sent by all masters since they started */
    private static long[] redirects() {
        long[] sum = new long[2];
        for (ClusterNode master : cluster.masters()) {
            for (String line : master.execute("INFO", "errorstats").split("\r\n")) {
                if (line.startsWith("errorstat_MOVED:")) {
                    sum[0] += Long.parseLong(line.replaceAll(".*count=(\\d+).*", "$1"));
                } else if (line.startsWith("errorstat_ASK:")) {
                    sum[1] += Long.parseLong(line.replaceAll(".*count=(\\d+).*", "$1"));
                }
            }
        }
        return sum;
    }

    /** Polls the redirect counters every 10 ms for {@code duration}; returns when they last rose. */
    private static long watchRedirects(Duration duration) throws InterruptedException {
        long[] last = redirects();
        long lastChange = System.nanoTime();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() - end < 0) {
            long[] now = redirects();
            if (now[0] != last[0] || now[1] != last[1]) {
                lastChange = System.nanoTime();
                last = now;
            }
            Thread.sleep(10);
        }
        return lastChange;
    }

    private static String tagFor(int slot) {
        for (int i = 0; ; i++) {
            if (SlotHash.slot("m" + i) == slot) {
                return "m" + i;
            }
        }
    }

    /** One thread: SET then GET over its own keys, half in the migrating slot, half elsewhere. */
    private static final class Worker {
        final DragonflyClient client;
        final int index;
        final String[] keys;
        /** Per key, what a GET may return: the last acknowledged value and writes of unknown outcome since. */
        final List<List<String>> allowed = new ArrayList<>();

        final List<String> wrong = new ArrayList<>();
        final List<String> unclean = new ArrayList<>();
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        Worker(DragonflyClient client, String tag, int index) {
            this.client = client;
            this.index = index;
            this.keys = new String[2 * KEYS_IN_SLOT_PER_THREAD];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = k < KEYS_IN_SLOT_PER_THREAD ? "{" + tag + "}:" + index + ":" + k : "other:" + index + ":" + k;
                client.set(keys[k], "initial");
                allowed.add(new ArrayList<>(List.of("initial")));
            }
        }

        List<String> slotKeys() {
            return List.of(keys).subList(0, KEYS_IN_SLOT_PER_THREAD);
        }

        void loop(AtomicBoolean stop, CountDownLatch running) {
            running.countDown();
            for (long n = 0; !stop.get(); n++) {
                int k = (int) ((n >>> 1) % keys.length);
                calls.incrementAndGet();
                if ((n & 1) == 0) {
                    String value = index + ":" + n;
                    try {
                        client.set(keys[k], value);
                        allowed.get(k).clear();
                    } catch (RuntimeException e) {
                        failure(e);
                    }
                    allowed.get(k).add(value);
                } else {
                    verify(k);
                }
            }
        }

        void verifyAll() {
            for (int k = 0; k < keys.length; k++) {
                verify(k);
            }
        }

        private void verify(int k) {
            String value;
            try {
                value = client.get(keys[k]);
            } catch (RuntimeException e) {
                failure(e);
                return;
            }
            if (allowed.get(k).contains(value)) {
                allowed.get(k).clear();
                allowed.get(k).add(value);
            } else {
                wrong.add(keys[k] + " read " + value + ", expected one of " + allowed.get(k));
            }
        }

        private void failure(RuntimeException e) {
            failed.incrementAndGet();
            boolean redirection = e instanceof DragonflyServerException server
                    && (server.getErrorCode().equals("MOVED")
                            || server.getErrorCode().equals("ASK"));
            if (!(e instanceof DragonflyException) || redirection) {
                unclean.add(e.toString());
            }
        }
    }
}
