package org.dragonflyclient.samples.cachedemo;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The price of a book, quoted by the slow store.
 *
 * @param isbn the book's ISBN, the cache key
 * @param amount the amount in {@code currency}
 * @param currency an ISO 4217 code
 * @param quotedAt when the store produced this quote (see {@link Book#loadedAt()})
 */
public record Price(String isbn, BigDecimal amount, String currency, Instant quotedAt) {}
