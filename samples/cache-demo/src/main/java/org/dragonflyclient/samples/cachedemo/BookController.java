package org.dragonflyclient.samples.cachedemo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints of the demo:
 * <ul>
 *   <li>{@code GET /books/{isbn}}: slow the first time, then from the cache;</li>
 *   <li>{@code PUT /books/{isbn}?title=...}: renames the book and evicts it from the cache;</li>
 *   <li>{@code GET /books/{isbn}/price}: the same, through a {@code CompletableFuture};</li>
 *   <li>{@code PUT /books/{isbn}/price?amount=...}: writes the new price into the cache.</li>
 * </ul>
 * Lookups answer a {@link Lookup}: {@code {"cacheHit":true,"elapsedMs":3,"value":{...}}}.
 */
@RestController
@RequestMapping("/books")
public class BookController {

    private final BookService books;

    public BookController(BookService books) {
        this.books = books;
    }

    @GetMapping("/{isbn}")
    public ResponseEntity<Lookup<Book>> book(@PathVariable String isbn) {
        Instant started = Instant.now();
        Book book = books.find(isbn);
        return book == null
                ? ResponseEntity.notFound().build()
                : ResponseEntity.ok(Lookup.of(started, book, book.loadedAt()));
    }

    @PutMapping("/{isbn}")
    public ResponseEntity<Book> rename(@PathVariable String isbn, @RequestParam String title) {
        Book book = books.rename(isbn, title);
        return book == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(book);
    }

    @GetMapping("/{isbn}/price")
    public CompletableFuture<ResponseEntity<Lookup<Price>>> price(@PathVariable String isbn) {
        Instant started = Instant.now();
        return books.price(isbn)
                .thenApply(price -> price == null
                        ? ResponseEntity.notFound().build()
                        : ResponseEntity.ok(Lookup.of(started, price, price.quotedAt())));
    }

    @PutMapping("/{isbn}/price")
    public ResponseEntity<Price> reprice(@PathVariable String isbn, @RequestParam BigDecimal amount) {
        Price price = books.reprice(isbn, amount);
        return price == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(price);
    }
}
