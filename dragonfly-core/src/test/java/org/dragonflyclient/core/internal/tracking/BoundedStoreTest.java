package org.dragonflyclient.core.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.NearCacheEntry;
import org.dragonflyclient.core.NearCacheKey;
import org.dragonflyclient.core.NearCacheStore;

/** The core's store: an exact bound, the oldest stored entry evicted first, evictions counted. */
class BoundedStoreTest {

    private static NearCacheKey key(int i) {
        return NearCacheKey.of("k" + i);
    }

    private static NearCacheEntry entry(int i) {
        return NearCacheEntry.of(new byte[] {(byte) i}, Long.MAX_VALUE);
    }

    @Test
    void full_evictsTheOldestStored_andCountsIt() {
        NearCacheStore store = NearCacheStore.bounded(3);
        for (int i = 0; i < 3; i++) {
            store.put(key(i), entry(i));
        }
        store.put(key(0), entry(10)); // a newer copy of k0 is the youngest now

        store.put(key(3), entry(3));

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.get(key(1))).isNull();
        assertThat(store.get(key(0)).value()).containsExactly(10);
        assertThat(store.get(key(3))).isNotNull();
        assertThat(store.evictionCount()).isEqualTo(1);
    }

    @Test
    void removeAndClear_areNotEvictions_andFreeRoom() {
        NearCacheStore store = NearCacheStore.bounded(2);
        store.put(key(1), entry(1));
        store.put(key(2), entry(2));
        store.remove(key(1));
        store.put(key(3), entry(3));
        assertThat(store.get(key(2))).isNotNull();

        store.clear();
        store.put(key(4), entry(4));
        store.put(key(5), entry(5));

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.evictionCount()).isZero();
    }

    @Test
    void keysCompareByContent() {
        assertThat(NearCacheKey.of("é"))
                .isEqualTo(NearCacheKey.of("é".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(NearCacheKey.of("a")).isNotEqualTo(NearCacheKey.of("b"));
        byte[] bytes = {1, 2};
        NearCacheKey key = NearCacheKey.of(bytes);
        bytes[0] = 9; // the key copied them
        assertThat(key).isEqualTo(NearCacheKey.of(new byte[] {1, 2}));
    }

    @Test
    void boundBelowOne_isRefused() {
        assertThatThrownBy(() -> NearCacheStore.bounded(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
