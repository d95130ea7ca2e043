package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache.ValueWrapper;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.TrackingListener;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;

/**
 * The race through the Spring cache: readers read a few hot keys through the local tier while
 * another client writes new versions of them. An oracle, fed by the client's tracking listener
 * (which the core calls after every local tier applied an invalidation), knows for each key the
 * newest version whose {@code SET} had returned before an invalidation of the key was delivered.
 * No read may return an older version than that one, as it stood when the read began.
 */
class LocalTierRaceTest {

    private static final int KEYS = 8;
    private static final int READERS = 4;
    private static final int WRITES = 3000;

    private final String name = "race-" + UUID.randomUUID();
    private final AtomicLongArray returned = new AtomicLongArray(KEYS);
    private final AtomicLongArray delivered = new AtomicLongArray(KEYS);

    @Test
    void readersRacingAnotherClientsWrites_neverReadAVersionOlderThanADeliveredWrite() throws Exception {
        DragonflyClient other = TestClients.shared();
        for (int k = 0; k < KEYS; k++) {
            other.set(serverKey(k), "0");
        }
        AtomicLong stale = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(READERS);
        try (DragonflyClient tracked = DragonflyClient.create(
                ClientOptions.fromUri(TestClients.server().uri()).toBuilder()
                        .tracking(true)
                        .trackingListener(new Oracle())
                        .build())) {
            DragonflyCacheManager manager = DragonflyCacheManager.builder(tracked)
                    .withCache(
                            name,
                            DragonflyCacheSettings.defaults()
                                    .withSerializer(CacheValueSerializer.string())
                                    .withLocalTier(LocalTier.maximumSize(100)))
                    .build();
            DragonflyCache cache = (DragonflyCache) manager.getCache(name);
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (writing.get()) {
                        int k = random.nextInt(KEYS);
                        long mustSee = delivered.get(k);
                        ValueWrapper value = cache.get("k" + k);
                        reads.incrementAndGet();
                        if (value != null && Long.parseLong((String) value.get()) < mustSee) {
                            stale.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (int version = 1; version <= WRITES; version++) {
                // Paced by the readers (not by time): at least one read per write, so the race is exercised.
                awaitReads(reads, version, readers);
                int k = version % KEYS;
                other.set(serverKey(k), Long.toString(version));
                returned.accumulateAndGet(k, version, Math::max);
            }
            awaitReads(reads, WRITES + 1, readers);
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
            assertThat(cache.localTierStatistics().hits())
                    .as("the readers did read locally")
                    .isPositive();
            manager.destroy();
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertThat(reads.get()).isGreaterThan(WRITES);
        assertThat(stale.get())
                .as("reads older than a delivered write, of " + reads.get())
                .isZero();
    }

    private String serverKey(int k) {
        return name + "::k" + k;
    }

    /** Every write whose SET returned before an invalidation of its key was heard is delivered. */
    private final class Oracle implements TrackingListener {

        @Override
        public void invalidated(List<byte[]> keys) {
            for (byte[] key : keys) {
                String text = new String(key, StandardCharsets.UTF_8);
                if (text.startsWith(name + "::k")) {
                    int k = Integer.parseInt(text.substring(name.length() + 3));
                    delivered.accumulateAndGet(k, returned.get(k), Math::max);
                }
            }
        }

        @Override
        public void invalidatedAll() {
            for (int k = 0; k < KEYS; k++) {
                delivered.accumulateAndGet(k, returned.get(k), Math::max);
            }
        }

        @Override
        public void trackingLost(DragonflyException reason) {
            invalidatedAll();
        }
    }

    /** Waits until the readers did {@code count} reads, or one of them ended (its failure is reported by get). */
    private static void awaitReads(AtomicLong reads, long count, List<Future<?>> readers) {
        while (reads.get() < count && readers.stream().noneMatch(Future::isDone)) {
            Thread.yield();
        }
    }
}
