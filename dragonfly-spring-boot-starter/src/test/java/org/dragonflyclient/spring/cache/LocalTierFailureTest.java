package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache.ValueWrapper;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The local tier when tracking is lost, on a server of its own: a killed connection, a stopped
 * server, a flush. Each empties the local tier, and nothing read before is served afterwards:
 * fail-open stays a miss, never a copy nobody can invalidate any more.
 */
@WithTestServer
class LocalTierFailureTest {

    private ManagedServer server;
    private DragonflyClient tracked;
    private DragonflyClient other;
    private DragonflyCacheManager manager;
    private DragonflyCache cache;

    @BeforeEach
    void connect(ManagedServer server) {
        this.server = server;
        this.tracked = DragonflyClient.create(ClientOptions.builder()
                .uri(server.uri())
                .tracking(true)
                .timeout(Duration.ofMillis(500))
                .connectTimeout(Duration.ofMillis(500))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100))
                .build());
        this.other = DragonflyClient.create(ClientOptions.builder()
                .uri(server.uri())
                .timeout(Duration.ofMillis(500))
                .connectTimeout(Duration.ofMillis(500))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100))
                .build());
        this.manager = DragonflyCacheManager.builder(tracked)
                .circuitBreakerOpenDuration(Duration.ofMillis(200))
                .withCache(
                        "local",
                        DragonflyCacheSettings.defaults()
                                .withSerializer(CacheValueSerializer.string())
                                .withLocalTier(LocalTier.maximumSize(1000)))
                .build();
        this.cache = (DragonflyCache) manager.getCache("local");
    }

    @AfterEach
    void close() {
        manager.destroy();
        tracked.close();
        other.close();
    }

    private Object value(String key) {
        ValueWrapper wrapper = cache.get(key);
        return wrapper == null ? null : wrapper.get();
    }

    /** Puts and reads {@code k}, so that it is held locally. */
    private void holdLocally(String value) {
        cache.put("k", value);
        assertThat(value("k")).isEqualTo(value);
        assertThat(value("k")).isEqualTo(value);
        assertThat(cache.localTierSize()).isEqualTo(1);
    }

    @Test
    void clientKill_emptiesTheLocalTier_andTheReconnectedConnectionIsTrackedAgain() {
        holdLocally("v1");

        assertThat(server.execute("CLIENT", "KILL", "TYPE", "normal")).startsWith(":");
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.localTierSize() == 0);

        // Written while this JVM held nothing: the next read must fetch it. The other client's
        // connection was killed too; its first command may fail before it reconnects.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            other.set("local::k", "v2");
            return true;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> "v2".equals(value("k")));
        assertThat(value("k")).isEqualTo("v2");
        assertThat(cache.localTierSize()).isEqualTo(1);

        // The new connection tracks again: another change is heard and the copy dropped.
        long before = cache.localTierStatistics().invalidations();
        other.set("local::k", "v3");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cache.localTierStatistics().invalidations() > before);
        assertThat(value("k")).isEqualTo("v3");
    }

    @Test
    void serverStopped_theLocalTierServesNothing_failOpenMisses_andItWorksAgainAfterTheRestart() {
        holdLocally("v1");
        long hits = cache.localTierStatistics().hits();

        server.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.localTierSize() == 0);

        assertThat(cache.get("k"))
                .as("a fail-open miss, not the copy nobody can invalidate")
                .isNull();
        assertThat(cache.get("k")).isNull();
        assertThat(cache.localTierStatistics().hits()).isEqualTo(hits);
        assertThat(cache.statistics().errors() + cache.statistics().rejections())
                .isPositive();

        server.start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            cache.put("k", "after");
            return "after".equals(value("k"));
        });
        assertThat(value("k")).isEqualTo("after");
        assertThat(cache.localTierSize()).isEqualTo(1);
    }

    @Test
    void flushAll_emptiesTheLocalTier() {
        holdLocally("v1");

        other.execute("FLUSHALL");

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.localTierSize() == 0);
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void serverRestart_nothingStaleAfterwards() {
        holdLocally("v1");

        server.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.localTierSize() == 0);

        // The restarted server holds nothing: every read is a miss until something is written.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            other.set("local::k", "v2");
            return "v2".equals(value("k"));
        });
        assertThat(value("k")).isEqualTo("v2");
    }
}
