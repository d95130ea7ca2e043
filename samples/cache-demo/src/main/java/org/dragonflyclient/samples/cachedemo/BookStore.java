package org.dragonflyclient.samples.cachedemo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stands for a slow system of record (a remote database, a partner's API): every read takes
 * {@link #LATENCY}. It counts its reads per ISBN, so that anyone can check how often a cached
 * method really ran. Nothing here knows about caching.
 */
@Component
public class BookStore {

    /** How long each read takes. */
    public static final Duration LATENCY = Duration.ofMillis(200);

    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> bookReads = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> priceReads = new ConcurrentHashMap<>();

    public BookStore() {
        add("978-0134685991", "Effective Java", "Joshua Bloch", "45.99");
        add("978-0132350884", "Clean Code", "Robert C. Martin", "39.99");
        add("978-0201633610", "Design Patterns", "Gamma, Helm, Johnson, Vlissides", "54.99");
        add("978-0321125217", "Domain-Driven Design", "Eric Evans", "62.50");
        add("978-1449373320", "Designing Data-Intensive Applications", "Martin Kleppmann", "49.90");
        add("978-0596007126", "Head First Design Patterns", "Eric Freeman, Elisabeth Robson", "44.00");
        add("978-0137081073", "The Clean Coder", "Robert C. Martin", "34.99");
        add("978-1617294945", "Spring in Action", "Craig Walls", "49.99");
    }

    private void add(String isbn, String title, String author, String price) {
        books.put(isbn, new Book(isbn, title, author, Instant.EPOCH));
        prices.put(isbn, new BigDecimal(price));
    }

    /**
     * Reads a book, slowly.
     *
     * @param isbn the ISBN
     * @return the book, or {@code null} if the store has none with that ISBN
     */
    public @Nullable Book find(String isbn) {
        count(bookReads, isbn);
        pause();
        Book book = books.get(isbn);
        return book == null ? null : new Book(book.isbn(), book.title(), book.author(), Instant.now());
    }

    /**
     * Reads the current price of a book, slowly.
     *
     * @param isbn the ISBN
     * @return the price, or {@code null} if the store has no book with that ISBN
     */
    public @Nullable Price quote(String isbn) {
        count(priceReads, isbn);
        pause();
        BigDecimal amount = prices.get(isbn);
        return amount == null ? null : new Price(isbn, amount, "EUR", Instant.now());
    }

    /**
     * Changes a book's title.
     *
     * @param isbn the ISBN
     * @param title the new title
     * @return the book as stored now, or {@code null} if the store has no book with that ISBN
     */
    public @Nullable Book rename(String isbn, String title) {
        Book renamed = books.computeIfPresent(isbn, (key, book) -> new Book(key, title, book.author(), Instant.EPOCH));
        return renamed == null ? null : new Book(isbn, title, renamed.author(), Instant.now());
    }

    /**
     * Changes a book's price.
     *
     * @param isbn the ISBN
     * @param amount the new price in EUR
     * @return the price as stored now, or {@code null} if the store has no book with that ISBN
     */
    public @Nullable Price reprice(String isbn, BigDecimal amount) {
        if (prices.computeIfPresent(isbn, (key, old) -> amount) == null) {
            return null;
        }
        return new Price(isbn, amount, "EUR", Instant.now());
    }

    /**
     * @param isbn the ISBN
     * @return how many times {@link #find} ran for it
     */
    public long bookReads(String isbn) {
        return reads(bookReads, isbn);
    }

    /**
     * @param isbn the ISBN
     * @return how many times {@link #quote} ran for it
     */
    public long priceReads(String isbn) {
        return reads(priceReads, isbn);
    }

    private static void count(Map<String, AtomicLong> reads, String isbn) {
        reads.computeIfAbsent(isbn, key -> new AtomicLong()).incrementAndGet();
    }

    private static long reads(Map<String, AtomicLong> reads, String isbn) {
        AtomicLong count = reads.get(isbn);
        return count == null ? 0 : count.get();
    }

    private static void pause() {
        try {
            Thread.sleep(LATENCY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the slow store", e);
        }
    }
}
