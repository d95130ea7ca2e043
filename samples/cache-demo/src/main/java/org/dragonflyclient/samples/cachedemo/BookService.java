package org.dragonflyclient.samples.cachedemo;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The cached side of the {@link BookStore}. Each method shows one of Spring's caching annotations;
 * the caches ({@code books}, {@code prices}) are Dragonfly caches configured under
 * {@code dragonfly.cache.*} in {@code application.yml}. Keys default to the method's only
 * argument, the ISBN, and are stored as {@code cache-demo:books::978-0134685991}.
 */
@Service
public class BookService {

    private final BookStore store;
    private final Executor executor;

    public BookService(BookStore store, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    /**
     * Looks a book up: from the cache when it is there, otherwise from the slow store, and then
     * cached. {@code sync = true}: when many requests miss the same ISBN together, the store is
     * read once and the others wait for that result instead of piling onto the store. An unknown
     * ISBN is cached too (as {@code null}), so repeated misses do not hit the store either.
     */
    @Cacheable(cacheNames = "books", sync = true)
    public @Nullable Book find(String isbn) {
        return store.find(isbn);
    }

    /**
     * Renames a book in the store and evicts its cached copy, so that the next {@link #find}
     * reads the new title from the store.
     */
    @CacheEvict(cacheNames = "books", key = "#isbn")
    public @Nullable Book rename(String isbn, String title) {
        return store.rename(isbn, title);
    }

    /**
     * Quotes a price without blocking the caller: the method returns a {@link CompletableFuture}
     * and Spring caches the value it completes with. A cached price comes back as an already
     * completed future; the store is not asked.
     */
    @Cacheable(cacheNames = "prices")
    public CompletableFuture<@Nullable Price> price(String isbn) {
        return CompletableFuture.supplyAsync(() -> store.quote(isbn), executor);
    }

    /**
     * Changes a price in the store and writes the new price into the cache (instead of evicting
     * it), so that the next {@link #price} is a hit with the new amount.
     */
    @CachePut(cacheNames = "prices", key = "#isbn", unless = "#result == null")
    public @Nullable Price reprice(String isbn, BigDecimal amount) {
        return store.reprice(isbn, amount);
    }
}
