package org.dragonflyclient.benchmarks.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestClusters;

/**
 * Issue 19's migration scenario: 16 threads of {@code GET}/{@code SET} while one slot that half of
 * their keys live in is moved from one master to another with {@code CLUSTER SETSLOT ...
 * IMPORTING/MIGRATING}, {@code MIGRATE} in batches of 10 keys, and {@code SETSLOT ... NODE}. Each
 * client in turn, on one dedicated local cluster, each moving another slot.
 *
 * <p>It reports, per client: wrong values (a {@code GET} that returned neither what its thread
 * last wrote nor a write whose outcome the client left unknown; must be 0), failed calls by
 * exception, the {@code ASK} replies the servers sent while the slot was migrating and the
 * {@code MOVED} replies after {@code SETSLOT NODE}, and the time from {@code SETSLOT NODE} until
 * the servers sent their last redirect (read from {@code INFO errorstats} every 10 ms, so to
 * within about 10 ms; bar: 300 ms).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dragonflyclient.benchmarks.cluster.MigrationScenario \
 *     [--libraries dragonfly,jedis,lettuce] [--threads 16] [--after-ms 6000] [--out FILE]</pre>
 */
public final class MigrationScenario {

    private static final int KEYS_IN_SLOT_PER_THREAD = 4;
    private static final int OTHER_KEYS_PER_THREAD = 4;
    private static final int FILLER_KEYS = 1000;
    private static final int MIGRATE_BATCH = 10;
    private static final long POLL_MILLIS = 10;

    /** One client's figures. */
    record Result(
            String library,
            String description,
            long calls,
            String failures,
            long wrongValues,
            long askDuringMigration,
            long movedAfterNode,
            long cleanAfterMillis,
            long migrateMillis) {}

    private MigrationScenario() {}

    public static void main(String[] args) throws Exception {
        ScenarioOptions options = ScenarioOptions.parse(args);
        int threads = options.integer("threads", 16);
        int afterMillis = options.integer("after-ms", 6000);
        List<Result> results = new ArrayList<>();
        String server;
        try (TestCluster cluster = TestClusters.startDedicated()) {
            server = cluster.kind() + " " + cluster.version();
            List<String> libraries = options.libraries();
            for (int run = 0; run < libraries.size(); run++) {
                results.add(run(cluster, libraries.get(run), run, threads, afterMillis));
                System.out.println(results.get(results.size() - 1));
            }
        }
        options.publish(render(results, threads, afterMillis, server));
        System.exit(0);
    }

    static Result run(TestCluster cluster, String library, int run, int threads, int afterMillis) throws Exception {
        List<ClusterNode> masters = cluster.masters();
        int slot = run % 3 * (TestCluster.SLOTS / 3) + 100 + run;
        ClusterNode source = cluster.masterOf(slot);
        ClusterNode target = masters.get((masters.indexOf(source) + 1) % masters.size());
        String tag = NodeAdmin.tagFor(slot);
        String prefix = "migration:" + library + ":";

        List<NodeAdmin> pollers = new ArrayList<>();
        for (ClusterNode master : masters) {
            pollers.add(new NodeAdmin(master));
        }
        try (NodeAdmin sourceAdmin = new NodeAdmin(source);
                NodeAdmin targetAdmin = new NodeAdmin(target);
                ClusterClientUnderTest client = ClusterClientUnderTest.open(library, seeds(cluster))) {
            for (int i = 0; i < FILLER_KEYS; i++) {
                sourceAdmin.set("{" + tag + "}:" + prefix + "filler:" + i, "filler");
            }
            Worker[] workers = new Worker[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Worker(client, prefix, tag, t);
                workers[t].preload();
            }

            AtomicBoolean stop = new AtomicBoolean();
            CallStats stats = new CallStats();
            List<Thread> running = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(threads);
            for (Worker worker : workers) {
                Thread thread = new Thread(() -> worker.loop(stats, stop, started), "migration-load-" + worker.index);
                thread.setDaemon(true); // a failure of the main thread ends the program
                thread.start();
                running.add(thread);
            }
            started.await();
            RedirectPoller poller = new RedirectPoller(pollers);
            Thread pollerThread = new Thread(poller, "migration-redirect-poller");
            pollerThread.setDaemon(true);
            pollerThread.start();
            Thread.sleep(1000);

            long migrateStart = System.nanoTime();
            expectOk(targetAdmin.command("CLUSTER", "SETSLOT", Integer.toString(slot), "IMPORTING", source.id()));
            expectOk(sourceAdmin.command("CLUSTER", "SETSLOT", Integer.toString(slot), "MIGRATING", target.id()));
            long[] atMigrating = poller.totals();
            for (List<String> keys = sourceAdmin.keysInSlot(slot, MIGRATE_BATCH);
                    !keys.isEmpty();
                    keys = sourceAdmin.keysInSlot(slot, MIGRATE_BATCH)) {
                List<String> command = new ArrayList<>(
                        List.of("MIGRATE", target.host(), Integer.toString(target.port()), "", "0", "5000", "KEYS"));
                command.addAll(keys);
                expectOk(sourceAdmin.command(command.toArray(String[]::new)));
                Thread.sleep(5);
            }
            long nodeAt = System.nanoTime();
            long[] atNode = poller.totals();
            expectOk(targetAdmin.command("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", target.id()));
            expectOk(sourceAdmin.command("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", target.id()));
            // Not through the poller's connections: a NodeAdmin belongs to one thread.
            for (ClusterNode other : masters) {
                if (!other.id().equals(source.id()) && !other.id().equals(target.id())) {
                    try (NodeAdmin admin = new NodeAdmin(other)) {
                        expectOk(admin.command("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", target.id()));
                    }
                }
            }
            long migrateMillis = (nodeAt - migrateStart) / 1_000_000;

            Thread.sleep(afterMillis);
            stop.set(true);
            for (Thread thread : running) {
                thread.join();
            }
            poller.stop();
            pollerThread.join();
            long[] end = poller.totals();
            long lastRedirect = poller.lastChangeNanos();
            long wrong = 0;
            for (Worker worker : workers) {
                worker.verify(stats);
                wrong += worker.wrongValues.get();
            }
            return new Result(
                    library,
                    client.describe(),
                    stats.succeeded() + stats.failed(),
                    stats.failuresText(),
                    wrong,
                    atNode[1] - atMigrating[1],
                    end[0] - atNode[0],
                    lastRedirect > nodeAt ? (lastRedirect - nodeAt) / 1_000_000 : 0,
                    migrateMillis);
        } finally {
            for (NodeAdmin admin : pollers) {
                admin.close();
            }
        }
    }

    static ClusterSeeds seeds(TestCluster cluster) {
        return ClusterSeeds.parse(cluster.seeds());
    }

    private static void expectOk(String reply) {
        if (!reply.equals("OK")) {
            throw new IllegalStateException("Expected OK, got " + reply);
        }
    }

    /** One load thread: SET then GET over its own keys, half of them in the migrating slot. */
    private static final class Worker {
        final ClusterClientUnderTest client;
        final int index;
        final byte[][] keys;
        /** Per key, the values a GET may return: the last acknowledged one and any unknown outcomes since. */
        final List<List<String>> candidates = new ArrayList<>();

        final AtomicLong wrongValues = new AtomicLong();
        String firstWrong;

        Worker(ClusterClientUnderTest client, String prefix, String tag, int index) {
            this.client = client;
            this.index = index;
            this.keys = new byte[KEYS_IN_SLOT_PER_THREAD + OTHER_KEYS_PER_THREAD][];
            for (int k = 0; k < keys.length; k++) {
                String key = k < KEYS_IN_SLOT_PER_THREAD
                        ? "{" + tag + "}:" + prefix + index + ":" + k
                        : prefix + "other:" + index + ":" + k;
                keys[k] = key.getBytes(StandardCharsets.UTF_8);
            }
        }

        void preload() {
            for (byte[] key : keys) {
                String value = "initial:" + index;
                client.set(key, value.getBytes(StandardCharsets.UTF_8));
                candidates.add(new ArrayList<>(List.of(value)));
            }
        }

        void loop(CallStats stats, AtomicBoolean stop, CountDownLatch started) {
            started.countDown();
            for (long n = 0; !stop.get(); n++) {
                int k = (int) ((n >>> 1) % keys.length);
                if ((n & 1) == 0) {
                    String value = index + ":" + k + ":" + n;
                    long start = System.nanoTime();
                    try {
                        client.set(keys[k], value.getBytes(StandardCharsets.UTF_8));
                        stats.succeeded(System.nanoTime() - start);
                        candidates.get(k).clear();
                        candidates.get(k).add(value);
                    } catch (RuntimeException e) {
                        stats.failed(e, System.nanoTime() - start);
                        candidates.get(k).add(value);
                    }
                } else {
                    read(k, stats);
                }
            }
        }

        private void read(int k, CallStats stats) {
            long start = System.nanoTime();
            byte[] got;
            try {
                got = client.get(keys[k]);
                stats.succeeded(System.nanoTime() - start);
            } catch (RuntimeException e) {
                stats.failed(e, System.nanoTime() - start);
                return;
            }
            String value = got == null ? null : new String(got, StandardCharsets.UTF_8);
            if (candidates.get(k).contains(value)) {
                candidates.get(k).clear();
                candidates.get(k).add(value);
            } else if (wrongValues.incrementAndGet() == 1) {
                firstWrong = new String(keys[k], StandardCharsets.UTF_8) + " read " + value + ", expected one of "
                        + candidates.get(k);
                System.err.println("Wrong value: " + firstWrong);
            }
        }

        /** Reads every key once more after the load, when nothing moves. */
        void verify(CallStats stats) {
            for (int k = 0; k < keys.length; k++) {
                read(k, stats);
            }
        }
    }

    /** Reads every master's MOVED and ASK counters every 10 ms and remembers when they last rose. */
    static final class RedirectPoller implements Runnable {
        private final List<NodeAdmin> masters;
        private volatile boolean stopped;
        private volatile long[] totals = {0, 0};
        private volatile long lastChangeNanos;

        RedirectPoller(List<NodeAdmin> masters) {
            this.masters = masters;
            this.totals = read();
        }

        private long[] read() {
            long[] sum = {0, 0};
            for (NodeAdmin master : masters) {
                long[] counts = master.redirectsSent();
                sum[0] += counts[0];
                sum[1] += counts[1];
            }
            return sum;
        }

        @Override
        public void run() {
            while (!stopped) {
                long[] now = read();
                if (now[0] != totals[0] || now[1] != totals[1]) {
                    lastChangeNanos = System.nanoTime();
                    totals = now;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** @return {@code [MOVED, ASK]} sent by all masters, as last read */
        long[] totals() {
            return totals.clone();
        }

        long lastChangeNanos() {
            return lastChangeNanos;
        }

        void stop() {
            stopped = true;
        }
    }

    static String render(List<Result> results, int threads, int afterMillis, String server) {
        StringBuilder md = new StringBuilder();
        md.append("### Slot migration under ").append(threads).append(" threads\n\n");
        md.append("`MigrationScenario` on a dedicated local cluster (")
                .append(server)
                .append(", 3 masters, 3 replicas): ")
                .append(threads)
                .append(" threads of SET/GET, half of their keys in one slot that also holds ")
                .append(FILLER_KEYS)
                .append(" other keys; the slot is moved with SETSLOT IMPORTING/MIGRATING, MIGRATE in batches of ")
                .append(MIGRATE_BATCH)
                .append(" keys and SETSLOT NODE, then the load goes on for ")
                .append(afterMillis)
                .append(" ms. Redirects are the servers' own counts (`INFO errorstats`, read every ")
                .append(POLL_MILLIS)
                .append(" ms). Bars: 0 wrong values, no redirect later than 300 ms after SETSLOT NODE.\n\n");
        md.append(
                "| client | calls | failed | wrong values | ASK while migrating | MOVED after SETSLOT NODE | last redirect after SETSLOT NODE | verdict |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            boolean met = r.wrongValues() == 0 && r.cleanAfterMillis() <= 300;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %s | %d | %,d | %,d | %d ms | %s |%n",
                    r.library(),
                    r.calls(),
                    r.failures(),
                    r.wrongValues(),
                    r.askDuringMigration(),
                    r.movedAfterNode(),
                    r.cleanAfterMillis(),
                    r.library().equals(ClusterClientUnderTest.DRAGONFLY) ? (met ? "met" : "missed") : "(peer)"));
        }
        md.append('\n');
        for (Result r : results) {
            md.append("- ")
                    .append(r.library())
                    .append(": ")
                    .append(r.description())
                    .append("; the keys moved in ")
                    .append(r.migrateMillis())
                    .append(" ms\n");
        }
        return md.toString();
    }
}
