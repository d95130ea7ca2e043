package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache.ValueRetrievalException;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;

/**
 * What the contract cannot see: how entries sit on the server (keys, expiry, markers) and how
 * the cache copes with what it finds there.
 */
class DragonflyCacheTest {

    private final DragonflyClient client = TestClients.shared();

    private DragonflyCache cache(DragonflyCacheSettings settings) {
        return cache("cache-" + UUID.randomUUID(), settings);
    }

    private DragonflyCache cache(String name, DragonflyCacheSettings settings) {
        return (DragonflyCache) DragonflyCacheManager.builder(client)
                .withCache(name, settings)
                .build()
                .getCache(name);
    }

    private static DragonflyCacheSettings jdk() {
        return DragonflyCacheSettings.defaults()
                .withSerializer(CacheValueSerializer.jdk(DragonflyCacheContractTest.ALLOW_TESTS, null));
    }

    @Test
    void keys_arePrefixCacheNameAndKey() {
        String name = "books-" + UUID.randomUUID();
        cache(name, jdk().withKeyPrefix("shop:")).put("978-1", "value");
        cache(name, jdk()).put("978-2", "value");

        assertThat(client.exists("shop:" + name + "::978-1")).isEqualTo(1);
        assertThat(client.exists(name + "::978-2")).isEqualTo(1);
    }

    @Test
    void withoutKeyPrefix_keysAreBare_andClearIsRefused() {
        DragonflyCache cache = cache(jdk().withUseKeyPrefix(false));
        String key = "bare-" + UUID.randomUUID();

        cache.put(key, "value");

        assertThat(client.exists(key)).isEqualTo(1);
        assertThatIllegalStateException().isThrownBy(cache::clear).withMessageContaining("use-key-prefix");
        client.del(key);
    }

    @Test
    void noTimeToLive_storesWithoutExpiry() {
        DragonflyCache cache = cache(jdk());

        cache.put("k", "v");

        assertThat(client.pttl(cache.getName() + "::k")).isEqualTo(-1);
    }

    @Test
    void timeToLive_andJitter_setTheExpiryOfEachWrite() {
        DragonflyCache cache =
                cache(jdk().withTimeToLive(Duration.ofSeconds(60)).withTtlJitter(Duration.ofSeconds(30)));
        List<Long> ttls = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            cache.put("k" + i, i);
            ttls.add(client.pttl(cache.getName() + "::k" + i));
        }
        cache.putIfAbsent("absent", "v");

        assertThat(ttls).allSatisfy(ttl -> assertThat(ttl).isBetween(55_000L, 90_000L));
        assertThat(ttls.stream().distinct().count()).isGreaterThan(1);
        assertThat(client.pttl(cache.getName() + "::absent")).isBetween(55_000L, 90_000L);
    }

    @Test
    void timeToIdle_eachReadExtendsTheEntry() {
        DragonflyCache cache = cache(jdk().withTimeToIdle(Duration.ofSeconds(60)));
        String serverKey = cache.getName() + "::k";
        cache.put("k", "v");
        client.pexpire(serverKey, 2_000);

        assertThat(cache.get("k", String.class)).isEqualTo("v");

        assertThat(client.pttl(serverKey)).isGreaterThan(50_000L);
    }

    @Test
    void entries_expire() {
        DragonflyCache cache = cache(jdk().withTimeToLive(Duration.ofMillis(200)));
        cache.put("k", "v");

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get("k") == null);
    }

    @Test
    void clear_deletesInBatches_andOnlyItsOwnKeys() {
        String name = "glob*[?]-" + UUID.randomUUID();
        DragonflyCache globbed = (DragonflyCache) DragonflyCacheManager.builder(client)
                .clearBatchSize(10)
                .withCache(name, jdk())
                .build()
                .getCache(name);
        DragonflyCache neighbour = cache(name.replace("*[?]", "X[a]"), jdk());
        DragonflyCache prefixOfOther = cache(name + "-longer", jdk());
        for (int i = 0; i < 35; i++) {
            globbed.put("k" + i, i);
        }
        neighbour.put("k", "stays");
        prefixOfOther.put("k", "stays");

        assertThat(globbed.invalidate()).isTrue();

        assertThat(globbed.statistics().removals()).isEqualTo(35);
        assertThat(client.exists(name + "::k0")).isZero();
        assertThat(neighbour.get("k", String.class)).isEqualTo("stays");
        assertThat(prefixOfOther.get("k", String.class)).isEqualTo("stays");
    }

    @Test
    void null_isStoredAsTheMarker_andReadAsAMissByACacheThatNoLongerAllowsIt() {
        String name = "nulls-" + UUID.randomUUID();
        cache(name, jdk()).put("k", null);

        assertThat(client.get((name + "::k").getBytes(StandardCharsets.UTF_8))).isEqualTo(DragonflyCache.NULL_MARKER);
        assertThat(cache(name, jdk().withCacheNullValues(false)).get("k")).isNull();
    }

    @Test
    void nullNotAllowed_theErrorNamesTheFix() {
        DragonflyCache cache = cache(jdk().withCacheNullValues(false));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> cache.put("k", null))
                .withMessageContaining("unless = \"#result == null\"")
                .withMessageContaining("dragonfly.cache.caches." + cache.getName() + ".cache-null-values=true");
    }

    @Test
    void unreadableValue_isAMiss_countedAndThenOverwritten() {
        DragonflyCache cache = cache(jdk());
        client.set(cache.getName() + "::k", "not java serialization");

        assertThat(cache.get("k")).isNull();
        assertThat(cache.get("k", () -> "reloaded")).isEqualTo("reloaded");

        assertThat(cache.get("k", String.class)).isEqualTo("reloaded");
        // get, then get-with-loader's read and its leader's second read before loading
        assertThat(cache.statistics().unreadable()).isEqualTo(3);
        assertThat(cache.statistics().errors()).isZero();
    }

    @Test
    void putIfAbsent_overAnUnreadableValue_replacesIt() {
        DragonflyCache cache = cache(jdk());
        client.set(cache.getName() + "::k", "garbage");

        assertThat(cache.putIfAbsent("k", "fresh")).isNull();

        assertThat(cache.get("k", String.class)).isEqualTo("fresh");
    }

    @Test
    void keysWithoutToString_areRefused_namingTheFix() {
        DragonflyCache cache = cache(jdk());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> cache.get(new Object()))
                .withMessageContaining(cache.getName())
                .withMessageContaining("toString()");
    }

    @Test
    void aCustomKeyConverter_shapesTheKey() {
        DragonflyCache cache = cache(jdk().withKeyConverter(key -> "id-" + key));

        cache.put(7, "seven");

        assertThat(client.exists(cache.getName() + "::id-7")).isEqualTo(1);
    }

    @Test
    void valuesThatCannotBeSerialized_failThePut_namingTheCache() {
        DragonflyCache cache = cache(jdk());

        assertThatThrownBy(() -> cache.put("k", new Object()))
                .hasMessageContaining(cache.getName())
                .hasMessageContaining("Serializable");
    }

    @Test
    void statistics_countEachOperation() {
        DragonflyCache cache = cache(jdk());

        cache.get("a");
        cache.put("a", 1);
        cache.get("a");
        cache.get("a", () -> 2);
        cache.evict("a");
        cache.evict("a");

        CacheStatistics statistics = cache.statistics();
        assertThat(statistics.hits()).isEqualTo(2);
        assertThat(statistics.misses()).isEqualTo(1);
        assertThat(statistics.puts()).isEqualTo(1);
        assertThat(statistics.evictions()).isEqualTo(2);
        assertThat(statistics.removals()).isEqualTo(1);
    }

    @Test
    void aLoaderAskingForItsOwnKey_fails_insteadOfWaitingForItself() {
        DragonflyCache cache = cache(jdk());

        assertThatThrownBy(() -> cache.get("k", () -> cache.get("k", () -> "inner")))
                .isInstanceOf(ValueRetrievalException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasStackTraceContaining("asked for the same key again");
    }

    @Test
    void asyncResults_neverRunOnTheClientsIoThread() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "cache-executor"));
        try {
            String name = "async-" + UUID.randomUUID();
            DragonflyCache cache = (DragonflyCache) DragonflyCacheManager.builder(client)
                    .executor((Executor) executor)
                    .withCache(name, jdk())
                    .build()
                    .getCache(name);
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

            cache.retrieve("k", () -> {
                        threads.add(Thread.currentThread().getName());
                        return java.util.concurrent.CompletableFuture.completedFuture("v");
                    })
                    .get(10, TimeUnit.SECONDS);
            cache.retrieve("k")
                    .thenRun(() -> threads.add(Thread.currentThread().getName()))
                    .get(10, TimeUnit.SECONDS);

            // The caller's thread when the stage had completed already, the executor's otherwise.
            assertThat(threads)
                    .hasSize(2)
                    .allSatisfy(thread -> assertThat(thread).isIn("main", "cache-executor"));
        } finally {
            executor.shutdownNow();
        }
    }
}
