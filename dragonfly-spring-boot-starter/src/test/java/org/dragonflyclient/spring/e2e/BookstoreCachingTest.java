package org.dragonflyclient.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.DragonflyCache;
import org.dragonflyclient.spring.cache.DragonflyCacheManager;

/** The whole starter in a Spring Boot application, with annotations, YAML and a real server. */
@SpringBootTest(classes = BookstoreApplication.class)
class BookstoreCachingTest {

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("dragonfly.url", () -> TestClients.server().uri());
    }

    @Autowired
    private BookService books;

    @Autowired
    private CacheManager cacheManager;

    @Autowired
    private DragonflyClient client;

    @Autowired
    private MeterRegistry meterRegistry;

    private static String isbn() {
        return "978-" + UUID.randomUUID();
    }

    private DragonflyCache cache(String name) {
        return (DragonflyCache) cacheManager.getCache(name);
    }

    @Test
    void theStarterProvidesTheCacheManager_withTheYamlCaches() {
        assertThat(cacheManager).isInstanceOf(DragonflyCacheManager.class);
        assertThat(cacheManager.getCacheNames()).contains("books", "loaded", "short-lived", "quotes");
    }

    @Test
    void cacheable_runsTheMethodOnce() {
        String isbn = isbn();
        int before = books.calls("find");

        Book first = books.find(isbn);
        Book second = books.find(isbn);

        assertThat(second).isEqualTo(first);
        assertThat(books.calls("find") - before).isEqualTo(1);
        assertThat(client.pttl("books::" + isbn))
                .as("time-to-live from YAML")
                .isBetween(
                        Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
    }

    @Test
    void cachePut_replacesTheEntry() {
        String isbn = isbn();
        books.find(isbn);
        Book updated = new Book(isbn, "Second edition", new BigDecimal("20.00"));

        books.save(updated);

        int before = books.calls("find");
        assertThat(books.find(isbn)).isEqualTo(updated);
        assertThat(books.calls("find")).isEqualTo(before);
    }

    @Test
    void cacheEvict_removesOneEntry_andAllEntriesRemovesTheRest() {
        String one = isbn();
        String two = isbn();
        books.find(one);
        books.find(two);
        int before = books.calls("find");

        books.remove(one);
        books.find(one);
        books.find(two);
        assertThat(books.calls("find") - before).isEqualTo(1);

        books.removeAll();
        books.find(one);
        books.find(two);
        assertThat(books.calls("find") - before).isEqualTo(3);
    }

    @Test
    void syncTrue_32ConcurrentCallers_runTheLoaderOnce() throws Exception {
        String isbn = isbn();
        int before = books.calls("loadSlowly");
        int callers = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Book>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return books.loadSlowly(isbn);
                }));
            }
            start.countDown();
            for (Future<Book> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).title()).isEqualTo("Slow " + isbn);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(books.calls("loadSlowly") - before).isEqualTo(1);
    }

    @Test
    void perCacheTimeToLiveFromYaml_expiresTheEntry() {
        String isbn = isbn();
        int before = books.calls("price");
        books.price(isbn);
        assertThat(client.pttl("short-lived::" + isbn)).isBetween(1L, 1000L);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    books.price(isbn);
                    assertThat(books.calls("price") - before).isEqualTo(2);
                });
    }

    @Test
    void completableFutureMethods_areCached_asJsonFromYaml() throws Exception {
        String isbn = isbn();
        int before = books.calls("quote");

        String first = books.quote(isbn).get(10, TimeUnit.SECONDS);
        String second = books.quote(isbn).get(10, TimeUnit.SECONDS);

        assertThat(first).isEqualTo("quote of " + isbn);
        assertThat(second).isEqualTo(first);
        assertThat(books.calls("quote") - before).isEqualTo(1);
        assertThat(client.get("quotes::" + isbn)).isEqualTo("\"quote of " + isbn + "\"");
    }

    @Test
    void monoMethods_areCached() {
        String isbn = isbn();
        int before = books.calls("review");

        String first = books.review(isbn).block(Duration.ofSeconds(10));
        String second = books.review(isbn).block(Duration.ofSeconds(10));

        assertThat(first).isEqualTo("review of " + isbn);
        assertThat(second).isEqualTo(first);
        assertThat(books.calls("review") - before).isEqualTo(1);
    }

    @Test
    void aClassOutsideTheAllowList_isRefused_andReportedAsAMiss() {
        String id = "f-" + UUID.randomUUID();
        int before = books.calls("foreign");
        long unreadableBefore = cache("foreign").statistics().unreadable();

        books.foreign(id);
        books.foreign(id);

        assertThat(books.calls("foreign") - before).isEqualTo(2);
        assertThat(cache("foreign").statistics().unreadable() - unreadableBefore)
                .isEqualTo(1);
    }

    @Test
    void metrics_countTheStartUpCaches() {
        String isbn = isbn();
        books.find(isbn);
        books.find(isbn);

        assertThat(meterRegistry
                        .get("cache.gets")
                        .tags("cache", "books", "result", "hit")
                        .functionCounter()
                        .count())
                .isPositive();
        assertThat(meterRegistry
                        .get("dragonfly.commands")
                        .tags("command", "GET")
                        .timers())
                .isNotEmpty();
    }
}
