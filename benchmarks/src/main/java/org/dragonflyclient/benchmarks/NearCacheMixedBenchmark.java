package org.dragonflyclient.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import org.dragonflyclient.benchmarks.cache.CacheManagerFactory;
import org.dragonflyclient.benchmarks.cache.CacheManagerFactory.OpenedCacheManager;
import org.dragonflyclient.benchmarks.cache.CachedLookup;
import org.dragonflyclient.benchmarks.cache.CachingConfiguration;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.NearCacheStats;
import org.dragonflyclient.core.TrackingListener;
import org.dragonflyclient.spring.cache.DragonflyCache;

/**
 * The local tier under change (issue 14): 16 threads, each operation a {@code @Cacheable} read of
 * a hot set of 1,024 keys (90%) or a write of one of them by another client (10%; each key
 * written by one thread only, so its versions reach the server in order), a second
 * application that updates the cache directly ({@code SET} of the serialized value, as its
 * {@code @CachePut} would). Throughput next to what the reads saw:
 *
 * <ul>
 *   <li>{@code staleReads} must be 0: a read that returned an older version than one whose
 *       {@code SET} had returned and whose invalidation had been delivered before the read began
 *       (the local tier's promise). Without a local tier every read goes to the server, and a read
 *       that begins after a {@code SET} returned must see it.</li>
 *   <li>{@code lateReads}: an older version than one whose {@code SET} had returned, but whose
 *       invalidation was not delivered yet: the coherence delay, visible as a count.</li>
 *   <li>the local hit ratio of the measured iterations, printed after each iteration
 *       ({@code # local tier: ...}).</li>
 * </ul>
 *
 * <p>The writes' invalidations are observed through the client's {@link TrackingListener}, which
 * the core calls after every local tier applied them. Run: {@code benchmarks/run.sh --only
 * NearCacheMixedBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(16)
@State(Scope.Benchmark)
public class NearCacheMixedBenchmark {

    private static final int KEYS = 1024;

    @Param({CacheManagerFactory.DRAGONFLY_LOCAL, CacheManagerFactory.DRAGONFLY, CacheManagerFactory.SPRING_DATA_REDIS})
    public String cacheManager;

    private OpenedCacheManager opened;
    private AnnotationConfigApplicationContext context;
    private CachedLookup lookup;
    private DragonflyClient writer;
    private DragonflyCache localTier;
    private NearCacheStats before;
    private String[] ids;

    /** Per key: the newest version written, the newest whose SET returned, the newest delivered. */
    private final AtomicLongArray written = new AtomicLongArray(KEYS);

    private final AtomicLongArray returned = new AtomicLongArray(KEYS);
    private final AtomicLongArray delivered = new AtomicLongArray(KEYS);
    private final AtomicLong lostTracking = new AtomicLong();

    /**
     * One calling thread: what its reads saw (JMH sums the counters over the threads of each
     * iteration), and which keys it writes. Each key has one writing thread, so that the versions
     * of a key reach the server in the order they were numbered: two threads writing one key
     * could see their {@code SET}s overtake each other, and the older version win.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Reads {
        public long staleReads;
        public long lateReads;
        int writer;
        int writers;

        @Setup
        public void assign(ThreadParams thread) {
            writer = thread.getThreadIndex();
            writers = thread.getThreadCount();
        }

        @Setup(Level.Iteration)
        public void reset() {
            staleReads = 0;
            lateReads = 0;
        }

        /** @return one of the keys this thread writes */
        int keyToWrite(ThreadLocalRandom random) {
            return writer + writers * random.nextInt(KEYS / writers);
        }
    }

    @Setup
    public void setUp() {
        BenchmarkServer server = BenchmarkServer.fromEnvironment();
        boolean local = cacheManager.equals(CacheManagerFactory.DRAGONFLY_LOCAL);
        opened = CacheManagerFactory.open(cacheManager, server, null, local ? new Oracle() : TrackingListener.NONE);
        context = new AnnotationConfigApplicationContext();
        context.registerBean(CacheManager.class, opened::cacheManager);
        context.register(CachingConfiguration.class);
        context.refresh();
        lookup = context.getBean(CachedLookup.class);
        writer = DragonflyClient.create("redis://" + server);
        opened.cacheManager().getCache(CachedLookup.CACHE).invalidate();
        if (local) {
            localTier = (DragonflyCache) opened.cacheManager().getCache(CachedLookup.CACHE);
        }
        ids = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            ids[i] = "id-" + i;
            lookup.find(ids[i]); // version 0, loaded by the service
        }
        System.out.println("# " + opened.description());
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        before = localTier != null ? localTier.localTierStatistics() : null;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (localTier != null) {
            NearCacheStats now = localTier.localTierStatistics();
            long hits = now.hits() - before.hits();
            long misses = now.misses() - before.misses();
            System.out.printf(
                    "# local tier: hit ratio %.4f (%d hits, %d misses), %d invalidations, %d tracking losses%n",
                    hits + misses == 0 ? 0.0 : (double) hits / (hits + misses),
                    hits,
                    misses,
                    now.invalidations() - before.invalidations(),
                    lostTracking.get());
        }
    }

    @Benchmark
    public Object readOrWrite(Reads reads) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextInt(10) == 0) {
            int key = reads.keyToWrite(random);
            long version = written.incrementAndGet(key);
            writer.set(serverKey(key), serialized(VersionedValue.of(ids[key], version)));
            returned.accumulateAndGet(key, version, Math::max);
            return version;
        }
        int key = random.nextInt(KEYS);
        // Without a local tier the server is the only copy: a SET that returned is seen at once.
        long mustSee = localTier != null ? delivered.get(key) : returned.get(key);
        long mayMiss = returned.get(key);
        String value = lookup.find(ids[key]);
        long seen = VersionedValue.version(value);
        if (seen < mustSee) {
            reads.staleReads++;
        } else if (seen < mayMiss) {
            reads.lateReads++;
        }
        return value;
    }

    @TearDown
    public void tearDown() throws Exception {
        context.close();
        writer.close();
        opened.connections().close();
    }

    private static byte[] serverKey(int key) {
        return (CachedLookup.CACHE + "::id-" + key).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes both cache managers store for a {@code String} by default: Java serialization. */
    private static byte[] serialized(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Hears each invalidation after the local tier applied it: every write whose {@code SET} had
     * returned by then is delivered (the server sends a key's invalidation when it is written, and
     * the local copy it drops cannot be replaced by an older version afterwards).
     */
    private final class Oracle implements TrackingListener {

        @Override
        public void invalidated(List<byte[]> keys) {
            for (byte[] key : keys) {
                String name = new String(key, StandardCharsets.UTF_8);
                int at = name.lastIndexOf("::id-");
                if (at >= 0) {
                    int index = Integer.parseInt(name.substring(at + 5));
                    delivered.accumulateAndGet(index, returned.get(index), Math::max);
                }
            }
        }

        @Override
        public void invalidatedAll() {
            for (int i = 0; i < KEYS; i++) {
                delivered.accumulateAndGet(i, returned.get(i), Math::max);
            }
        }

        @Override
        public void trackingLost(DragonflyException reason) {
            lostTracking.incrementAndGet();
            invalidatedAll();
        }
    }

    /** Values of 100 characters that carry their version: {@code id#version#...}; the service's own are version 0. */
    static final class VersionedValue {

        private VersionedValue() {}

        static String of(String id, long version) {
            StringBuilder value = new StringBuilder(100)
                    .append(id)
                    .append('#')
                    .append(version)
                    .append('#');
            while (value.length() < 100) {
                value.append('v');
            }
            return value.toString();
        }

        static long version(String value) {
            int first = value.indexOf('#');
            if (first < 0) {
                return 0;
            }
            return Long.parseLong(value, first + 1, value.indexOf('#', first + 1), 10);
        }
    }
}
