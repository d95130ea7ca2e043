package org.dragonflyclient.core;

import java.util.List;

/**
 * One page of a {@code SCAN}: the keys returned and the cursor to continue from. A page may be
 * empty while the scan is not finished (Dragonfly and Redis both do this); the scan is finished
 * only when the cursor is {@code "0"}.
 *
 * @param cursor the cursor for the next call, {@code "0"} when the scan is complete; kept as text
 *     because Dragonfly's cursors can exceed a signed 64-bit integer
 * @param keys the keys of this page
 * @param <K> {@code byte[]} or {@code String}
 */
public record ScanPage<K>(String cursor, List<K> keys) {

    /** @return {@code true} when this was the last page */
    public boolean isLast() {
        return "0".equals(cursor);
    }
}
