package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.ServerCapabilities;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/** Subscriptions on a dedicated connection, over RESP3 (push frames) and RESP2 (plain arrays). */
@WithTestServer
class PubSubTest {

    /**
     * A thread per task, for callers that block: {@code CompletableFuture}'s default pool has one worker on
     * 2 cores, and on Java 25 it queues such tasks behind one another (Java 17 gave each a thread).
     */
    private static final Executor THREAD_PER_TASK = task -> new Thread(task).start();

    private static DragonflyClient client(TestServer server, Protocol protocol) {
        return DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .protocol(protocol)
                .timeout(Duration.ofSeconds(5))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200))
                .build());
    }

    /** Collects what a listener receives. */
    private static final class Recorder implements PubSubListener {
        final BlockingQueue<PubSubMessage> messages = new LinkedBlockingQueue<>();
        final AtomicInteger disconnects = new AtomicInteger();
        final AtomicInteger resubscribes = new AtomicInteger();

        @Override
        public void message(PubSubMessage message) {
            messages.add(message);
        }

        @Override
        public void disconnected(DragonflyException reason) {
            disconnects.incrementAndGet();
        }

        @Override
        public void resubscribed() {
            resubscribes.incrementAndGet();
        }

        PubSubMessage next() throws InterruptedException {
            PubSubMessage message = messages.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a message within 5 s").isNotNull();
            return message;
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void subscribePsubscribeUnsubscribe(Protocol protocol, TestServer server) throws Exception {
        try (DragonflyClient client = client(server, protocol);
                PubSub pubSub = client.pubSub()) {
            Recorder recorder = new Recorder();
            pubSub.addListener(recorder);
            String channel = "ps:basic:" + protocol;

            pubSub.subscribe(channel, channel + ":other");
            pubSub.psubscribe(channel + ":p.*");
            assertThat(pubSub.channels()).containsExactly(channel, channel + ":other");
            assertThat(pubSub.patterns()).containsExactly(channel + ":p.*");

            // subscribe returned after the server's confirmation, so the first publish is received.
            assertThat(client.publish(channel, "héllo")).isEqualTo(1);
            PubSubMessage message = recorder.next();
            assertThat(message.channel()).isEqualTo(channel);
            assertThat(message.pattern()).isNull();
            assertThat(message.message()).isEqualTo("héllo");

            byte[] payload = {0, (byte) 0xff, '\r', '\n'};
            assertThat(client.publish((channel + ":p.1").getBytes(StandardCharsets.UTF_8), payload))
                    .isEqualTo(1);
            PubSubMessage matched = recorder.next();
            assertThat(matched.channel()).isEqualTo(channel + ":p.1");
            assertThat(matched.pattern()).isEqualTo(channel + ":p.*");
            assertThat(matched.messageBytes()).isEqualTo(payload);

            pubSub.unsubscribe(channel);
            pubSub.punsubscribe((channel + ":p.*").getBytes(StandardCharsets.UTF_8));
            assertThat(client.publish(channel, "gone")).isZero();
            assertThat(client.publish(channel + ":p.1", "gone")).isZero();
            assertThat(client.async().publish(channel + ":other", "still").get(5, TimeUnit.SECONDS))
                    .isEqualTo(1);
            assertThat(recorder.next().message()).isEqualTo("still");

            pubSub.unsubscribeAll();
            pubSub.punsubscribeAll();
            assertThat(pubSub.channels()).isEmpty();
            assertThat(client.publish(channel + ":other", "gone")).isZero();
            assertThat(pubSub.isConnected()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void twoSubscribersAndAPublisherUnderLoad_whileOtherThreadsUseTheSameClient(Protocol protocol, TestServer server)
            throws Exception {
        int messages = 3000;
        String channel = "ps:load:" + protocol;
        try (DragonflyClient client = client(server, protocol)) {
            PubSub first = client.pubSub();
            PubSub second = client.pubSub();
            List<String> firstGot = new CopyOnWriteArrayList<>();
            List<String> secondGot = new CopyOnWriteArrayList<>();
            first.addListener(m -> firstGot.add(m.message()));
            second.addListener(m -> secondGot.add(m.message()));
            first.subscribe(channel);
            second.psubscribe("ps:load:*");

            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicInteger mismatches = new AtomicInteger();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                workers.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; publishing.get() || i < 100; i++) {
                                String key = "ps:load:kv:" + protocol + ":" + thread;
                                String value = thread + "/" + i;
                                client.set(key, value);
                                if (!value.equals(client.get(key))) {
                                    mismatches.incrementAndGet();
                                }
                            }
                        },
                        THREAD_PER_TASK));
            }
            CompletableFuture<Void> publisher = CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < messages; i++) {
                            if (i % 2 == 0) {
                                client.publish(channel, "m" + i);
                            } else {
                                client.async().publish(channel, "m" + i);
                            }
                        }
                    },
                    THREAD_PER_TASK);
            publisher.get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> firstGot.size() == messages && secondGot.size() == messages);
            publishing.set(false);
            for (CompletableFuture<Void> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }

            assertThat(mismatches).hasValue(0);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                expected.add("m" + i);
            }
            // Sync and async publishes from one thread keep their order, and so does delivery.
            assertThat(firstGot).containsExactlyElementsOf(expected);
            assertThat(secondGot).containsExactlyElementsOf(expected);
            assertThat(first.droppedMessages() + second.droppedMessages()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void shardChannelsReceiveSpublish_andSurviveClientKill(Protocol protocol, ManagedServer server) throws Exception {
        ServerCapabilities caps = server.capabilities();
        assumeTrue(caps.isDragonfly() || caps.isRedisAtLeast(7, 0), caps.lacks("SSUBSCRIBE (Redis 7.0+)"));
        try (DragonflyClient client = client(server, protocol);
                PubSub pubSub = client.pubSub()) {
            Recorder recorder = new Recorder();
            pubSub.addListener(recorder);
            pubSub.ssubscribe("ps:shard:a", "ps:shard:b");
            assertThat(pubSub.shardChannels()).containsExactly("ps:shard:a", "ps:shard:b");
            assertThat(client.spublish("ps:shard:b", "one")).isEqualTo(1);
            PubSubMessage message = recorder.next();
            assertThat(message.channel()).isEqualTo("ps:shard:b");
            assertThat(message.pattern()).isNull();
            assertThat(message.message()).isEqualTo("one");

            assertThat(server.execute("CLIENT", "KILL", "TYPE", "pubsub")).isEqualTo(":1");
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.resubscribes.get() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> client.spublish("ps:shard:a", "after") == 1);
            assertThat(recorder.next().message()).isEqualTo("after");
            pubSub.sunsubscribe("ps:shard:a", "ps:shard:b");
            assertThat(pubSub.shardChannels()).isEmpty();
            assertThat(client.spublish("ps:shard:a", "gone")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void subscriptionsSurviveClientKill(Protocol protocol, ManagedServer server) throws Exception {
        try (DragonflyClient client = client(server, protocol);
                PubSub pubSub = client.pubSub()) {
            Recorder recorder = new Recorder();
            pubSub.addListener(recorder);
            pubSub.subscribe("ps:kill");
            pubSub.psubscribe("ps:kill:*");
            assertThat(server.execute("CLIENT", "LIST")).contains("sub=1").contains("psub=1");

            assertThat(server.execute("CLIENT", "KILL", "TYPE", "pubsub")).isEqualTo(":1");

            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.resubscribes.get() == 1);
            assertThat(recorder.disconnects).hasValue(1);
            assertThat(pubSub.isConnected()).isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> client.publish("ps:kill", "after") == 1);
            assertThat(recorder.next().message()).isEqualTo("after");
            assertThat(client.publish("ps:kill:x", "pattern too")).isEqualTo(1);
            PubSubMessage matched = recorder.next();
            assertThat(matched.pattern()).isEqualTo("ps:kill:*");
            assertThat(matched.message()).isEqualTo("pattern too");
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void slowListener_dropsNewMessagesBeyondTheBound_withoutBlockingAnythingElse(Protocol protocol, TestServer server)
            throws Exception {
        String channel = "ps:slow:" + protocol;
        try (DragonflyClient client = client(server, protocol);
                PubSub pubSub = client.pubSub(10)) {
            CountDownLatch release = new CountDownLatch(1);
            List<String> got = new CopyOnWriteArrayList<>();
            pubSub.addListener(m -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                got.add(m.message());
            });
            pubSub.addListener(m -> {
                throw new IllegalStateException("a failing listener must not stop the others");
            });
            pubSub.subscribe(channel);

            for (int i = 0; i < 100; i++) {
                client.publish(channel, "m" + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> pubSub.droppedMessages() >= 89);
            // The reader is not stuck behind the listener: confirmations and other commands still flow.
            pubSub.subscribe(channel + ":more");
            assertThat(client.publish(channel + ":more", "x")).isEqualTo(1);
            assertThat(client.ping()).isEqualTo("PONG");

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> got.size() + pubSub.droppedMessages() == 101);
            // The oldest messages were kept, in order; messages arriving while the queue was full were dropped.
            List<String> oldest = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                oldest.add("m" + i);
            }
            assertThat(got.subList(0, 10)).containsExactlyElementsOf(oldest);
            assertThat(got).hasSizeLessThanOrEqualTo(12);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void closedSubscriber_refusesWork_andArgumentsAreChecked(Protocol protocol, TestServer server) {
        try (DragonflyClient client = client(server, protocol)) {
            PubSub pubSub = client.pubSub();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> pubSub.subscribe(new String[0]))
                    .withMessageContaining("at least one");
            assertThatIllegalArgumentException().isThrownBy(() -> pubSub.addListener(null));
            assertThatIllegalArgumentException().isThrownBy(() -> client.pubSub(0));
            pubSub.close();
            pubSub.close();

            assertThat(pubSub.isConnected()).isFalse();
            assertThatIllegalStateException()
                    .isThrownBy(() -> pubSub.subscribe("x"))
                    .withMessageContaining("client.pubSub()");
        }
    }
}
