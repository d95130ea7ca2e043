package org.dragonflyclient.core.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.output.StatusOutput;

/**
 * {@link SpinWait} over a real loopback TCP connection: it must see bytes the kernel holds (or,
 * for a follower, its command completed by another thread), give up after its budget, and back
 * off after misses. Budgets are either tiny (a miss is certain, as
 * no bytes are ever sent) or huge (the spin ends only because bytes arrive), so no outcome
 * depends on how fast this machine is.
 */
class SpinWaitTest {

    private static final long TINY = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long HUGE = TimeUnit.SECONDS.toNanos(30);

    /** Not ready at the first check, ready at the next: a reply that comes during the spin. */
    private static final SpinWait.Probe<AtomicInteger> READY_AFTER_A_YIELD = checks -> checks.incrementAndGet() > 1;

    private ServerSocket listener;
    private Socket client;
    private Socket server;
    private InputStream in;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket();
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
        server = listener.accept();
        in = client.getInputStream();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }

    @Test
    void bytesAlreadyReceived_areSeenAtOnce() throws IOException {
        server.getOutputStream().write('+');
        awaitArrival();

        assertThat(patient(HUGE).await(SpinWait.READABLE, in, HUGE)).isTrue();
    }

    @Test
    void bytesArrivingDuringTheSpin_endIt() throws Exception {
        SpinWait spin = patient(HUGE);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(20);
                server.getOutputStream().write('+');
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isTrue();
        late.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMiss_skipsTheNextTwoSpins_andConsecutiveMissesDoubleTheRun() {
        SpinWait spin = patient(TINY);

        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(2);
        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isZero();

        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse(); // spins again and misses again
        assertThat(spin.skipsLeft()).isEqualTo(4);
    }

    @Test
    void skipRuns_stopGrowingAt1024() {
        SpinWait spin = patient(TINY);
        int longest = 0;
        for (int wait = 0; wait < 5_000; wait++) {
            spin.await(SpinWait.READABLE, in, HUGE);
            longest = Math.max(longest, spin.skipsLeft());
        }

        assertThat(longest).isEqualTo(SpinWait.MAX_SKIPS);
    }

    @Test
    void aHit_halvesTheNextSkipRun() {
        SpinWait spin = patient(TINY);
        spin.await(SpinWait.READABLE, in, HUGE); // miss: skip 2, then 4
        spin.await(SpinWait.READABLE, in, HUGE);
        spin.await(SpinWait.READABLE, in, HUGE);
        spin.await(SpinWait.READABLE, in, HUGE); // miss: skip 4, then 8
        for (int i = 0; i < 4; i++) {
            spin.await(SpinWait.READABLE, in, HUGE);
        }
        assertThat(spin.await(READY_AFTER_A_YIELD, new AtomicInteger(), HUGE))
                .isTrue(); // hit: the next run is 4 again, not 8

        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(4);
    }

    @Test
    void repeatedHits_leaveTheFirstSkipRunAtTwo() {
        SpinWait spin = patient(TINY);
        for (int round = 0; round < 3; round++) {
            assertThat(spin.await(READY_AFTER_A_YIELD, new AtomicInteger(), HUGE))
                    .isTrue();
        }

        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(2);
    }

    @Test
    void aReplyThatIsThereBeforeAnySpin_isTaken_butIsNoHit() throws IOException {
        SpinWait spin = patient(TINY);
        spin.await(SpinWait.READABLE, in, HUGE); // miss: skip 2, then 4
        spin.await(SpinWait.READABLE, in, HUGE);
        spin.await(SpinWait.READABLE, in, HUGE);
        server.getOutputStream().write('+');
        awaitArrival();

        // Like the rest of a large reply: taken at once, without spinning, and the back-off stays.
        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isTrue();
        in.read();
        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(4);
    }

    @Test
    void theCallersLimit_capsTheBudget() {
        SpinWait spin = patient(HUGE);

        assertThat(spin.await(SpinWait.READABLE, in, TINY)).isFalse(); // would spin for 30 s without the cap
        assertThat(spin.skipsLeft()).isEqualTo(2);
    }

    @Test
    void aClosedSocket_endsTheSpinWithoutThrowing_andAZeroBudgetIsOff() throws IOException {
        client.close();

        assertThat(patient(HUGE).await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(patient(0).isEnabled()).isFalse();
        assertThat(patient(TINY).isEnabled()).isTrue();
    }

    @Test
    void aFollower_seesItsCommandDone_atOnceOrWhileSpinning() throws Exception {
        SpinWait spin = patient(HUGE);
        AtomicBoolean reading = new AtomicBoolean(true);
        Command<String> done = echo();
        done.complete("done");
        assertThat(spin.await(SpinWait.doneOrReaderFree(reading), done, HUGE)).isTrue();

        Command<String> late = echo();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            sleep(20);
            late.complete("late");
        });

        assertThat(spin.await(SpinWait.doneOrReaderFree(reading), late, HUGE)).isTrue();
        assertThat(late).isCompletedWithValue("late");
        reader.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFollower_stopsSpinning_whenTheReaderRoleIsFree() throws Exception {
        SpinWait spin = patient(HUGE);
        AtomicBoolean reading = new AtomicBoolean(true);
        Command<String> pending = echo();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            sleep(20);
            reading.set(false); // the reader left the role: the follower must take it, not wait on
        });

        assertThat(spin.await(SpinWait.doneOrReaderFree(reading), pending, HUGE))
                .isTrue();
        assertThat(pending).isNotDone();
        reader.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFollowerWhoseCommandStaysPending_missesAndBacksOff_withinItsLimit() {
        AtomicBoolean reading = new AtomicBoolean(true);

        SpinWait tinyBudget = patient(TINY);
        assertThat(tinyBudget.await(SpinWait.doneOrReaderFree(reading), echo(), HUGE))
                .isFalse();
        assertThat(tinyBudget.skipsLeft()).isEqualTo(2);

        SpinWait tinyLimit = patient(HUGE);
        // Would spin for 30 s without the cap.
        assertThat(tinyLimit.await(SpinWait.doneOrReaderFree(reading), echo(), TINY))
                .isFalse();
        assertThat(tinyLimit.skipsLeft()).isEqualTo(2);
    }

    @Test
    void theBudget_isTheThreadsOwnCpuTime_soASleepingThreadSpendsNone() throws InterruptedException {
        assertThat(SpinWait.measuresCpuTime())
                .as("HotSpot measures thread CPU time on Linux")
                .isTrue();

        long before = SpinWait.cpuTime();
        Thread.sleep(200);
        long spent = SpinWait.cpuTime() - before;

        // Wall time passed 200 ms; CPU time only what the sleep call itself took.
        assertThat(spent).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void timeTheSpinningThreadSpendsOffTheCpu_isNotChargedToItsBudget() {
        // Each check sleeps 2 ms: 20 ms of wall time until the 10th check holds, a few hundred
        // microseconds of the thread's own CPU at most (the sleeps' system calls). The budget is
        // 5 ms of CPU: counted in wall time, this spin would end at its third check. The first
        // MARK_YIELDS checks, before the CPU clock is first read, are charged at a fixed estimate.
        SpinWait spin = patient(TimeUnit.MILLISECONDS.toNanos(5));
        AtomicInteger checks = new AtomicInteger();
        SpinWait.Probe<AtomicInteger> tenthCheck = count -> {
            sleep(2);
            return count.incrementAndGet() >= 10;
        };

        assertThat(spin.await(tenthCheck, checks, HUGE)).isTrue();
        assertThat(checks).hasValue(10);
        assertThat(SpinWait.MARK_YIELDS * SpinWait.YIELD_CPU_NANOS)
                .as("the estimate for the checks before the clock is read leaves most of a default budget")
                .isLessThan(TimeUnit.MICROSECONDS.toNanos(50));
    }

    @Test
    void aYieldThatLostTheCore_endsTheSpinAsAMiss() {
        // Every yield counts as lost: without that rule this spin would last 30 s.
        SpinWait spin = new SpinWait(HUGE, 0, false);

        assertThat(spin.await(SpinWait.READABLE, in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(2);
    }

    @Test
    void aReplyThatCameDuringALostYield_isTaken_butTheNextSpinsAreSkipped() {
        SpinWait spin = new SpinWait(HUGE, 0, false);
        AtomicInteger checks = new AtomicInteger();

        assertThat(spin.await(READY_AFTER_A_YIELD, checks, HUGE)).isTrue();
        assertThat(checks).hasValue(2); // before the yield, and once after it
        assertThat(spin.skipsLeft()).isEqualTo(2);
        assertThat(spin.await(READY_AFTER_A_YIELD, checks, HUGE)).isFalse(); // skipped: sleeps at once
        assertThat(checks).hasValue(2);
    }

    @Test
    void aFollowersCommandDoneAtTheFirstCheck_isAHit() {
        SpinWait spin = SpinWait.forFollower(TINY);
        AtomicBoolean reading = new AtomicBoolean(true);
        SpinWait.Probe<Command<?>> probe = SpinWait.doneOrReaderFree(reading);
        spin.await(probe, echo(), HUGE); // miss: skip 2, then 4
        spin.await(probe, echo(), HUGE);
        spin.await(probe, echo(), HUGE);
        spin.await(probe, echo(), HUGE); // miss: skip 4, then 8
        for (int i = 0; i < 4; i++) {
            spin.await(probe, echo(), HUGE);
        }
        Command<String> done = echo();
        done.complete("done");

        // Unlike the reader's rest of a reply: a follower's short waits are what its spin is for (0006).
        assertThat(spin.await(probe, done, HUGE)).isTrue();
        assertThat(spin.await(probe, echo(), HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(4);
    }

    /**
     * A spin that only its budget or the caller's limit ends, however long this machine's yields
     * take: a loaded test machine may well take 500 µs over one.
     */
    private static SpinWait patient(long budgetNanos) {
        return new SpinWait(budgetNanos, SpinWait.NEVER, false);
    }

    private static Command<String> echo() {
        return new Command<>(Keyword.ECHO, new Object[] {"x"}, new StatusOutput());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the byte sent is in the client socket's receive buffer, without reading it. */
    private void awaitArrival() throws IOException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (in.available() == 0 && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        assertThat(in.available()).isPositive();
    }
}
