package org.dragonflyclient.core.internal.connection;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dragonflyclient.core.internal.command.Command;

/**
 * A short, self-limiting spin before a waiting caller sleeps: it checks for its reply, yielding
 * the CPU between checks, until the reply is there or the thread has spent its budget of CPU
 * time, so that a reply that comes soon is taken without the thread ever sleeping.
 *
 * <h2>Why</h2>
 * A thread that sleeps (in {@code poll} for a socket, in {@code park} for another thread's
 * hand-over) must be woken by the kernel, and on virtual machines that wake-up is the largest part
 * of a round trip to a server on the same host: measured with two C processes exchanging one byte
 * over a socket pair on a 2-vCPU VM, 70 µs per round trip when both sleep, 20 µs when one side
 * spins. Under concurrency it is worse: every caller sleeps and is woken once per command, and a
 * core that has gone idle meanwhile must be woken too.
 *
 * <h2>The budget is CPU time, not wall time</h2>
 * Each check is followed by {@link Thread#yield()}. When other threads want the CPU (the server
 * on the same host, the reader that is decoding this caller's reply, other callers), the yield
 * runs them and the spinning thread uses almost no CPU of its own while its wall-clock wait goes
 * on; when nothing else wants the CPU, the yield returns at once and the thread burns its budget.
 * So the budget counts the spinning thread's own CPU time ({@link ThreadMXBean}; wall time where
 * the JVM cannot measure it, as for a virtual thread, whose CPU time reads -1): a spin costs at
 * most the budget of CPU whatever the wait, and a busy machine keeps all its cores working instead
 * of putting callers to sleep and waking them.
 *
 * <h2>Self-limiting</h2>
 * A spin that ends without its reply ("a miss") makes the next 2, 4, 8 ... up to
 * {@link #MAX_SKIPS} waits skip the spin and sleep at once; a spin that sees its reply after
 * spinning halves the next run (down to 2), so spinning settles down unless most spins pay, even when some replies
 * come in time by chance. Against a server across a network, where a reply takes longer than any
 * sensible budget, spinning thus falls to one probe per 1,024 waits.
 *
 * <h2>A yield that lost the core</h2>
 * On a busy machine the yield is what hurts: with a CPU-bound process (an unrelated program, not
 * this JVM) runnable on the same core, {@code sched_yield} hands it the core for the rest of its
 * time slice, 1-4 ms on a 2-core Linux VM, and a reply that arrives meanwhile waits for the slice
 * to end, because the spinning thread is runnable and gets no wake-up. A thread sleeping in
 * {@code poll} or {@code park} is woken by the reply and preempts the busy process at once, and
 * on a busy machine that wake-up is cheap (no core has to leave its idle state). So a yield that
 * took longer than {@link #LOST_CORE_NANOS} ends the spin and counts as a miss: while the machine
 * stays busy, callers back off to sleeping, like a blocking client; the occasional probe of the
 * back-off finds out when it is quiet again. A yield to a server sharing the core takes
 * microseconds and keeps the spin going. This rule is for the lone reader, whose yields can only
 * run other processes; a follower's yields run this connection's reader and other callers, whose
 * turns may be long and are work, so their spin ({@link #forFollower}) has no such rule.
 *
 * <p>What a spin waits for is a {@link Probe}: bytes on the socket for a connection's reader
 * ({@link #READABLE}), the command done for a caller waiting while another thread reads
 * ({@link #doneOrReaderFree}). A connection keeps one {@code SpinWait} for each, so that the two
 * kinds of wait back off apart.
 *
 * <p>Thread-safe: the back-off state is shared by the callers that wait on one connection. Its
 * updates may race and lose one another, which only shifts when the next probe comes; the values
 * always stay within their bounds.
 */
final class SpinWait {

    /** The longest run of waits that skip spinning after misses: 2^10. */
    static final int MAX_SKIPS = 1 << 10;

    /**
     * A yield longer than this gave the core to another process's time slice (decision 0019):
     * measured on a 2-core VM, a yield returns within 2 µs when only this thread wants the core,
     * after the server's or another caller's turn (tens of µs) when they do, and after 1-4 ms when
     * a CPU-bound process shares the core; a sleeping thread would have been woken in about 70 µs.
     */
    static final long LOST_CORE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    /** As {@code lostCoreNanos}: no yield ends the spin. */
    static final long NEVER = Long.MAX_VALUE;

    private static final ThreadMXBean THREADS = threadCpuClock();

    /** Yields before a spin first reads the thread's CPU clock. */
    static final int MARK_YIELDS = 4;

    /**
     * The CPU time counted for each of those yields and their checks: above their cost on a 2-core
     * VM, where decision 0006 measured 6 µs of a follower's CPU for its 2 yields on average.
     */
    static final long YIELD_CPU_NANOS = TimeUnit.MICROSECONDS.toNanos(5);

    /** The CPU clock not read yet in this spin. */
    private static final long UNREAD = Long.MIN_VALUE;

    private final long budgetNanos;
    private final long lostCoreNanos;
    /** Whether a probe that holds at the first check, before any spin, counts as a hit. */
    private final boolean firstCheckIsHit;
    /** Waits left that sleep at once, after a miss. */
    private volatile int skipsLeft;
    /** The next skip run after a miss, doubled per consecutive miss up to {@link #MAX_SKIPS}. */
    private volatile int nextSkips = 2;

    /**
     * The spin of a connection's lone reader (decision 0019): a yield that lost the core ends it,
     * and bytes already there at the first check (the rest of a large reply) are no hit.
     *
     * @param budgetNanos CPU time one spin may use; zero turns spinning off
     * @return the spin
     */
    static SpinWait forReader(long budgetNanos) {
        return new SpinWait(budgetNanos, LOST_CORE_NANOS, false);
    }

    /**
     * The spin of a caller waiting while another thread reads: its yields run this connection's
     * reader and other callers, so no yield ends it, and a command done at the first check is a
     * hit (decision 0006).
     *
     * @param budgetNanos CPU time one spin may use; zero turns spinning off
     * @return the spin
     */
    static SpinWait forFollower(long budgetNanos) {
        return new SpinWait(budgetNanos, NEVER, true);
    }

    /**
     * @param budgetNanos CPU time one spin may use; zero turns spinning off
     * @param lostCoreNanos a yield at least this long ends the spin as a miss; {@link #NEVER} for none
     * @param firstCheckIsHit whether a probe that holds before any spin counts as a hit
     */
    SpinWait(long budgetNanos, long lostCoreNanos, boolean firstCheckIsHit) {
        this.budgetNanos = budgetNanos;
        this.lostCoreNanos = lostCoreNanos;
        this.firstCheckIsHit = firstCheckIsHit;
    }

    /** @return whether this spin ever runs (a budget above zero) */
    boolean isEnabled() {
        return budgetNanos > 0;
    }

    /**
     * What a spin waits for, checked once per turn.
     *
     * @param <T> what it looks at
     */
    @FunctionalInterface
    interface Probe<T> {
        /**
         * @param subject what to look at
         * @return whether the wait may go on without sleeping
         * @throws IOException when looking fails; the spin then ends as if it had not started
         */
        boolean ready(T subject) throws IOException;
    }

    /**
     * For the reader of a connection: bytes are ready to read from the socket. Plain TCP only: a
     * TLS socket's {@code available()} counts only bytes already decrypted.
     */
    static final Probe<InputStream> READABLE = in -> in.available() > 0;

    /**
     * For a caller waiting while another thread reads: its command is done, or the reader role is
     * free for it to take.
     *
     * @param reading the connection's reader flag
     * @return the probe, to create once per connection
     */
    static Probe<Command<?>> doneOrReaderFree(AtomicBoolean reading) {
        return command -> command.isDone() || !reading.get();
    }

    /**
     * Checks {@code ready} until it holds, the budget of CPU time is spent, {@code maxNanos} of
     * wall time passed or a yield lost the core; or returns at once while skipping after a miss. The caller then goes on as
     * it would have anyway: at once when the probe held, sleeping otherwise.
     *
     * @param ready what to wait for
     * @param subject what the probe looks at
     * @param maxNanos the caller's own limit in wall time, e.g. the time left until its deadline
     * @param <T> the subject's type
     * @return whether the probe held
     */
    <T> boolean await(Probe<T> ready, T subject, long maxNanos) {
        if (skipping()) {
            return false;
        }
        try {
            if (ready.ready(subject)) {
                // For the reader nothing was spun, so nothing was learnt about whether spinning pays: the
                // rest of a large reply is often there at once, and counted as hits those undid the
                // back-off of a busy machine.
                return firstCheckIsHit ? hit() : true;
            }
            long start = System.nanoTime();
            // The thread's CPU clock is a system call, unlike nanoTime, and most spins end within a
            // few yields (reading it at the start of every spin took 13% of the client's CPU under 16
            // callers on a cluster). So it is first read after MARK_YIELDS yields, and what the spin
            // used before is counted as MARK_YIELDS * YIELD_CPU_NANOS, or the wall time until then
            // if that is less (a thread cannot use more CPU than wall time passes). Under contention
            // a yield's wall time is mostly other threads' turns, which is why the wall time alone
            // would end spins far too early (decision 0006).
            int yields = 0;
            long cpuAtMark = UNREAD;
            long spentAtMark = 0;
            for (; ; ) {
                long beforeYield = System.nanoTime();
                Thread.yield();
                long now = System.nanoTime();
                if (now - beforeYield >= lostCoreNanos) {
                    // The reply, if it came, waited for another process's time slice: back off.
                    boolean done = ready.ready(subject);
                    miss();
                    return done;
                }
                if (ready.ready(subject)) {
                    return hit();
                }
                long elapsed = now - start;
                if (elapsed >= maxNanos) {
                    break;
                }
                if (++yields < MARK_YIELDS) {
                    continue;
                }
                if (cpuAtMark == UNREAD) {
                    cpuAtMark = cpuTime();
                    spentAtMark = Math.min(elapsed, MARK_YIELDS * YIELD_CPU_NANOS);
                } else if (spentAtMark + (cpuTime() - cpuAtMark) >= budgetNanos) {
                    break;
                }
            }
        } catch (IOException e) {
            return false; // the caller's next step (a read) meets the same failure and reports it
        }
        return miss();
    }

    /** @return waits left that skip the spin; for tests */
    int skipsLeft() {
        return skipsLeft;
    }

    private boolean skipping() {
        int skips = skipsLeft;
        if (skips > 0) {
            skipsLeft = skips - 1;
            return true;
        }
        return false;
    }

    private boolean hit() {
        int skips = nextSkips;
        if (skips > 2) {
            nextSkips = skips / 2;
        }
        return true;
    }

    private boolean miss() {
        int skips = nextSkips;
        skipsLeft = skips;
        nextSkips = Math.min(skips * 2, MAX_SKIPS);
        return false;
    }

    /** @return the calling thread's CPU time in nanoseconds, or wall time where the JVM cannot tell */
    static long cpuTime() {
        if (THREADS != null) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (cpu >= 0) {
                return cpu;
            }
        }
        return System.nanoTime();
    }

    /** @return whether {@link #cpuTime} measures CPU time here, for tests */
    static boolean measuresCpuTime() {
        return THREADS != null && THREADS.getCurrentThreadCpuTime() >= 0;
    }

    private static ThreadMXBean threadCpuClock() {
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            // Where CPU time is off (setThreadCpuTimeEnabled(false), the application's choice), cpuTime() falls back.
            if (threads.isCurrentThreadCpuTimeSupported()) {
                return threads;
            }
        } catch (LinkageError | RuntimeException e) {
            // A runtime image without java.management, or a security policy that refuses it.
        }
        return null;
    }
}
