package org.dragonflyclient.spring.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Stops a server outage from costing every request a full command timeout.
 *
 * <p>The first connection failure or timeout opens the breaker: for {@code openDuration} every
 * cache operation is skipped without touching the network (reads become misses, writes are
 * dropped). Then one caller is let through as a probe; if it reaches the server the breaker
 * closes, if not it stays open for another {@code openDuration}. One failure is enough to open,
 * because a request typically reads and then writes: had the breaker waited for a second failure,
 * that same request would have paid two timeouts.
 *
 * <p>Only transport failures count. A server error reply ({@code WRONGTYPE}, {@code OOM}) proves
 * that the server answers, so it closes the breaker like a success.
 */
final class CircuitBreaker {

    private static final int CLOSED = 0;
    private static final int OPEN = 1;
    private static final int PROBING = 2;

    private final long openNanos;
    private final LongSupplier clock;
    private final AtomicInteger state = new AtomicInteger(CLOSED);
    private volatile long probeAt;
    private volatile Throwable lastFailure;

    /**
     * @param openDuration how long to skip the server after a failure; zero disables the breaker
     * @param clock {@link System#nanoTime()} or a test clock
     */
    CircuitBreaker(Duration openDuration, LongSupplier clock) {
        this.openNanos = openDuration.toNanos();
        this.clock = clock;
    }

    /** @return whether the breaker can open at all */
    boolean enabled() {
        return openNanos > 0;
    }

    /** @return how long the breaker stays open */
    Duration openDuration() {
        return Duration.ofNanos(openNanos);
    }

    /**
     * Asks to contact the server.
     *
     * @return {@code true} when the breaker is closed, or when the caller is the one probe let
     *     through after the open period; the caller must then report its outcome
     */
    boolean tryAcquire() {
        int current = state.get();
        if (current == CLOSED) {
            return true;
        }
        if (current == OPEN && clock.getAsLong() - probeAt >= 0) {
            return state.compareAndSet(OPEN, PROBING);
        }
        return false;
    }

    /**
     * The server answered (with a value or an error reply).
     *
     * @return {@code true} when this closed an open breaker, so the caller logs the recovery
     */
    boolean onSuccess() {
        return state.get() != CLOSED && state.getAndSet(CLOSED) != CLOSED;
    }

    /**
     * The server could not be reached or did not answer in time.
     *
     * @param failure what happened
     * @return {@code true} when this opened a closed breaker, so the caller logs the outage once
     */
    boolean onFailure(Throwable failure) {
        if (openNanos <= 0) {
            return false;
        }
        lastFailure = failure;
        probeAt = clock.getAsLong() + openNanos;
        return state.getAndSet(OPEN) == CLOSED;
    }

    /** The outcome says nothing about the server (the caller was interrupted, say): let another probe go. */
    void onInconclusive() {
        state.compareAndSet(PROBING, OPEN);
    }

    /** @return whether calls are being skipped */
    boolean isOpen() {
        return state.get() != CLOSED;
    }

    /** @return the failure that opened the breaker last, or {@code null} */
    Throwable lastFailure() {
        return lastFailure;
    }
}
