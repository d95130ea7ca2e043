package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * What a cache does when its server goes away, on a server of its own: fail-open (the default)
 * and fail-fast, with the circuit breaker.
 */
@WithTestServer
class FailureModesTest {

    private ManagedServer server;
    private DragonflyClient client;

    @BeforeEach
    void connect(ManagedServer server) {
        this.server = server;
        this.client = DragonflyClient.create(ClientOptions.builder()
                .uri(server.uri())
                .timeout(Duration.ofMillis(500))
                .connectTimeout(Duration.ofMillis(500))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100))
                .build());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private DragonflyCache cache(boolean failFast, Duration openDuration) {
        return (DragonflyCache) DragonflyCacheManager.builder(client)
                .failFast(failFast)
                .circuitBreakerOpenDuration(openDuration)
                .build()
                .getCache("modes");
    }

    @Test
    void failOpen_everyOperationCarriesOn_andIsCounted() throws Exception {
        DragonflyCache cache = cache(false, Duration.ofMinutes(1));
        cache.put("k", "before");
        server.stop();

        assertThat(cache.get("k")).isNull();
        assertThat(cache.get("k", () -> "computed")).isEqualTo("computed");
        cache.put("k", "during");
        assertThat(cache.putIfAbsent("k", "during")).isNull();
        cache.evict("k");
        assertThat(cache.evictIfPresent("k")).isFalse();
        cache.clear();
        CompletableFuture<?> retrieved = cache.retrieve("k");
        assertThat(retrieved == null ? null : retrieved.get(10, TimeUnit.SECONDS))
                .isNull();
        assertThat(cache.retrieve("k", () -> CompletableFuture.completedFuture("async"))
                        .get(10, TimeUnit.SECONDS))
                .isEqualTo("async");

        CacheStatistics statistics = cache.statistics();
        assertThat(statistics.errors())
                .as("the failure that opened the breaker")
                .isEqualTo(1);
        assertThat(statistics.rejections()).as("everything after it, skipped").isGreaterThanOrEqualTo(9);
        assertThat(statistics.misses()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void failOpen_recoversOnceTheServerIsBack() {
        DragonflyCache cache = cache(false, Duration.ofMillis(200));
        server.stop();
        assertThat(cache.get("k")).isNull();

        server.start();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    cache.put("k", "after");
                    assertThat(cache.get("k", String.class)).isEqualTo("after");
                });
    }

    @Test
    void withoutTheCircuitBreaker_eachOperationTriesTheServer() {
        DragonflyCache cache = cache(false, Duration.ZERO);
        server.stop();

        cache.get("a");
        cache.get("b");
        cache.put("c", "v");

        assertThat(cache.statistics().errors()).isEqualTo(3);
        assertThat(cache.statistics().rejections()).isZero();
    }

    @Test
    void failFast_throws_thenTheOpenBreakerThrowsWithoutTouchingTheServer() {
        DragonflyCache cache = cache(true, Duration.ofMinutes(1));
        server.stop();

        assertThatExceptionOfType(DragonflyException.class).isThrownBy(() -> cache.get("k"));
        assertThatExceptionOfType(DragonflyConnectionException.class)
                .isThrownBy(() -> cache.put("k", "v"))
                .withMessageContaining("skipped");
        assertThatExceptionOfType(DragonflyConnectionException.class).isThrownBy(() -> cache.evict("k"));
        assertThat(cache.statistics().errors()).isEqualTo(1);
        assertThat(cache.statistics().rejections()).isEqualTo(2);
    }

    @Test
    void aPausedServer_costsOneTimeout_thenCallsAreSkipped() {
        DragonflyCache cache = cache(false, Duration.ofMinutes(1));
        cache.put("k", "v");
        server.pause();
        try {
            assertThat(cache.get("k")).isNull();
            cache.put("k", "w");
            assertThat(cache.get("k")).isNull();

            assertThat(cache.statistics().errors()).isEqualTo(1);
            assertThat(cache.statistics().rejections()).isEqualTo(2);
        } finally {
            server.resume();
        }
    }
}
