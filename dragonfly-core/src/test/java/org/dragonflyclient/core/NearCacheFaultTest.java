package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.DragonflyMode;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.ScriptedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The near cache when tracking breaks: a killed tracking connection, a restarted server and a
 * flush each empty the local tier, and nothing stale is served afterwards. Each test has a server
 * of its own; the recording listener hears each event after the near cache applied it.
 */
@WithTestServer
class NearCacheFaultTest {

    private static final String KEY = "near:fault";

    private final RecordingTrackingListener heard = new RecordingTrackingListener();

    private DragonflyClient tracked(String uri) {
        return DragonflyClient.create(ClientOptions.fromUri(uri).toBuilder()
                .poolSize(2)
                .timeout(Duration.ofSeconds(5))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200))
                .requireServerAtStartup(false)
                .tracking(true)
                .trackingListener(heard)
                .build());
    }

    private static void assumeTracking(ManagedServer server) {
        assumeTrue(
                server.capabilities().hello(), server.capabilities().lacks("RESP3 and CLIENT TRACKING (Redis 6.0+)"));
    }

    /** Reads the key until the client has reconnected, returning what the near cache answers then. */
    private static String readAfterReconnect(NearCache near) {
        AtomicReference<String> value = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15))
                .ignoreExceptionsInstanceOf(DragonflyException.class)
                .until(() -> {
                    value.set(near.get(KEY));
                    return true;
                });
        return value.get();
    }

    @Test
    void clientKill_emptiesTheLocalTier_andTheNextReadIsTheServersValue(ManagedServer server) throws Exception {
        assumeTracking(server);
        try (DragonflyClient client = tracked(server.uri())) {
            NearCache near = client.nearCache(NearCacheOptions.defaults());
            server.execute("SET", KEY, "before");
            assertThat(near.get(KEY)).isEqualTo("before");
            heard.clear();

            server.execute("CLIENT", "KILL", "TYPE", "normal");
            assertThat(heard.next(e -> e.equals("trackingLost"))).isEqualTo("trackingLost");
            // Killed connections were tracking nothing any more: a change now sends no invalidation.
            server.execute("SET", KEY, "after");

            assertThat(near.size()).isZero();
            assertThat(readAfterReconnect(near)).isEqualTo("after");
            assertThat(near.stats().invalidations()).isPositive();
        }
    }

    @Test
    void serverRestart_emptiesTheLocalTier_andNothingStaleIsServed(ManagedServer server) throws Exception {
        assumeTracking(server);
        try (DragonflyClient client = tracked(server.uri())) {
            NearCache near = client.nearCache(NearCacheOptions.defaults());
            server.execute("SET", KEY, "before restart");
            assertThat(near.get(KEY)).isEqualTo("before restart");

            server.restart(); // keeps no data: the key is gone
            assertThat(heard.next(e -> e.equals("trackingLost"))).isEqualTo("trackingLost");

            assertThat(near.size()).isZero();
            assertThat(readAfterReconnect(near)).isNull();
            server.execute("SET", KEY, "after restart");
            assertThat(near.get(KEY)).isEqualTo("after restart");
        }
    }

    @Test
    void flushAll_emptiesTheLocalTier(ManagedServer server) throws Exception {
        assumeTracking(server);
        try (DragonflyClient client = tracked(server.uri())) {
            NearCache near = client.nearCache(NearCacheOptions.defaults());
            for (int i = 0; i < 10; i++) {
                server.execute("SET", KEY + i, "v" + i);
                near.get(KEY + i);
            }
            assertThat(near.size()).isEqualTo(10);
            heard.clear();

            server.execute("FLUSHALL");
            assertThat(heard.next(e -> e.equals("invalidatedAll"))).isEqualTo("invalidatedAll");

            assertThat(near.size()).isZero();
            assertThat(near.get(KEY + 3)).isNull();
        }
    }

    @Test
    void dragonflyMode_changeAndFlush_emptyTheLocalTier() throws Exception {
        DragonflyMode dragonfly = new DragonflyMode();
        try (ScriptedServer server = ScriptedServer.start(dragonfly);
                DragonflyClient client = tracked(server.uri());
                DragonflyClient other = DragonflyClient.create(server.uri())) {
            NearCache near = client.nearCache(NearCacheOptions.defaults());
            other.set(KEY, "v1");
            assertThat(near.get(KEY)).isEqualTo("v1");
            assertThat(near.get(KEY)).isEqualTo("v1");
            assertThat(near.stats().hits()).isEqualTo(1);

            other.set(KEY, "v2");
            assertThat(heard.nextAbout(KEY)).isEqualTo("invalidated:" + KEY);
            assertThat(near.get(KEY)).isEqualTo("v2");

            other.flushall();
            assertThat(heard.next(e -> e.equals("invalidatedAll"))).isEqualTo("invalidatedAll");
            assertThat(near.size()).isZero();
            assertThat(near.get(KEY)).isNull();
        }
    }

    @Test
    void dragonflyMode_localCopyEndsWithTheServerEntrysExpiry_evenWithoutAnInvalidation() {
        // This scripted server expires keys lazily and sends no invalidation for an expiry, so
        // only the deadline taken from PTTL can drop the local copy.
        try (ScriptedServer server = ScriptedServer.start(new DragonflyMode());
                DragonflyClient client = tracked(server.uri());
                DragonflyClient other = DragonflyClient.create(server.uri())) {
            NearCache near = client.nearCache(NearCacheOptions.defaults());
            other.set(KEY, "short-lived", SetArgs.px(200));
            assertThat(near.get(KEY)).isEqualTo("short-lived");
            assertThat(near.get(KEY)).isEqualTo("short-lived");
            assertThat(near.stats().hits()).isEqualTo(1);

            await().atMost(Duration.ofSeconds(10)).until(() -> other.exists(KEY) == 0);
            assertThat(near.get(KEY)).isNull();
        }
    }
}
