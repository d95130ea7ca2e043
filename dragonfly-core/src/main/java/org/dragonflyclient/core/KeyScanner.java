package org.dragonflyclient.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks the whole key space with {@code SCAN}, one page at a time, fetching the next page only when
 * needed. Pages may be empty before the end (Dragonfly and Redis both return such pages): the
 * scanner keeps going until the cursor comes back as {@code "0"}. Keys added or removed during the
 * walk may or may not be seen; a key present all along is returned at least once.
 *
 * <p>Not thread-safe; each call to {@link DragonflyCommands#scan(ScanArgs)} starts a new walk.
 *
 * @param <K> {@code String} or {@code byte[]}
 */
public final class KeyScanner<K> implements Iterator<K> {

    private final Function<String, ScanPage<K>> fetch;
    private String cursor = "0";
    private boolean finished;
    private List<K> page = List.of();
    private int index;

    /**
     * @param fetch loads the page that starts at a cursor
     */
    public KeyScanner(Function<String, ScanPage<K>> fetch) {
        this.fetch = fetch;
    }

    /**
     * Returns the rest of the current page, or the next non-empty page; empty only when the walk
     * is complete. Suits batch work such as deleting keys page by page.
     *
     * @return the next keys, or an empty list at the end
     */
    public List<K> nextBatch() {
        if (index < page.size()) {
            List<K> rest = page.subList(index, page.size());
            index = page.size();
            return rest;
        }
        while (!finished) {
            ScanPage<K> next = fetch.apply(cursor);
            cursor = next.cursor();
            finished = next.isLast();
            if (!next.keys().isEmpty()) {
                page = next.keys();
                index = page.size();
                return page;
            }
        }
        return List.of();
    }

    @Override
    public boolean hasNext() {
        while (index >= page.size()) {
            if (finished) {
                return false;
            }
            ScanPage<K> next = fetch.apply(cursor);
            cursor = next.cursor();
            finished = next.isLast();
            page = next.keys();
            index = 0;
        }
        return true;
    }

    @Override
    public K next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The scan is complete");
        }
        return page.get(index++);
    }
}
