package org.dragonflyclient.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import org.dragonflyclient.benchmarks.cache.CacheManagerFactory;
import org.dragonflyclient.benchmarks.cache.CacheManagerFactory.OpenedCacheManager;
import org.dragonflyclient.benchmarks.cache.CachedLookup;
import org.dragonflyclient.benchmarks.cache.CachingConfiguration;

/**
 * Workload g: the {@code @Cacheable} hit path, 16 threads calling a cached service through
 * Spring's proxy and {@code CacheInterceptor}: key generation, {@code Cache.get}, the round trip
 * and deserialization of a 100-character value. Ours ({@code DragonflyCacheManager}) against
 * Spring Data Redis's {@code RedisCacheManager} on Lettuce, both from {@link CacheManagerFactory};
 * and ours with the local tier on (hits answered in the JVM) against Spring's
 * {@code CaffeineCacheManager}, a cache with no server at all.
 * Also measured for bytes allocated per operation (workload h).
 *
 * <p>Setup fills the cache and proves the hits: a second pass must not run the service, and
 * teardown fails the run if any measured call missed.
 *
 * <p>Run: {@code benchmarks/run.sh --only CacheHitBenchmark}, or against a server you started
 * yourself: {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar CacheHitBenchmark -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Spring Data Redis's score kept rising for 6 to 10 s (2026-12-01: 42k after 3 s, 96k after 7 s in
// one fork); with a 3 s warm-up its ratio was measured before its JIT had caught up.
// The local tier (dragonfly-local) needs longer still: 2026-12-03, quiet machine, after 10 x 1 s it
// measured 0.8-1.6M ops/s, after 5 x 3 s 2.5-5.7M (results/2026-12-03-near-cache.md).
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(16)
@State(Scope.Benchmark)
public class CacheHitBenchmark {

    private static final int KEYS = 1024;

    /**
     * The table's row compares {@code dragonfly} with {@code spring-data-redis}; the local tier
     * ({@code dragonfly-local}, issue 14) is compared with both and with {@code caffeine}, the
     * JVM-local limit, in {@code results/2026-12-03-near-cache.md}.
     */
    @Param({
        CacheManagerFactory.DRAGONFLY,
        CacheManagerFactory.SPRING_DATA_REDIS,
        CacheManagerFactory.DRAGONFLY_LOCAL,
        CacheManagerFactory.CAFFEINE
    })
    public String cacheManager;

    /**
     * {@code request}: each call runs inside an observed "request", as an HTTP request does with
     * Spring Boot's observability; {@code on}: that, and the cache's client observes each command
     * as Spring Boot wires it ({@code dragonfly.observation.enabled=true}; Lettuce's
     * {@code MicrometerTracing}). The registry's handler is Spring Boot's default, a timer per
     * observation. The report's table compares the {@code off} runs; {@code on} against
     * {@code request} is what observing the commands costs each side.
     */
    @Param({"off", "request", "on"})
    public String observation;

    private ObservationRegistry observations;

    private OpenedCacheManager opened;
    private AnnotationConfigApplicationContext context;
    private CachedLookup lookup;
    private String[] ids;

    /** Where one thread is in its walk over the ids. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex() * 61;
        }
    }

    @Setup
    public void setUp() throws InterruptedException {
        observations = switch (observation) {
            case "off" -> null;
            case "request", "on" -> observedRegistry();
            default -> throw new IllegalArgumentException("observation is off, request or on, not " + observation);
        };
        opened = CacheManagerFactory.open(
                cacheManager, BenchmarkServer.fromEnvironment(), observation.equals("on") ? observations : null);
        context = new AnnotationConfigApplicationContext();
        context.registerBean(CacheManager.class, opened::cacheManager);
        context.register(CachingConfiguration.class);
        context.refresh();
        lookup = context.getBean(CachedLookup.class);
        // invalidate, not clear: Spring Data Redis 4 on Lettuce clears (and writes) asynchronously by default.
        Cache cache = opened.cacheManager().getCache(CachedLookup.CACHE);
        cache.invalidate();

        ids = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            ids[i] = "id-" + i;
        }
        for (String id : ids) {
            check(id, lookup.find(id));
        }
        if (lookup.loads() != KEYS) {
            throw new IllegalStateException("Expected " + KEYS + " misses filling the cache, saw " + lookup.loads()
                    + ": is the service really proxied, and was the cache empty?");
        }
        awaitStored(cache);
        for (String id : ids) {
            check(id, lookup.find(id));
        }
        if (lookup.loads() != KEYS) {
            throw new IllegalStateException(cacheManager + " missed " + (lookup.loads() - KEYS) + " of " + KEYS
                    + " entries just written: the cache does not hold its values");
        }
        System.out.println("# " + opened.description());
    }

    @Benchmark
    public String cacheHit(Cursor cursor) {
        String id = ids[cursor.next++ & (KEYS - 1)];
        if (observations == null) {
            return lookup.find(id);
        }
        return Observation.createNotStarted("request", observations).observe(() -> lookup.find(id));
    }

    /** A registry with the handler Spring Boot registers when only metrics are present. */
    private static ObservationRegistry observedRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        return registry;
    }

    @TearDown
    public void tearDown() throws Exception {
        long misses = lookup.loads() - KEYS;
        context.close();
        opened.connections().close();
        if (misses != 0) {
            throw new IllegalStateException(
                    cacheManager + " missed " + misses + " times during the measurement; the result is not a hit path");
        }
    }

    /** Waits until every entry is readable: a cache may write in the background after a miss. */
    private void awaitStored(Cache cache) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (String id : ids) {
            while (cache.get(id) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(cacheManager + " did not store " + id + " within 10 s of the miss");
                }
                Thread.sleep(1);
            }
        }
    }

    private static void check(String id, String value) {
        if (!CachedLookup.valueOf(id).equals(value)) {
            throw new IllegalStateException("The cache returned " + value + " for " + id);
        }
    }
}
