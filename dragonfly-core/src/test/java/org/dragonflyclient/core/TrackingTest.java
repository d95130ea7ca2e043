package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Server-assisted invalidation ({@code CLIENT TRACKING ON}) against a real server: a client with
 * tracking on is told when a key it read changes, is deleted or expires, when the server is
 * flushed, and when a tracking connection is lost; after the reconnect it is tracked again. Every
 * test needs RESP3 tracking (Redis 6.0+, Dragonfly), which it asks the server's capabilities for.
 * Tests that flush or kill use a server of their own.
 */
@WithTestServer
class TrackingTest {

    private final RecordingTrackingListener heard = new RecordingTrackingListener();

    private DragonflyClient tracked(TestServer server, int poolSize) {
        assumeTrue(
                server.capabilities().hello(), server.capabilities().lacks("RESP3 and CLIENT TRACKING (Redis 6.0+)"));
        return DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .poolSize(poolSize)
                .timeout(Duration.ofSeconds(5))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200))
                .tracking(true)
                .trackingListener(heard)
                .build());
    }

    private static String key(TestInfo test, String name) {
        return "tracking:" + test.getTestMethod().orElseThrow().getName() + ":" + name;
    }

    @Test
    void changeAndDeleteByAnotherClient_invalidateTheKeyThisClientRead(TestServer server, TestInfo test)
            throws Exception {
        String key = key(test, "k");
        try (DragonflyClient client = tracked(server, 2);
                DragonflyClient other = DragonflyClient.create(ClientOptions.fromUri(server.uri()))) {
            other.set(key, "v1");
            assertThat(client.get(key)).isEqualTo("v1");

            other.set(key, "v2");
            assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
            assertThat(client.get(key)).isEqualTo("v2"); // read again: tracked again

            other.del(key);
            assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
            assertThat(client.get(key)).isNull();
        }
    }

    @Test
    void onlyKeysThisClientReadAreReported(TestServer server, TestInfo test) throws Exception {
        String read = key(test, "read");
        String unread = key(test, "unread");
        try (DragonflyClient client = tracked(server, 1);
                DragonflyClient other = DragonflyClient.create(ClientOptions.fromUri(server.uri()))) {
            other.set(read, "a");
            other.set(unread, "b");
            client.get(read);

            // The server sends invalidations in the order of the writes: had the unread key been
            // tracked, its invalidation would come first.
            other.set(unread, "b2");
            other.set(read, "a2");
            assertThat(heard.nextAbout(key(test, ""))).isEqualTo("invalidated:" + read);
        }
    }

    @Test
    void writeByThisClientItself_alsoInvalidates(TestServer server, TestInfo test) throws Exception {
        // No NOLOOP: on Dragonfly a NOLOOP connection tracks nothing at all.
        String key = key(test, "k");
        try (DragonflyClient client = tracked(server, 2)) {
            client.set(key, "mine");
            client.get(key);
            client.set(key, "mine again");
            assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
        }
    }

    @Test
    void expiry_invalidatesTheKey(TestServer server, TestInfo test) throws Exception {
        String key = key(test, "k");
        try (DragonflyClient client = tracked(server, 1);
                DragonflyClient other = DragonflyClient.create(ClientOptions.fromUri(server.uri()))) {
            other.set(key, "short-lived", SetArgs.px(200));
            assertThat(client.get(key)).isEqualTo("short-lived");
            // Nobody writes: the server's expiry (active, or lazy on access) sends the invalidation.
            await().atMost(Duration.ofSeconds(5)).until(() -> other.exists(key) == 0);
            assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
        }
    }

    @Test
    void asyncAndPipelinedReads_areTrackedAndRepliesStayPaired(TestServer server, TestInfo test) throws Exception {
        String key = key(test, "k");
        try (DragonflyClient client = tracked(server, 1);
                DragonflyClient other = DragonflyClient.create(ClientOptions.fromUri(server.uri()))) {
            other.set(key, "0");
            Pipeline pipeline = client.pipeline();
            for (int i = 0; i < 100; i++) {
                pipeline.get(key);
            }
            pipeline.sync();
            for (int i = 1; i <= 100; i++) {
                // Each write invalidates; each read after it is tracked again, so pushes and
                // replies interleave on the one connection.
                other.set(key, Integer.toString(i));
                assertThat(client.async().get(key).get()).isEqualTo(Integer.toString(i));
                assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
            }
        }
    }

    @Test
    void flushAll_invalidatesEverything(ManagedServer server, TestInfo test) throws Exception {
        String key = key(test, "k");
        try (DragonflyClient client = tracked(server, 1)) {
            client.set(key, "v");
            client.get(key);
            heard.clear();
            server.execute("FLUSHALL");
            assertThat(heard.next(e -> true)).isEqualTo("invalidatedAll");
        }
    }

    @Test
    void clientKill_reportsTrackingLost_andTheNewConnectionIsTrackedAgain(ManagedServer server, TestInfo test)
            throws Exception {
        String key = key(test, "k");
        try (DragonflyClient client = tracked(server, 1)) {
            client.set(key, "before");
            client.get(key);
            heard.clear();

            server.execute("CLIENT", "KILL", "TYPE", "normal");

            assertThat(heard.next(e -> true)).isEqualTo("trackingLost");
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.get(key)).isEqualTo("before"));
            server.execute("SET", key, "after");
            assertThat(heard.nextAbout(key)).isEqualTo("invalidated:" + key);
            assertThat(client.get(key)).isEqualTo("after");
        }
    }
}
