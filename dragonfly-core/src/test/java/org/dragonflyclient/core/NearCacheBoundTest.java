package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * A million distinct keys read through a near cache bounded to a thousand entries: the store never
 * holds more than its bound, and what it drops is counted as evictions. Reads are asynchronous in
 * windows, so the million {@code GET}+{@code PTTL} pairs travel pipelined and the test stays fast.
 * A server of its own, since it writes a million keys.
 */
@WithTestServer
class NearCacheBoundTest {

    private static final int KEYS = 1_000_000;
    private static final int BOUND = 1_000;
    private static final int BATCH = 1_000;
    private static final int WINDOW = 2_000;

    @Test
    void aMillionDistinctKeys_keepTheStoreWithinItsBound(ManagedServer server) {
        assumeTrue(
                server.capabilities().hello(), server.capabilities().lacks("RESP3 and CLIENT TRACKING (Redis 6.0+)"));
        try (DragonflyClient client = DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .timeout(Duration.ofSeconds(30))
                .tracking(true)
                .build())) {
            for (int i = 0; i < KEYS; i += BATCH) {
                String[] keysAndValues = new String[2 * BATCH];
                for (int j = 0; j < BATCH; j++) {
                    keysAndValues[2 * j] = key(i + j);
                    keysAndValues[2 * j + 1] = "v";
                }
                client.mset(keysAndValues);
            }
            SizeRecordingStore store = new SizeRecordingStore(NearCacheStore.bounded(BOUND));
            NearCache near = client.nearCache(
                    NearCacheOptions.builder().store(() -> store).build());

            for (int i = 0; i < KEYS; i += WINDOW) {
                List<CompletableFuture<byte[]>> window = new ArrayList<>(WINDOW);
                for (int j = i; j < i + WINDOW; j++) {
                    window.add(near.getAsync(key(j).getBytes(StandardCharsets.UTF_8)));
                }
                window.forEach(f -> assertThat(f.join()).containsExactly('v'));
            }

            assertThat(store.largest).as("largest size after any put").isEqualTo(BOUND);
            assertThat(near.size()).isEqualTo(BOUND);
            NearCacheStats stats = near.stats();
            assertThat(stats.misses()).isEqualTo(KEYS);
            // Every reply was kept and all but the last BOUND dropped again: by the bound, or by an
            // invalidation (a server may drop keys from its tracking table when it grows large).
            assertThat(stats.evictions() + stats.invalidations()).isGreaterThanOrEqualTo(KEYS - BOUND);
            assertThat(stats.evictions()).isPositive();
        }
    }

    /** Records the largest size seen right after a put, so the bound is checked at every put. */
    private static final class SizeRecordingStore implements NearCacheStore {
        private final NearCacheStore delegate;
        private volatile long largest;

        SizeRecordingStore(NearCacheStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public NearCacheEntry get(NearCacheKey key) {
            return delegate.get(key);
        }

        @Override
        public synchronized void put(NearCacheKey key, NearCacheEntry entry) {
            delegate.put(key, entry);
            largest = Math.max(largest, delegate.size());
        }

        @Override
        public void remove(NearCacheKey key) {
            delegate.remove(key);
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public long evictionCount() {
            return delegate.evictionCount();
        }
    }

    private static String key(int i) {
        return "b:" + i;
    }
}
