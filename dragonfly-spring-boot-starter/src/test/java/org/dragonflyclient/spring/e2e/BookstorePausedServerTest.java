package org.dragonflyclient.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TestServers;

/**
 * The server freezes (paused: connections stay open, nothing answers, so every call would wait for
 * its timeout) under {@code sync = false}, {@code sync = true} and {@code CompletableFuture}
 * methods: each returns the method's own result, no request pays more than one timeout, the
 * circuit breaker opens after the failure and closes again when the server answers.
 */
@SpringBootTest(
        classes = BookstoreApplication.class,
        properties = {"dragonfly.timeout=1s", "dragonfly.cache.circuit-breaker.open-duration=500ms"})
@DirtiesContext
class BookstorePausedServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static ManagedServer server;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        server = TestServers.startDedicated();
        registry.add("dragonfly.url", server::uri);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Autowired
    private BookService books;

    /** Runs one request and returns how long it took; two timeouts would take at least two timeouts. */
    private static Duration timed(Callable<?> request) throws Exception {
        long start = System.nanoTime();
        request.call();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void pausedServer_everyKindOfCachedMethodAnswers_withAtMostOneTimeoutPerRequest() throws Exception {
        books.find("p1");
        books.loadSlowly("p1");
        books.quote("p1").get(5, TimeUnit.SECONDS);
        int finds = books.calls("find");
        int loads = books.calls("loadSlowly");
        int quotes = books.calls("quote");

        server.pause();
        try {
            for (int round = 0; round < 3; round++) {
                String isbn = "p" + round;
                assertThat(timed(() -> assertThat(books.find(isbn).isbn()).isEqualTo(isbn)))
                        .as("sync = false, round " + round)
                        .isLessThan(TIMEOUT.multipliedBy(2));
                assertThat(timed(
                                () -> assertThat(books.loadSlowly(isbn).title()).isEqualTo("Slow " + isbn)))
                        .as("sync = true, round " + round)
                        .isLessThan(TIMEOUT.multipliedBy(2));
                assertThat(timed(() -> assertThat(books.quote(isbn).get(5, TimeUnit.SECONDS))
                                .isEqualTo("quote of " + isbn)))
                        .as("CompletableFuture, round " + round)
                        .isLessThan(TIMEOUT.multipliedBy(2));
            }
            // With the server frozen nothing is served from the cache: each call ran its method.
            assertThat(books.calls("find") - finds).isEqualTo(3);
            assertThat(books.calls("loadSlowly") - loads).isEqualTo(3);
            assertThat(books.calls("quote") - quotes).isEqualTo(3);
        } finally {
            server.resume();
        }

        // The breaker lets a probe through after its open duration and closes: caching resumes.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    int before = books.calls("find");
                    books.find("after");
                    books.find("after");
                    assertThat(books.calls("find") - before).isLessThanOrEqualTo(1);
                    int again = books.calls("find");
                    books.find("after");
                    assertThat(books.calls("find")).isEqualTo(again);
                });
    }
}
