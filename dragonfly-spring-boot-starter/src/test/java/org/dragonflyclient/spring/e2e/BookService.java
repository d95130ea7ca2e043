package org.dragonflyclient.spring.e2e;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import org.dragonflyclient.spring.outside.Foreign;

/** Cached methods of every kind, counting how often their bodies really run. */
@Service
public class BookService {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    private void called(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    @Cacheable("books")
    public Book find(String isbn) {
        called("find");
        return new Book(isbn, "Title " + isbn, new BigDecimal("10.00"));
    }

    @CachePut(cacheNames = "books", key = "#book.isbn")
    public Book save(Book book) {
        called("save");
        return book;
    }

    @CacheEvict("books")
    public void remove(String isbn) {
        called("remove");
    }

    @CacheEvict(cacheNames = "books", allEntries = true)
    public void removeAll() {
        called("removeAll");
    }

    @Cacheable(cacheNames = "loaded", sync = true)
    public Book loadSlowly(String isbn) throws InterruptedException {
        called("loadSlowly");
        Thread.sleep(200); // long enough for all concurrent callers to arrive while it runs
        return new Book(isbn, "Slow " + isbn, BigDecimal.ONE);
    }

    @Cacheable("quotes")
    public CompletableFuture<String> quote(String isbn) {
        called("quote");
        return CompletableFuture.supplyAsync(() -> "quote of " + isbn);
    }

    @Cacheable("reviews")
    public Mono<String> review(String isbn) {
        return Mono.fromCallable(() -> {
            called("review");
            return "review of " + isbn;
        });
    }

    @Cacheable("short-lived")
    public BigDecimal price(String isbn) {
        called("price");
        return new BigDecimal("9.99");
    }

    @Cacheable("foreign")
    public Foreign foreign(String id) {
        called("foreign");
        return new Foreign(id);
    }
}
