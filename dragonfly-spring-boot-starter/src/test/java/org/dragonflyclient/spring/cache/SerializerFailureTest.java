package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;

/**
 * A value serializer that throws on some calls, while many threads share the cache and the
 * client's connections (Lettuce #2528: an encoding failure there left the shared connection in a
 * state that broke other callers). The failing calls fail alone; every other call stores and
 * reads its own value.
 */
class SerializerFailureTest {

    private static final int THREADS = 32;
    private static final int OPERATIONS = 200;

    private final DragonflyClient client = TestClients.shared();

    /** Strings as UTF-8, except values containing "poison", which it refuses both ways. */
    private static final class FlakySerializer implements CacheValueSerializer {
        @Override
        public byte[] serialize(Object value) {
            String text = (String) value;
            if (text.contains("poison")) {
                throw new IllegalStateException("cannot serialize " + text);
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Object deserialize(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Test
    void oneFailingSerializationAmongManyConcurrentCalls_otherCallsGetTheirOwnValues() throws Exception {
        String name = "flaky-" + UUID.randomUUID();
        Cache cache = DragonflyCacheManager.builder(client)
                .withCache(name, DragonflyCacheSettings.defaults().withSerializer(new FlakySerializer()))
                .build()
                .getCache(name);
        AtomicInteger mismatches = new AtomicInteger();
        AtomicInteger serializerFailures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < OPERATIONS; i++) {
                        String key = thread + ":" + i;
                        // Thread 0 poisons every tenth of its values.
                        String value = (thread == 0 && i % 10 == 0 ? "poison " : "value ") + key;
                        try {
                            cache.put(key, value);
                        } catch (RuntimeException e) {
                            serializerFailures.incrementAndGet();
                            continue;
                        }
                        Cache.ValueWrapper read = cache.get(key);
                        if (read == null || !value.equals(read.get())) {
                            mismatches.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(serializerFailures).hasValue(OPERATIONS / 10);
        assertThat(mismatches).hasValue(0);
        assertThat(client.ping()).isEqualTo("PONG");
    }
}
