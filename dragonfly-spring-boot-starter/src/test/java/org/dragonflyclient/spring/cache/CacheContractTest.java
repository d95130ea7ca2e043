package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.Cache.ValueRetrievalException;
import org.springframework.cache.Cache.ValueWrapper;
import org.springframework.cache.interceptor.SimpleKey;

/**
 * The behaviour every Spring {@link Cache} must show, run against {@link DragonflyCache} on a real
 * server and against Spring's {@code ConcurrentMapCache} as the oracle: a test that fails for the
 * oracle is a wrong test, a test that fails for Dragonfly only is a bug.
 */
abstract class CacheContractTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * @param allowNullValues whether the cache stores {@code null}
     * @return a new, empty cache of its own
     */
    protected abstract Cache newCache(boolean allowNullValues);

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void get_missingKey_isNull() {
        Cache cache = newCache(true);

        assertThat(cache.get(key())).isNull();
        assertThat(cache.get(key(), String.class)).isNull();
    }

    @Test
    void put_thenGet_returnsTheValueInAWrapper() {
        Cache cache = newCache(true);
        String key = key();

        cache.put(key, "value");

        assertThat(cache.get(key)).isNotNull().extracting(ValueWrapper::get).isEqualTo("value");
        assertThat(cache.get(key, String.class)).isEqualTo("value");
        assertThat(cache.get(key, (Class<Object>) null)).isEqualTo("value");
    }

    @Test
    void put_replacesThePreviousValue() {
        Cache cache = newCache(true);
        String key = key();

        cache.put(key, "one");
        cache.put(key, "two");

        assertThat(cache.get(key, String.class)).isEqualTo("two");
    }

    @Test
    void valuesOfManyTypes_comeBackEqual() {
        Cache cache = newCache(true);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(key(), 42);
        values.put(key(), 42L);
        values.put(key(), 3.5d);
        values.put(key(), new BigDecimal("10.01"));
        values.put(key(), true);
        values.put(key(), Instant.parse("2024-01-02T03:04:05Z"));
        values.put(key(), List.of("a", "b"));
        values.put(key(), new ArrayList<>(List.of(1L, 2L)));
        values.put(key(), Map.of("x", 1));
        values.put(key(), Set.of("s"));
        values.put(key(), Book.sample("978-1"));
        values.put(key(), List.of(Book.sample("978-2"), Book.sample("978-3")));

        values.forEach(cache::put);

        values.forEach((key, value) -> {
            Object read = cache.get(key, Object.class);
            assertThat(read).as("value of type %s", value.getClass().getName()).isEqualTo(value);
            // Collections must come back as the same kind; JSON cannot keep List.of()'s own class.
            Class<?> kind = value instanceof List
                    ? List.class
                    : value instanceof Set ? Set.class : value instanceof Map ? Map.class : value.getClass();
            assertThat(read).isInstanceOf(kind);
        });
    }

    @Test
    void structuredKeys_findTheirEntries() {
        Cache cache = newCache(true);
        SimpleKey key = new SimpleKey("isbn", 7);

        cache.put(key, "seven");

        assertThat(cache.get(new SimpleKey("isbn", 7), String.class)).isEqualTo("seven");
        assertThat(cache.get(new SimpleKey("isbn", 8))).isNull();
        assertThat(cache.get(42L)).isNull();
    }

    @Test
    void get_withWrongType_throwsIllegalState() {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, "text");

        assertThatIllegalStateException().isThrownBy(() -> cache.get(key, Integer.class));
    }

    @Test
    void null_isCachedWhenAllowed() {
        Cache cache = newCache(true);
        String key = key();

        cache.put(key, null);

        assertThat(cache.get(key)).isNotNull().extracting(ValueWrapper::get).isNull();
        assertThat(cache.get(key, String.class)).isNull();
    }

    @Test
    void null_isRefusedWhenNotAllowed() {
        Cache cache = newCache(false);

        assertThatIllegalArgumentException().isThrownBy(() -> cache.put(key(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> cache.putIfAbsent(key(), null));
    }

    @Test
    void getWithLoader_onAMiss_loadsAndStores() {
        Cache cache = newCache(true);
        String key = key();

        String loaded = cache.get(key, () -> "loaded");

        assertThat(loaded).isEqualTo("loaded");
        assertThat(cache.get(key, String.class)).isEqualTo("loaded");
    }

    @Test
    void getWithLoader_onAHit_doesNotLoad() {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, "present");
        AtomicInteger calls = new AtomicInteger();

        String value = cache.get(key, () -> "loaded-" + calls.incrementAndGet());

        assertThat(value).isEqualTo("present");
        assertThat(calls).hasValue(0);
    }

    @Test
    void getWithLoader_onACachedNull_doesNotLoad() {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, null);

        assertThat(cache.get(key, () -> "loaded")).isNull();
    }

    @Test
    void getWithLoader_whenTheLoaderFails_wrapsItsExceptionAndStoresNothing() {
        Cache cache = newCache(true);
        String key = key();
        IllegalStateException failure = new IllegalStateException("backend down");

        assertThatThrownBy(() -> cache.get(key, () -> {
                    throw failure;
                }))
                .isInstanceOf(ValueRetrievalException.class)
                .hasCause(failure);
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void getWithLoader_returningNull_cachesNullWhenAllowed() {
        Cache cache = newCache(true);
        String key = key();

        assertThat(cache.get(key, () -> (String) null)).isNull();

        assertThat(cache.get(key)).isNotNull().extracting(ValueWrapper::get).isNull();
    }

    @Test
    void getWithLoader_returningNull_isRefusedWhenNullsAreNot() {
        Cache cache = newCache(false);
        String key = key();

        assertThatThrownBy(() -> cache.get(key, () -> null))
                .isInstanceOf(ValueRetrievalException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void getWithLoader_concurrentMisses_loadOnce() throws Exception {
        Cache cache = newCache(true);
        String key = key();
        AtomicInteger calls = new AtomicInteger();
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(key, () -> {
                        calls.incrementAndGet();
                        Thread.sleep(50); // keep the load open while the others arrive
                        return "once";
                    });
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("once");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void putIfAbsent_onAMiss_storesAndReturnsNull() {
        Cache cache = newCache(true);
        String key = key();

        assertThat(cache.putIfAbsent(key, "first")).isNull();

        assertThat(cache.get(key, String.class)).isEqualTo("first");
    }

    @Test
    void putIfAbsent_onAHit_keepsAndReturnsTheExistingValue() {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, "first");

        ValueWrapper existing = cache.putIfAbsent(key, "second");

        assertThat(existing).isNotNull().extracting(ValueWrapper::get).isEqualTo("first");
        assertThat(cache.get(key, String.class)).isEqualTo("first");
    }

    @Test
    void putIfAbsent_onACachedNull_returnsAWrappedNull() {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, null);

        ValueWrapper existing = cache.putIfAbsent(key, "second");

        assertThat(existing).isNotNull().extracting(ValueWrapper::get).isNull();
    }

    @Test
    void evict_removesTheEntry() {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, "value");

        cache.evict(key);
        cache.evict(key());

        assertThat(cache.get(key)).isNull();
    }

    @Test
    void evictIfPresent_tellsWhetherTheEntryExisted() {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, "value");

        assertThat(cache.evictIfPresent(key)).isTrue();
        assertThat(cache.evictIfPresent(key)).isFalse();
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void clear_removesEveryEntry() {
        Cache cache = newCache(true);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = key();
            keys.add(key);
            cache.put(key, i);
        }

        cache.clear();

        keys.forEach(key -> assertThat(cache.get(key)).isNull());
    }

    @Test
    void invalidate_tellsWhetherAnyEntryExisted() {
        Cache cache = newCache(true);
        cache.put(key(), "value");

        assertThat(cache.invalidate()).isTrue();
        assertThat(cache.invalidate()).isFalse();
    }

    @Test
    void retrieve_missingKey_isNullOrAFutureOfNull() throws Exception {
        Cache cache = newCache(true);

        CompletableFuture<?> result = cache.retrieve(key());

        assertThat(result == null ? null : await(result)).isNull();
    }

    @Test
    void retrieve_presentKey_completesWithTheValueInAWrapperWhenNullsAreAllowed() throws Exception {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, "value");

        Object result = await(cache.retrieve(key));

        assertThat(result)
                .isInstanceOf(ValueWrapper.class)
                .extracting(r -> ((ValueWrapper) r).get())
                .isEqualTo("value");
    }

    @Test
    void retrieve_presentKey_completesWithThePlainValueWhenNullsAreNotAllowed() throws Exception {
        Cache cache = newCache(false);
        String key = key();
        cache.put(key, "value");

        assertThat(await(cache.retrieve(key))).isEqualTo("value");
    }

    @Test
    void retrieve_cachedNull_completesWithAWrappedNull() throws Exception {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, null);

        Object result = await(cache.retrieve(key));

        assertThat(result)
                .isInstanceOf(ValueWrapper.class)
                .extracting(r -> ((ValueWrapper) r).get())
                .isNull();
    }

    @Test
    void retrieveWithLoader_onAMiss_loadsAndStores() throws Exception {
        Cache cache = newCache(true);
        String key = key();

        String value = await(cache.retrieve(key, () -> CompletableFuture.completedFuture("loaded")));

        assertThat(value).isEqualTo("loaded");
        assertThat(cache.get(key, String.class)).isEqualTo("loaded");
    }

    @Test
    void retrieveWithLoader_onAHit_doesNotLoad() throws Exception {
        Cache cache = newCache(true);
        String key = key();
        cache.put(key, "present");
        AtomicInteger calls = new AtomicInteger();

        String value = await(
                cache.retrieve(key, () -> CompletableFuture.completedFuture("loaded-" + calls.incrementAndGet())));

        assertThat(value).isEqualTo("present");
        assertThat(calls).hasValue(0);
    }

    @Test
    void retrieveWithLoader_returningNull_completesWithNullAndCachesIt() throws Exception {
        Cache cache = newCache(true);
        String key = key();

        Object value = await(cache.retrieve(key, () -> CompletableFuture.completedFuture(null)));

        assertThat(value).isNull();
        assertThat(cache.get(key)).isNotNull().extracting(ValueWrapper::get).isNull();
    }

    @Test
    void retrieveWithLoader_whenTheLoaderFails_failsAndStoresNothing() {
        Cache cache = newCache(true);
        String key = key();
        IllegalStateException failure = new IllegalStateException("backend down");

        CompletableFuture<Object> result = cache.retrieve(key, () -> CompletableFuture.failedFuture(failure));

        assertThatThrownBy(() -> await(result))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("backend down");
        assertThat(cache.get(key)).isNull();
    }
}
