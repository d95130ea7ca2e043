package org.dragonflyclient.samples.cachedemo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The demo with the {@code local-tier} profile of {@code application.yml}: once a book was read
 * from the server, further reads are answered in this JVM (the local tier's meters in {@code /actuator/metrics} say so), and a
 * rename's eviction drops the local copy, so the next lookup shows the new title.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles({"test", "local-tier"})
@Import(LocalServerConfiguration.class)
class LocalTierProfileTests {

    private static final ParameterizedTypeReference<Lookup<Book>> BOOK = new ParameterizedTypeReference<>() {};

    @Autowired
    private RestTestClient http;

    @Autowired
    private BookStore store;

    @Test
    void aBookReadAgainIsALocalHit_andARenameIsSeenAtOnce() {
        String isbn = "978-0596007126";
        get("/books/" + isbn); // a miss: loaded and written; the write leaves no local copy behind
        assertThat(get("/books/" + isbn).cacheHit())
                .as("from the server, and kept locally")
                .isTrue();
        double localHits = metric("cache.local.gets", "&tag=result:hit");

        Lookup<Book> third = get("/books/" + isbn);
        Lookup<Book> fourth = get("/books/" + isbn);

        assertThat(third.cacheHit()).isTrue();
        assertThat(fourth.cacheHit()).isTrue();
        assertThat(metric("cache.local.gets", "&tag=result:hit")).isEqualTo(localHits + 2);
        assertThat(metric("cache.local.hit.ratio", "")).isPositive();

        http.put()
                .uri("/books/{isbn}?title={title}", isbn, "Head First Design Patterns, 2nd edition")
                .exchange()
                .expectStatus()
                .isOk();
        Lookup<Book> afterRename = get("/books/" + isbn);
        assertThat(afterRename.cacheHit()).isFalse();
        assertThat(afterRename.value().title()).isEqualTo("Head First Design Patterns, 2nd edition");
        assertThat(store.bookReads(isbn)).isEqualTo(2);
    }

    private Lookup<Book> get(String path) {
        return http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(BOOK)
                .returnResult()
                .getResponseBody();
    }

    /** A meter of the {@code books} cache, as the actuator shows it. */
    private double metric(String name, String moreTags) {
        CacheDemoApplicationTests.Metric metric = http.get()
                .uri("/actuator/metrics/" + name + "?tag=cache:books" + moreTags)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(CacheDemoApplicationTests.Metric.class)
                .returnResult()
                .getResponseBody();
        return metric.measurements().get(0).value();
    }
}
