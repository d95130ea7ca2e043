package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link TrackingListener} that records what it hears, in order, as {@code "invalidated:key"},
 * {@code "invalidatedAll"} and {@code "trackingLost"}, for tests to wait for. The wait is a bound
 * on a test that fails, not a timing claim.
 */
final class RecordingTrackingListener implements TrackingListener {

    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void invalidated(List<byte[]> keys) {
        keys.forEach(key -> events.add("invalidated:" + new String(key, StandardCharsets.UTF_8)));
    }

    @Override
    public void invalidatedAll() {
        events.add("invalidatedAll");
    }

    @Override
    public void trackingLost(DragonflyException reason) {
        events.add("trackingLost");
    }

    /** Waits for the next event that {@code wanted} accepts and returns it; fails after the bound. */
    String next(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            String event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                return fail("No tracking event matching the test within " + WAIT_SECONDS + " s");
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Waits for the next invalidation of a key starting with {@code prefix}, or of everything. */
    String nextAbout(String prefix) throws InterruptedException {
        return next(
                e -> e.startsWith("invalidated:" + prefix) || e.equals("invalidatedAll") || e.equals("trackingLost"));
    }

    /** Forgets what was heard so far. */
    void clear() {
        events.clear();
    }
}
