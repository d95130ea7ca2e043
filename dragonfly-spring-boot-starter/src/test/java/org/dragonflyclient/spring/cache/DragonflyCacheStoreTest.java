package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The bytes-only layer under {@link DragonflyCache}, on a real server: the expiry each write gets,
 * {@code SET NX}, {@code GETEX} with time to idle, {@code clear} across {@code SCAN} pages, and the
 * fallback each call answers when the server is gone.
 */
@WithTestServer
class DragonflyCacheStoreTest {

    private static final long TTL = 60_000;
    /** Room for the time between a write and the {@code PTTL} that checks it. */
    private static final long SLACK = 10_000;

    private final DragonflyClient client = TestClients.shared();
    private final String name = "store-" + UUID.randomUUID();

    private DragonflyCacheStore store(DragonflyCacheSettings settings) {
        return store(client, settings, 1000);
    }

    private DragonflyCacheStore store(DragonflyClient client, DragonflyCacheSettings settings, int clearBatchSize) {
        FailureGuard failOpen = new FailureGuard(false, new CircuitBreaker(Duration.ZERO, System::nanoTime));
        CacheRuntime runtime =
                new CacheRuntime(client, failOpen, new SingleFlight(), null, ForkJoinPool.commonPool(), clearBatchSize);
        return new DragonflyCacheStore(
                name, settings.keyPrefixFor(name), settings, runtime, new CacheStatistics(), null);
    }

    private byte[] key(String key) {
        return (name + "::" + key).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** Writes one key through each of the three write paths and returns their remaining lives. */
    private List<Long> writeEachWay(DragonflyCacheStore store, String prefix) throws Exception {
        assertThat(store.put(prefix, key(prefix + "-put"), bytes("v"))).isTrue();
        assertThat(await(store.putAsync(prefix, key(prefix + "-async"), bytes("v"))))
                .isTrue();
        assertThat(store.putIfAbsent(prefix, key(prefix + "-nx"), bytes("v"))).isNull();
        return List.of(
                client.pttl(key(prefix + "-put")),
                client.pttl(key(prefix + "-async")),
                client.pttl(key(prefix + "-nx")));
    }

    @Test
    void withoutTimeToLive_everyWriteStoresWithoutExpiry() throws Exception {
        DragonflyCacheStore store = store(DragonflyCacheSettings.defaults());

        assertThat(writeEachWay(store, "k")).containsOnly(-1L);
        assertThat(store.statistics().puts()).isEqualTo(3);
    }

    @Test
    void timeToLiveWithoutJitter_everyWriteExpiresAfterTheTimeToLiveExactly() throws Exception {
        DragonflyCacheStore store = store(DragonflyCacheSettings.defaults().withTimeToLive(Duration.ofMillis(TTL)));

        assertThat(writeEachWay(store, "k")).allSatisfy(ttl -> assertThat(ttl).isBetween(TTL - SLACK, TTL));
    }

    @Test
    void timeToLiveWithJitter_everyWriteGetsAnExtraOfItsOwn() throws Exception {
        DragonflyCacheStore store = store(DragonflyCacheSettings.defaults()
                .withTimeToLive(Duration.ofMillis(TTL))
                .withTtlJitter(Duration.ofMillis(TTL / 2)));
        List<Long> ttls = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            ttls.addAll(writeEachWay(store, "k" + i));
        }

        assertThat(ttls).allSatisfy(ttl -> assertThat(ttl).isBetween(TTL - SLACK, TTL + TTL / 2));
        assertThat(ttls)
                .as("some extra beyond the time to live")
                .anySatisfy(ttl -> assertThat(ttl).isGreaterThan(TTL));
        assertThat(ttls.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void putIfAbsent_writesAnAbsentKeyOnly_andAnswersWhatThePresentKeyHolds() {
        DragonflyCacheStore store = store(DragonflyCacheSettings.defaults());

        assertThat(store.putIfAbsent("k", key("k"), bytes("first"))).isNull();
        assertThat(store.putIfAbsent("k", key("k"), bytes("second"))).isEqualTo(bytes("first"));

        assertThat(client.get(key("k"))).isEqualTo(bytes("first"));
        assertThat(store.statistics().puts()).isEqualTo(1);
    }

    @Test
    void timeToIdle_eachReadExtendsTheEntry_aTimeToLiveReadDoesNot() throws Exception {
        DragonflyCacheStore idle = store(DragonflyCacheSettings.defaults().withTimeToIdle(Duration.ofMillis(TTL)));
        DragonflyCacheStore live = store(DragonflyCacheSettings.defaults().withTimeToLive(Duration.ofMillis(TTL)));
        idle.put("k", key("k"), bytes("v"));

        client.pexpire(key("k"), 2_000);
        assertThat(idle.get("k", key("k"))).isEqualTo(bytes("v"));
        assertThat(client.pttl(key("k"))).as("after a read").isGreaterThan(TTL - SLACK);

        client.pexpire(key("k"), 2_000);
        assertThat(await(idle.getAsync("k", key("k")))).isEqualTo(bytes("v"));
        assertThat(client.pttl(key("k"))).as("after an asynchronous read").isGreaterThan(TTL - SLACK);

        client.pexpire(key("k"), 2_000);
        assertThat(live.get("k", key("k"))).isEqualTo(bytes("v"));
        assertThat(await(live.getAsync("k", key("k")))).isEqualTo(bytes("v"));
        assertThat(client.pttl(key("k")))
                .as("after reads of a time-to-live cache")
                .isBetween(1L, 2_000L);
    }

    @Test
    void clear_walksEveryScanPage_andDeletesThePrefixOnly() {
        DragonflyCacheStore store = store(client, DragonflyCacheSettings.defaults(), 3);
        for (int i = 0; i < 25; i++) {
            store.put("k" + i, key("k" + i), bytes("v"));
        }
        byte[] outside = bytes(name + ":not-this-cache");
        client.set(outside, bytes("stays"));
        byte[] pattern = KeyPatterns.prefixPattern(name + "::");
        assertThat(client.scanBinary("0", ScanArgs.match(pattern).count(3)).isLast())
                .as("premise: this server needs more than one SCAN page for 25 keys at COUNT 3")
                .isFalse();

        assertThat(store.clear()).isEqualTo(25);

        assertThat(client.scanBinary(ScanArgs.match(pattern)).nextBatch()).isEmpty();
        assertThat(client.get(outside)).isEqualTo(bytes("stays"));
        assertThat(store.statistics().removals()).isEqualTo(25);
        assertThat(store.clear()).as("nothing left").isZero();
        client.del(outside);
    }

    @Test
    void aStoppedServer_eachCallAnswersItsFallback_andIsCounted(ManagedServer server) throws Exception {
        try (DragonflyClient own = DragonflyClient.create(ClientOptions.builder()
                .uri(server.uri())
                .timeout(Duration.ofMillis(500))
                .connectTimeout(Duration.ofMillis(500))
                .build())) {
            DragonflyCacheStore store = store(own, DragonflyCacheSettings.defaults(), 1000);
            server.stop();

            assertThat(store.get("k", key("k"))).isNull();
            assertThat(await(store.getAsync("k", key("k")))).isNull();
            assertThat(store.put("k", key("k"), bytes("v"))).isFalse();
            assertThat(await(store.putAsync("k", key("k"), bytes("v")))).isFalse();
            assertThat(store.putIfAbsent("k", key("k"), bytes("v"))).isNull();
            assertThat(store.unlink("k", key("k"))).isEqualTo(-1);
            assertThat(store.clear()).isEqualTo(-1);

            CacheStatistics statistics = store.statistics();
            assertThat(statistics.errors())
                    .as("each call, the circuit breaker being off")
                    .isEqualTo(7);
            assertThat(statistics.puts()).isZero();
            assertThat(statistics.evictions()).isZero();
        }
    }
}
