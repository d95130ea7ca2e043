package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.spring.TestClients;

/**
 * The cross-JVM lease, with two managers on two clients of their own standing for two JVMs: each
 * has its own single-flight registry, so only the lease on the server can make them load once.
 */
class LoadLeaseTest {

    private final String name = "leased-" + UUID.randomUUID();
    private DragonflyClient first;
    private DragonflyClient second;

    @BeforeEach
    void connect() {
        first = DragonflyClient.create(TestClients.server().uri());
        second = DragonflyClient.create(TestClients.server().uri());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private Cache cache(DragonflyClient client, Duration lease) {
        return DragonflyCacheManager.builder(client)
                .distributedLoadLease(lease)
                .build()
                .getCache(name);
    }

    @Test
    void concurrentMissesInTwoJvms_loadOnce() throws Exception {
        Cache[] caches = {cache(first, Duration.ofSeconds(10)), cache(second, Duration.ofSeconds(10))};
        AtomicInteger loads = new AtomicInteger();
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Cache cache = caches[i % 2];
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get("k", () -> {
                        loads.incrementAndGet();
                        Thread.sleep(200); // a slow load: the others must wait for it, not redo it
                        return "loaded";
                    });
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo("loaded");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
        assertThat(first.exists(LoadLease.LEASE_PREFIX + name + "::k"))
                .as("lease given back")
                .isZero();
    }

    @Test
    void aLeaseLeftByACrashedHolder_delaysTheLoadAtMostUntilItExpires() {
        first.set(
                (LoadLease.LEASE_PREFIX + name + "::k").getBytes(StandardCharsets.UTF_8),
                "crashed".getBytes(StandardCharsets.UTF_8),
                SetArgs.px(300));
        AtomicInteger loads = new AtomicInteger();

        String value = cache(second, Duration.ofSeconds(10)).get("k", () -> "loaded-" + loads.incrementAndGet());

        assertThat(value).isEqualTo("loaded-1");
    }

    @Test
    void aFailingLoad_givesTheLeaseBack_soTheNextCallerLoads() {
        Cache cache = cache(first, Duration.ofSeconds(30));

        try {
            cache.get("k", () -> {
                throw new IllegalStateException("backend down");
            });
        } catch (Cache.ValueRetrievalException expected) {
            // the first load fails
        }

        assertThat(cache(second, Duration.ofSeconds(30)).get("k", () -> "second try"))
                .isEqualTo("second try");
    }
}
