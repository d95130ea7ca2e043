package org.dragonflyclient.benchmarks.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import redis.clients.jedis.util.JedisClusterCRC16;

import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestClusters;

/**
 * Issue 19's failover scenario: threads {@code INCR} counters spread over every slot's master;
 * after 2 s one master is killed ({@code SIGKILL}); its replica is promoted by the cluster itself
 * (node timeout 2 s); the load goes on for {@code --after-ms}. Each client on a fresh dedicated
 * cluster.
 *
 * <p>Each thread owns its counters, so it knows what every {@code INCR} must answer: one more than
 * the last acknowledged value, plus at most the number of its calls that failed since (their
 * outcome is unknown). A reply below that is a <em>lost acknowledged write</em>, above it a
 * <em>command run twice</em>; the counters are read once more at the end. It reports those, the
 * longest any call waited (bar: the command timeout, 2 s for every client), when the replica
 * called itself master, and for the killed master's keys: how long nothing was served and when
 * every one of them was served again for good (the end of the first call of its final run of
 * successes; bar: 1 s after the promotion).
 *
 * <p>Redis replicates asynchronously: a write acknowledged by the killed master in its last
 * milliseconds may never reach the replica. Such a loss is the server's, the same for every
 * client; the scenario reports it all the same.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dragonflyclient.benchmarks.cluster.FailoverScenario \
 *     [--libraries dragonfly,jedis,lettuce] [--threads 16] [--after-ms 15000] [--out FILE]</pre>
 */
public final class FailoverScenario {

    private static final int KEYS_PER_THREAD = 16;
    private static final long BEFORE_KILL_MILLIS = 2000;

    /** One client's figures. */
    record Result(
            String library,
            String description,
            long calls,
            String failures,
            long lostAcknowledged,
            long ranTwice,
            long longestCallMillis,
            long callsOverTimeout,
            long promotedAfterMillis,
            long victimDarkMillis,
            long servedAgainAfterPromotionMillis,
            int victimSlots) {}

    private FailoverScenario() {}

    public static void main(String[] args) throws Exception {
        ScenarioOptions options = ScenarioOptions.parse(args);
        int threads = options.integer("threads", 16);
        int afterMillis = options.integer("after-ms", 15000);
        List<Result> results = new ArrayList<>();
        String server = "?";
        for (String library : options.libraries()) {
            try (TestCluster cluster = TestClusters.startDedicated()) {
                server = cluster.kind() + " " + cluster.version();
                results.add(run(cluster, library, threads, afterMillis));
                System.out.println(results.get(results.size() - 1));
            }
        }
        options.publish(render(results, threads, afterMillis, server));
        System.exit(0);
    }

    static Result run(TestCluster cluster, String library, int threads, int afterMillis) throws Exception {
        ClusterNode victim = cluster.masters().get(0);
        ClusterNode heir = cluster.replicasOf(victim).get(0);
        Set<Integer> victimSlots = new HashSet<>();
        Counter[] counters;
        Darkness darkness = new Darkness();
        try (ClusterClientUnderTest client = ClusterClientUnderTest.open(library, MigrationScenario.seeds(cluster))) {
            List<Counter> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                for (int k = 0; k < KEYS_PER_THREAD; k++) {
                    String key = "failover:" + library + ":" + t + ":" + k;
                    int slot = JedisClusterCRC16.getSlot(key);
                    boolean onVictim = cluster.masterOf(slot).id().equals(victim.id());
                    if (onVictim) {
                        victimSlots.add(slot);
                    }
                    all.add(new Counter(key.getBytes(StandardCharsets.UTF_8), onVictim, darkness));
                }
            }
            counters = all.toArray(Counter[]::new);

            AtomicBoolean stop = new AtomicBoolean();
            CallStats stats = new CallStats();
            CountDownLatch started = new CountDownLatch(threads);
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread runner =
                        new Thread(() -> loop(client, counters, thread, stats, stop, started), "failover-load-" + t);
                runner.setDaemon(true); // a failure of the main thread ends the program
                runner.start();
                running.add(runner);
            }
            started.await();
            Thread.sleep(BEFORE_KILL_MILLIS);
            long killedAt = System.nanoTime();
            victim.kill();
            long promotedAt = 0;
            long until = killedAt + afterMillis * 1_000_000L;
            while (System.nanoTime() < until) {
                if (promotedAt == 0 && isMaster(heir)) {
                    promotedAt = System.nanoTime();
                }
                Thread.sleep(20);
            }
            stop.set(true);
            for (Thread runner : running) {
                runner.join();
            }
            long lost = 0;
            long twice = 0;
            for (Counter counter : counters) {
                counter.verifyFinal(client);
                lost += counter.lost;
                twice += counter.twice;
            }
            long servedAgain = 0;
            for (Counter counter : counters) {
                if (counter.onVictim) {
                    servedAgain = Math.max(servedAgain, counter.servedForGoodAt());
                }
            }
            return new Result(
                    library,
                    client.describe(),
                    stats.succeeded() + stats.failed(),
                    stats.failuresText(),
                    lost,
                    twice,
                    stats.longestMillis(),
                    stats.overTimeout(),
                    promotedAt == 0 ? -1 : (promotedAt - killedAt) / 1_000_000,
                    darkness.longestMillis(System.nanoTime()),
                    promotedAt == 0 || servedAgain == Long.MAX_VALUE
                            ? -1
                            : Math.max(0, servedAgain - promotedAt) / 1_000_000,
                    victimSlots.size());
        }
    }

    private static boolean isMaster(ClusterNode node) {
        try {
            return node.isMaster();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void loop(
            ClusterClientUnderTest client,
            Counter[] counters,
            int thread,
            CallStats stats,
            AtomicBoolean stop,
            CountDownLatch started) {
        started.countDown();
        for (int n = 0; !stop.get(); n++) {
            Counter counter = counters[thread * KEYS_PER_THREAD + n % KEYS_PER_THREAD];
            long start = System.nanoTime();
            try {
                long value = client.incr(counter.key);
                long end = System.nanoTime();
                stats.succeeded(end - start);
                counter.acknowledged(value, end);
            } catch (RuntimeException e) {
                long end = System.nanoTime();
                stats.failed(e, end - start);
                counter.failed();
            }
        }
    }

    /** The longest time in which no call on the killed master's keys succeeded, whatever the client does meanwhile. */
    private static final class Darkness {
        private final AtomicLong lastServed = new AtomicLong();
        private final LongAccumulator longest = new LongAccumulator(Math::max, 0);

        void served(long at) {
            long previous = lastServed.getAndAccumulate(at, Math::max);
            if (previous != 0 && at > previous) {
                longest.accumulate(at - previous);
            }
        }

        /** @return the longest gap, counting the one still open at {@code now} */
        long longestMillis(long now) {
            return Math.max(longest.get(), now - lastServed.get()) / 1_000_000;
        }
    }

    /** One counter, owned by one thread: what it must hold, and when it was served. */
    private static final class Counter {
        final byte[] key;
        final boolean onVictim;
        final Darkness darkness;
        long confirmed;
        long unknown;
        long lost;
        long twice;

        /** When the current run of successes began; -1 after a failure. */
        long streakStart = -1;

        Counter(byte[] key, boolean onVictim, Darkness darkness) {
            this.key = key;
            this.onVictim = onVictim;
            this.darkness = darkness;
        }

        void acknowledged(long value, long at) {
            check(value, false);
            confirmed = value;
            unknown = 0;
            if (onVictim) {
                darkness.served(at);
            }
            if (streakStart < 0) {
                streakStart = at;
            }
        }

        void failed() {
            unknown++;
            streakStart = -1;
        }

        private void check(long value, boolean finalRead) {
            long low = finalRead ? confirmed : confirmed + 1;
            long high = confirmed + (finalRead ? 0 : 1) + unknown;
            if (value < low) {
                lost++;
                System.err.println(new String(key, StandardCharsets.UTF_8) + " answered " + value
                        + ": an acknowledged write is lost (expected at least " + low + ")");
            } else if (value > high) {
                twice++;
                System.err.println(new String(key, StandardCharsets.UTF_8) + " answered " + value
                        + ": a command ran twice (expected at most " + high + ")");
            }
        }

        void verifyFinal(ClusterClientUnderTest client) {
            byte[] value = client.get(key);
            check(value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII)), true);
        }

        /** @return when the final run of successes began, {@code Long.MAX_VALUE} if the last call failed */
        long servedForGoodAt() {
            return streakStart < 0 ? Long.MAX_VALUE : streakStart;
        }
    }

    static String render(List<Result> results, int threads, int afterMillis, String server) {
        StringBuilder md = new StringBuilder();
        md.append("### Master killed under ").append(threads).append(" threads\n\n");
        md.append("`FailoverScenario` on a fresh dedicated local cluster per client (")
                .append(server)
                .append(", node timeout 2 s): ")
                .append(threads)
                .append(" threads INCR ")
                .append(KEYS_PER_THREAD)
                .append(" counters each over all masters; after ")
                .append(BEFORE_KILL_MILLIS)
                .append(
                        " ms one master is killed (SIGKILL) and its replica promoted by the cluster; the load goes on for ")
                .append(afterMillis)
                .append(" ms. Every client's command timeout is ")
                .append(ClusterClientUnderTest.COMMAND_TIMEOUT.toMillis())
                .append(
                        " ms. \"Served again\" is when the last of the killed master's counters began its final run of successes. Bars: 0 lost acknowledged writes, 0 commands run twice, no call longer than the timeout (5% allowed for timer precision), served again within 1 s of the promotion.\n\n");
        md.append(
                "| client | calls | failed | lost acknowledged writes | INCR run twice | longest call | calls over the timeout | replica promoted after the kill | longest time the killed master's keys were not served | every slot served again, after the promotion | verdict |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            boolean met = r.lostAcknowledged() == 0
                    && r.ranTwice() == 0
                    && r.callsOverTimeout() == 0
                    && r.servedAgainAfterPromotionMillis() >= 0
                    && r.servedAgainAfterPromotionMillis() <= 1000;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %s | %d | %d | %d ms | %d | %s | %s | %s | %s |%n",
                    r.library(),
                    r.calls(),
                    r.failures(),
                    r.lostAcknowledged(),
                    r.ranTwice(),
                    r.longestCallMillis(),
                    r.callsOverTimeout(),
                    millis(r.promotedAfterMillis()),
                    millis(r.victimDarkMillis()),
                    millis(r.servedAgainAfterPromotionMillis()),
                    r.library().equals(ClusterClientUnderTest.DRAGONFLY) ? (met ? "met" : "missed") : "(peer)"));
        }
        md.append('\n');
        for (Result r : results) {
            md.append("- ")
                    .append(r.library())
                    .append(": ")
                    .append(r.description())
                    .append("; ")
                    .append(r.victimSlots())
                    .append(" of the killed master's slots in use\n");
        }
        return md.toString();
    }

    private static String millis(long value) {
        return value < 0 ? "never" : value + " ms";
    }
}
