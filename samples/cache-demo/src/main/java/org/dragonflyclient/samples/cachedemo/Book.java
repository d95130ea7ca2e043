package org.dragonflyclient.samples.cachedemo;

import java.time.Instant;

/**
 * A book as the slow store returns it.
 *
 * @param isbn the ISBN, the cache key
 * @param title the title
 * @param author the author
 * @param loadedAt when the store produced this copy: a cached copy is older than the request
 *     that reads it, which is how {@link BookController} tells a hit from a load
 */
public record Book(String isbn, String title, String author, Instant loadedAt) {}
