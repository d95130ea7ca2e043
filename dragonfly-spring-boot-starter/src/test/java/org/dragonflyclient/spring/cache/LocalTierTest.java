package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache.ValueWrapper;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.NearCacheStats;
import org.dragonflyclient.core.Pipeline;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;

/**
 * The local tier through the Spring cache, on the shared server: reads answered in this JVM,
 * changes by another client seen once their invalidation is delivered, writes from this JVM seen
 * at once, and the bound on what it holds. Values are strings (UTF-8 on the server), so that the
 * other client can write them as a second application would.
 */
class LocalTierTest {

    private static DragonflyClient tracked;
    private final DragonflyClient other = TestClients.shared();
    private DragonflyCacheManager manager;

    @BeforeAll
    static void connect() {
        tracked = DragonflyClient.create(
                ClientOptions.fromUri(TestClients.server().uri()).toBuilder()
                        .tracking(true)
                        .build());
    }

    @AfterAll
    static void close() {
        tracked.close();
    }

    @AfterEach
    void stopLocalTiers() {
        if (manager != null) {
            manager.destroy();
        }
    }

    private DragonflyCache cache(LocalTier tier) {
        String name = "local-" + UUID.randomUUID();
        manager = DragonflyCacheManager.builder(tracked)
                .withCache(
                        name,
                        DragonflyCacheSettings.defaults()
                                .withSerializer(CacheValueSerializer.string())
                                .withLocalTier(tier))
                .build();
        return (DragonflyCache) manager.getCache(name);
    }

    private DragonflyCache cache() {
        return cache(LocalTier.maximumSize(1000));
    }

    private static String serverKey(DragonflyCache cache, String key) {
        return cache.getName() + "::" + key;
    }

    private static NearCacheStats stats(DragonflyCache cache) {
        return cache.localTierStatistics();
    }

    private static Object value(DragonflyCache cache, String key) {
        ValueWrapper wrapper = cache.get(key);
        return wrapper == null ? null : wrapper.get();
    }

    /** The value {@code retrieve(key)} completes with: a wrapper, as this cache stores nulls. */
    private static Object retrieved(DragonflyCache cache, String key) throws Exception {
        return ((ValueWrapper) cache.retrieve(key).get(5, TimeUnit.SECONDS)).get();
    }

    /** Waits until the cache heard of a change after {@code before} invalidations. */
    private static void awaitInvalidation(DragonflyCache cache, long before) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stats(cache).invalidations() > before);
    }

    @Test
    void secondRead_isAnsweredLocally() {
        DragonflyCache cache = cache();
        cache.put("k", "v1");

        assertThat(value(cache, "k")).isEqualTo("v1");
        assertThat(value(cache, "k")).isEqualTo("v1");
        assertThat(value(cache, "k")).isEqualTo("v1");

        assertThat(stats(cache).misses()).isEqualTo(1);
        assertThat(stats(cache).hits()).isEqualTo(2);
        assertThat(cache.localTierSize()).isEqualTo(1);
        assertThat(cache.statistics().hits()).as("every read is a cache hit").isEqualTo(3);
    }

    @Test
    void anotherClientChangesTheKey_theNextReadAfterTheInvalidationReturnsTheNewValue() {
        DragonflyCache cache = cache();
        cache.put("k", "v1");
        value(cache, "k");
        value(cache, "k");
        long before = stats(cache).invalidations();

        other.set(serverKey(cache, "k"), "v2");
        awaitInvalidation(cache, before);

        assertThat(value(cache, "k")).isEqualTo("v2");
        assertThat(value(cache, "k")).isEqualTo("v2");
        assertThat(stats(cache).hits())
                .as("the new value is kept locally again")
                .isEqualTo(2);
    }

    @Test
    void anotherClientDeletesTheKey_theNextReadAfterTheInvalidationIsAMiss() {
        DragonflyCache cache = cache();
        cache.put("k", "v1");
        value(cache, "k");
        long before = stats(cache).invalidations();

        other.del(serverKey(cache, "k"));
        awaitInvalidation(cache, before);

        assertThat(cache.get("k")).isNull();
        assertThat(cache.localTierSize()).isZero();
    }

    @Test
    void theKeyExpiresOnTheServer_theLocalCopyGoesWithIt() {
        DragonflyCache cache = cache();
        cache.put("k", "v1");
        value(cache, "k");
        assertThat(cache.localTierSize()).isEqualTo(1);

        other.pexpire(serverKey(cache, "k"), 50);

        // Gone either way: by the server's invalidation when it expires the key, or by the local
        // deadline, which the near cache took from PTTL at the read and never lets pass.
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get("k") == null);
        assertThat(cache.localTierSize()).isZero();
    }

    @Test
    void localCopy_neverOutlivesTheServerEntry() {
        DragonflyCache cache = cache(LocalTier.maximumSize(1000).withTimeToLive(Duration.ofHours(1)));
        cache.put("k", "v1");
        other.pexpire(serverKey(cache, "k"), 200);
        assertThat(value(cache, "k")).isEqualTo("v1");

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get("k") == null);
        assertThat(other.exists(serverKey(cache, "k"))).isZero();
    }

    @Test
    void put_isVisibleLocallyAndRemotelyWhenItReturns() {
        DragonflyCache cache = cache();
        cache.put("k", "v1");
        value(cache, "k");
        value(cache, "k");

        cache.put("k", "v2");

        assertThat(value(cache, "k")).isEqualTo("v2");
        assertThat(other.get(serverKey(cache, "k"))).isEqualTo("v2");
    }

    @Test
    void putIfAbsent_evictAndEvictIfPresent_dropTheLocalCopyBeforeTheyReturn() {
        DragonflyCache cache = cache();
        cache.put("k", "v1");
        value(cache, "k");

        assertThat(cache.putIfAbsent("k", "ignored").get()).isEqualTo("v1");
        assertThat(value(cache, "k")).isEqualTo("v1");

        cache.evict("k");
        assertThat(cache.get("k")).isNull();

        cache.put("k", "v2");
        value(cache, "k");
        assertThat(cache.evictIfPresent("k")).isTrue();
        assertThat(cache.get("k")).isNull();
        assertThat(cache.localTierSize()).isZero();
    }

    @Test
    void clearAndInvalidate_dropEveryLocalCopyBeforeTheyReturn() {
        DragonflyCache cache = cache();
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, "v" + i);
            value(cache, "k" + i);
        }
        assertThat(cache.localTierSize()).isEqualTo(10);

        cache.clear();

        assertThat(cache.localTierSize()).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(cache.get("k" + i)).isNull();
        }

        cache.put("k0", "again");
        value(cache, "k0");
        assertThat(cache.invalidate()).isTrue();
        assertThat(cache.get("k0")).isNull();
    }

    @Test
    void getWithLoader_loadsOncePerKeyUnderConcurrency_andThenAnswersLocally() throws Exception {
        DragonflyCache cache = cache();
        long invalidations = stats(cache).invalidations();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return cache.get("k", () -> {
                        loads.incrementAndGet();
                        Thread.sleep(50); // keep the flight open while the others arrive
                        return "loaded";
                    });
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(loads).hasValue(1);
        // The loader's write invalidates the key the first miss tracked; on a loaded machine that
        // push can arrive after the next read and drop its copy, so the reads below wait for it.
        awaitInvalidation(cache, invalidations);

        long hits = stats(cache).hits();
        assertThat(cache.get("k", () -> "not called")).isEqualTo("loaded");
        assertThat(cache.get("k", () -> "not called")).isEqualTo("loaded");
        assertThat(stats(cache).hits()).isGreaterThan(hits);
    }

    @Test
    void retrieve_readsThroughTheLocalTier_andSeesChangesLikeGet() throws Exception {
        DragonflyCache cache = cache();
        cache.put("k", "v1");

        assertThat(retrieved(cache, "k")).isEqualTo("v1");
        assertThat(retrieved(cache, "k")).isEqualTo("v1");
        assertThat(stats(cache).hits()).isEqualTo(1);

        long before = stats(cache).invalidations();
        other.set(serverKey(cache, "k"), "v2");
        awaitInvalidation(cache, before);
        assertThat(retrieved(cache, "k")).isEqualTo("v2");

        CompletableFuture<String> loaded = cache.retrieve("absent", () -> CompletableFuture.completedFuture("new"));
        assertThat(loaded.get(5, TimeUnit.SECONDS)).isEqualTo("new");
        assertThat(value(cache, "absent"))
                .as("written through, then read from the server")
                .isEqualTo("new");
    }

    @Test
    void manyDistinctKeys_stayWithinTheMaximumSize() {
        int bound = 1000;
        int keys = 50_000;
        DragonflyCache cache = cache(LocalTier.maximumSize(bound));
        preload(cache, keys, "value");

        for (int i = 0; i < keys; i++) {
            assertThat(value(cache, "k" + i)).isEqualTo("value");
            if (i % 5000 == 0) {
                assertThat(cache.localTierSize()).isLessThanOrEqualTo(bound);
            }
        }

        assertThat(cache.localTierSize()).isLessThanOrEqualTo(bound);
        assertThat(stats(cache).evictions()).isGreaterThanOrEqualTo(keys - bound);
    }

    @Test
    void manyLargeValues_stayWithinTheMaximumWeight() {
        String kilobyte = "x".repeat(1024);
        DragonflyCache cache = cache(LocalTier.maximumWeight(64 * 1024));
        preload(cache, 2000, kilobyte);

        for (int i = 0; i < 2000; i++) {
            assertThat(value(cache, "k" + i)).isEqualTo(kilobyte);
        }

        assertThat(cache.localTierSize())
                .as("64 KiB of 1 KiB values and their keys")
                .isLessThan(64);
        assertThat(stats(cache).evictions()).isGreaterThan(0);
    }

    /** Writes {@code k0..k(n-1)} of the cache from the other client, in one pipeline. */
    private void preload(DragonflyCache cache, int count, String value) {
        Pipeline pipeline = other.pipeline();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            pipeline.set(serverKey(cache, "k" + i).getBytes(StandardCharsets.UTF_8), bytes);
        }
        pipeline.sync();
    }
}
