package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The near cache against a real server: local hits after the first read, and another client's
 * change, delete or expiry seen by the first read after its invalidation was delivered. The
 * recording listener hears each invalidation after every near cache applied it (the fan-out calls
 * near caches first), so "delivered" is what the test waits for, never a sleep.
 */
@WithTestServer
class NearCacheTest {

    private final RecordingTrackingListener heard = new RecordingTrackingListener();
    private DragonflyClient client;
    private DragonflyClient other;

    private NearCache open(TestServer server, NearCacheOptions options) {
        assumeTrue(
                server.capabilities().hello(), server.capabilities().lacks("RESP3 and CLIENT TRACKING (Redis 6.0+)"));
        client = DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .timeout(Duration.ofSeconds(5))
                .tracking(true)
                .trackingListener(heard)
                .build());
        other = DragonflyClient.create(server.uri());
        return client.nearCache(options);
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
            other.close();
        }
    }

    private static String key(TestInfo test, String name) {
        return "near:" + test.getTestMethod().orElseThrow().getName() + ":" + name;
    }

    @Test
    void secondReadIsLocal_andAnotherClientsChangeAndDeleteAreSeenOnceDelivered(TestServer server, TestInfo test)
            throws Exception {
        String key = key(test, "k");
        NearCache near = open(server, NearCacheOptions.defaults());
        other.set(key, "v1");

        assertThat(near.get(key)).isEqualTo("v1");
        assertThat(near.get(key)).isEqualTo("v1");
        assertThat(near.stats()).isEqualTo(new NearCacheStats(1, 1, 0, 0));
        assertThat(near.size()).isEqualTo(1);

        other.set(key, "v2");
        assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
        assertThat(near.size()).isZero();
        assertThat(near.get(key)).isEqualTo("v2");
        assertThat(near.stats().invalidations()).isEqualTo(1);

        other.del(key);
        assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
        assertThat(near.get(key)).isNull();
    }

    @Test
    void serverExpiry_isSeenOnceDelivered_andTheLocalCopyNeverOutlivesTheServerEntry(TestServer server, TestInfo test)
            throws Exception {
        String key = key(test, "k");
        NearCache near = open(server, NearCacheOptions.defaults());
        other.set(key, "short-lived", SetArgs.px(300));

        assertThat(near.get(key)).isEqualTo("short-lived");
        await().atMost(Duration.ofSeconds(10)).until(() -> other.exists(key) == 0);
        // Whether the server's expiry invalidation came yet or not, the local deadline (PTTL) is past.
        assertThat(near.get(key)).isNull();
        assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
    }

    @Test
    void writeFromThisJvm_thenInvalidate_nextReadFetchesTheNewValue(TestServer server, TestInfo test) {
        String key = key(test, "k");
        NearCache near = open(server, NearCacheOptions.defaults());
        client.set(key, "old");
        assertThat(near.get(key)).isEqualTo("old");

        client.set(key, "new");
        near.invalidate(key);

        assertThat(near.get(key)).isEqualTo("new");
    }

    @Test
    void binaryAndAsyncReads_shareTheLocalCopy_andReturnCopies(TestServer server, TestInfo test) throws Exception {
        byte[] key = key(test, "k").getBytes(StandardCharsets.UTF_8);
        NearCache near = open(server, NearCacheOptions.defaults());
        other.set(key, new byte[] {1, 2, 3});

        byte[] first = near.getAsync(key).get();
        assertThat(first).containsExactly(1, 2, 3);
        first[0] = 99; // a caller's change must not reach the local copy
        assertThat(near.get(key)).containsExactly(1, 2, 3);
        assertThat(near.getAsync(key).get()).containsExactly(1, 2, 3);
        assertThat(near.stats().hits()).isEqualTo(2);
        assertThat(near.stats().misses()).isEqualTo(1);
    }

    @Test
    void missingKeys_areNotCached(TestServer server, TestInfo test) {
        String key = key(test, "absent");
        NearCache near = open(server, NearCacheOptions.defaults());

        assertThat(near.get(key)).isNull();
        assertThat(near.get(key)).isNull();
        assertThat(near.stats().misses()).isEqualTo(2);
        assertThat(near.size()).isZero();
    }

    @Test
    void timeToLive_boundsALocalCopy(TestServer server, TestInfo test) {
        String key = key(test, "k");
        NearCache near = open(
                server,
                NearCacheOptions.builder().timeToLive(Duration.ofMillis(50)).build());
        other.set(key, "v");
        near.get(key);

        // The key never changes: only the local deadline turns the next reads into misses.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            near.get(key);
            assertThat(near.stats().misses()).isGreaterThan(1);
        });
    }

    @Test
    void severalNearCachesAndTheUsersListener_allHearEveryInvalidation(TestServer server, TestInfo test)
            throws Exception {
        String key = key(test, "k");
        NearCache first = open(server, NearCacheOptions.defaults());
        NearCache second =
                client.nearCache(NearCacheOptions.builder().maximumSize(10).build());
        other.set(key, "v1");
        first.get(key);
        second.get(key);

        other.set(key, "v2");
        assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
        assertThat(first.get(key)).isEqualTo("v2");
        assertThat(second.get(key)).isEqualTo("v2");
    }

    @Test
    void invalidateAll_dropsLocalCopiesOnly(TestServer server, TestInfo test) {
        String key = key(test, "k");
        NearCache near = open(server, NearCacheOptions.defaults());
        other.set(key, "v");
        near.get(key);

        near.invalidateAll();

        assertThat(near.size()).isZero();
        assertThat(other.get(key)).isEqualTo("v");
        assertThat(near.get(key)).isEqualTo("v");
    }

    @Test
    void closedNearCache_refusesReads_andClosingTheClientClosesItsNearCaches(TestServer server, TestInfo test) {
        String key = key(test, "k");
        NearCache near = open(server, NearCacheOptions.defaults());
        NearCache second = client.nearCache(NearCacheOptions.defaults());
        other.set(key, "v");
        near.get(key);

        near.close();
        assertThat(near.size()).isZero();
        assertThatThrownBy(() -> near.get(key))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");

        client.close();
        assertThatThrownBy(() -> second.get(key)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clientWithoutTracking_refusesANearCache_sayingWhatToTurnOn(TestServer server) {
        try (DragonflyClient untracked = DragonflyClient.create(server.uri())) {
            assertThatThrownBy(() -> untracked.nearCache(NearCacheOptions.defaults()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tracking is off")
                    .hasMessageContaining("tracking(true)");
        }
    }
}
