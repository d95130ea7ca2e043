package org.dragonflyclient.samples.cachedemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import org.dragonflyclient.core.DragonflyClient;

/**
 * The demo end to end: real HTTP on a random port, a real server from dragonfly-test-support
 * ({@code demo.local-server=always} in {@code application-test.yml}). Each test uses a book of
 * its own, so that the tests do not depend on each other's cache entries. Whether the slow
 * method ran is read from the {@link BookStore}'s counters, never from timings.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import(LocalServerConfiguration.class)
class CacheDemoApplicationTests {

    private static final ParameterizedTypeReference<Lookup<Book>> BOOK = new ParameterizedTypeReference<>() {};

    private static final ParameterizedTypeReference<Lookup<Price>> PRICE = new ParameterizedTypeReference<>() {};

    @Autowired
    private RestTestClient http;

    @Autowired
    private BookStore store;

    @Autowired
    private DragonflyClient client;

    @Test
    void secondLookupIsServedFromTheCache() {
        String isbn = "978-0134685991";
        double hitsBefore = cacheGets("books", "hit");
        double missesBefore = cacheGets("books", "miss");

        Lookup<Book> first = get("/books/" + isbn, BOOK);
        Lookup<Book> second = get("/books/" + isbn, BOOK);

        assertThat(first.cacheHit()).isFalse();
        assertThat(second.cacheHit()).isTrue();
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(store.bookReads(isbn)).isOne();
        assertThat(cacheGets("books", "miss")).isEqualTo(missesBefore + 1);
        assertThat(cacheGets("books", "hit")).isEqualTo(hitsBefore + 1);
        assertThat(client.get("cache-demo:books::" + isbn)).contains("\"title\":\"Effective Java\"");
    }

    @Test
    void renameEvictsTheCachedBook() {
        String isbn = "978-0132350884";
        get("/books/" + isbn, BOOK);
        assertThat(get("/books/" + isbn, BOOK).cacheHit()).isTrue();

        http.put()
                .uri("/books/{isbn}?title={title}", isbn, "Clean Code, 2nd edition")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(client.exists("cache-demo:books::" + isbn)).isZero();

        Lookup<Book> afterRename = get("/books/" + isbn, BOOK);
        assertThat(afterRename.cacheHit()).isFalse();
        assertThat(afterRename.value().title()).isEqualTo("Clean Code, 2nd edition");
        assertThat(store.bookReads(isbn)).isEqualTo(2);
    }

    @Test
    void concurrentMissesReadTheStoreOnce() throws Exception {
        String isbn = "978-0201633610";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Lookup<Book>>> lookups = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> get("/books/" + isbn, BOOK), pool))
                    .toList();
            CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        assertThat(store.bookReads(isbn))
                .as("reads of the store with sync = true")
                .isOne();
    }

    @Test
    void unknownBookIsNotFoundAndTheAnswerIsCached() {
        String isbn = "978-0000000000";
        http.get().uri("/books/{isbn}", isbn).exchange().expectStatus().isNotFound();
        http.get().uri("/books/{isbn}", isbn).exchange().expectStatus().isNotFound();
        assertThat(store.bookReads(isbn)).isOne();
    }

    @Test
    void priceIsCachedThroughCompletableFutureAndExpires() {
        String isbn = "978-0321125217";
        String key = "cache-demo:prices::" + isbn;

        Lookup<Price> first = get("/books/" + isbn + "/price", PRICE);
        Lookup<Price> second = get("/books/" + isbn + "/price", PRICE);
        assertThat(first.cacheHit()).isFalse();
        assertThat(second.cacheHit()).isTrue();
        assertThat(second.value().amount()).isEqualByComparingTo("62.50");
        assertThat(store.priceReads(isbn)).isOne();
        // dragonfly.cache.caches.prices.time-to-live is 3s in application-test.yml.
        assertThat(client.pttl(key)).isBetween(1L, 3000L);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client.exists(key) == 0);
        Lookup<Price> afterExpiry = get("/books/" + isbn + "/price", PRICE);
        assertThat(afterExpiry.cacheHit()).isFalse();
        assertThat(store.priceReads(isbn)).isEqualTo(2);
    }

    @Test
    void repriceWritesTheNewPriceIntoTheCache() {
        String isbn = "978-1449373320";
        http.put()
                .uri("/books/{isbn}/price?amount={amount}", isbn, "19.99")
                .exchange()
                .expectStatus()
                .isOk();

        Lookup<Price> price = get("/books/" + isbn + "/price", PRICE);
        assertThat(price.cacheHit()).isTrue();
        assertThat(price.value().amount()).isEqualByComparingTo(new BigDecimal("19.99"));
        assertThat(store.priceReads(isbn)).isZero();
    }

    @Test
    void healthShowsTheServer() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.dragonfly.status")
                .isEqualTo("UP")
                .jsonPath("$.components.dragonfly.details.server")
                .isNotEmpty()
                .jsonPath("$.components.dragonfly.details.version")
                .isNotEmpty();
    }

    private <T> T get(String path, ParameterizedTypeReference<T> type) {
        return http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(type)
                .returnResult()
                .getResponseBody();
    }

    /** {@code cache.gets} of one cache and result, as the actuator shows it. */
    private double cacheGets(String cache, String result) {
        Metric metric = http.get()
                .uri("/actuator/metrics/cache.gets?tag=cache:{cache}&tag=result:{result}", cache, result)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Metric.class)
                .returnResult()
                .getResponseBody();
        return metric.measurements().get(0).value();
    }

    record Metric(String name, List<Measurement> measurements) {}

    record Measurement(String statistic, double value) {}
}
