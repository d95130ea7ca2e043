package org.dragonflyclient.core.connection;

import java.io.IOException;
import java.io.InputStream;

/**
 * A short, self-limiting spin before a lone caller's blocking read: checks the socket for bytes
 * for up to a budget, so that a reply that comes quickly is read without the thread ever sleeping.
 *
 * <h2>Why</h2>
 * A thread that blocks in the JDK's socket read sleeps in {@code poll}, and the kernel wakes it
 * when the reply lands. On virtual machines that wake-up is the largest part of a round trip to
 * a server on the same host: measured with two C processes exchanging one byte over a socket pair
 * on a 2-vCPU VM, 70 µs per round trip when both sleep, 20 µs when one side spins. A spin trades
 * that wake-up for CPU spent checking, which pays only while replies come within the budget.
 *
 * <h2>Self-limiting</h2>
 * A spin that ends without bytes ("a miss") makes the next 2, 4, 8 ... up to {@link #MAX_SKIPS}
 * waits skip the spin and sleep at once; a spin that sees bytes resets that. Against a server
 * across a network, where a reply takes longer than any sensible budget, spinning thus falls to
 * one probe per 1,024 waits. Each check yields the CPU, so a spinning thread never keeps a server
 * (or another thread) that shares its core from running.
 *
 * <p>Not thread-safe: only the thread holding a connection's reader role calls it, and the role's
 * atomic hand-over orders one holder's updates before the next holder's reads.
 */
final class SpinWait {

    /** The longest run of waits that skip spinning after misses: 2^10. */
    static final int MAX_SKIPS = 1 << 10;

    private final long budgetNanos;
    /** Waits left that sleep at once, after a miss. */
    private int skipsLeft;
    /** The next skip run after a miss, doubled per consecutive miss up to {@link #MAX_SKIPS}. */
    private int nextSkips = 2;

    /** @param budgetNanos how long one spin may check for bytes; zero turns spinning off */
    SpinWait(long budgetNanos) {
        this.budgetNanos = budgetNanos;
    }

    /** @return whether this spin ever runs (a budget above zero) */
    boolean isEnabled() {
        return budgetNanos > 0;
    }

    /**
     * Checks {@code in} for bytes until some arrive or the budget (capped at {@code maxNanos}) is
     * spent; or returns at once while skipping after a miss. The caller then reads as it would
     * have anyway: at once when bytes arrived, blocking otherwise.
     *
     * @param in the socket's stream; its {@code available()} must ask the kernel (plain TCP)
     * @param maxNanos the caller's own limit, e.g. the time left until its deadline
     * @return whether bytes are ready to read
     */
    boolean awaitReadable(InputStream in, long maxNanos) {
        if (skipsLeft > 0) {
            skipsLeft--;
            return false;
        }
        long budget = Math.min(budgetNanos, maxNanos);
        long start = System.nanoTime();
        try {
            do {
                if (in.available() > 0) {
                    nextSkips = 2;
                    return true;
                }
                Thread.yield();
            } while (System.nanoTime() - start < budget);
        } catch (IOException e) {
            return false; // the read that follows meets the same failure and reports it
        }
        skipsLeft = nextSkips;
        nextSkips = Math.min(nextSkips * 2, MAX_SKIPS);
        return false;
    }

    /** @return waits left that skip the spin; for tests */
    int skipsLeft() {
        return skipsLeft;
    }
}
