package org.dragonflyclient.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SpinWait} over a real loopback TCP connection: it must see bytes the kernel holds, give
 * up after its budget, and back off after misses. Budgets are either tiny (a miss is certain, as
 * no bytes are ever sent) or huge (the spin ends only because bytes arrive), so no outcome
 * depends on how fast this machine is.
 */
class SpinWaitTest {

    private static final long TINY = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long HUGE = TimeUnit.SECONDS.toNanos(30);

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

        assertThat(new SpinWait(HUGE).awaitReadable(in, HUGE)).isTrue();
    }

    @Test
    void bytesArrivingDuringTheSpin_endIt() throws Exception {
        SpinWait spin = new SpinWait(HUGE);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(20);
                server.getOutputStream().write('+');
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(spin.awaitReadable(in, HUGE)).isTrue();
        late.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMiss_skipsTheNextTwoSpins_andConsecutiveMissesDoubleTheRun() {
        SpinWait spin = new SpinWait(TINY);

        assertThat(spin.awaitReadable(in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(2);
        assertThat(spin.awaitReadable(in, HUGE)).isFalse();
        assertThat(spin.awaitReadable(in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isZero();

        assertThat(spin.awaitReadable(in, HUGE)).isFalse(); // spins again and misses again
        assertThat(spin.skipsLeft()).isEqualTo(4);
    }

    @Test
    void skipRuns_stopGrowingAt1024() {
        SpinWait spin = new SpinWait(TINY);
        int longest = 0;
        for (int wait = 0; wait < 5_000; wait++) {
            spin.awaitReadable(in, HUGE);
            longest = Math.max(longest, spin.skipsLeft());
        }

        assertThat(longest).isEqualTo(SpinWait.MAX_SKIPS);
    }

    @Test
    void aHit_resetsTheBackOff() throws IOException {
        SpinWait spin = new SpinWait(TINY);
        spin.awaitReadable(in, HUGE); // miss: skip 2
        spin.awaitReadable(in, HUGE);
        spin.awaitReadable(in, HUGE);
        spin.awaitReadable(in, HUGE); // miss: skip 4
        for (int i = 0; i < 4; i++) {
            spin.awaitReadable(in, HUGE);
        }
        server.getOutputStream().write('+');
        awaitArrival();
        assertThat(spin.awaitReadable(in, HUGE)).isTrue();
        in.read();

        assertThat(spin.awaitReadable(in, HUGE)).isFalse();
        assertThat(spin.skipsLeft()).isEqualTo(2);
    }

    @Test
    void theCallersLimit_capsTheBudget() {
        SpinWait spin = new SpinWait(HUGE);

        assertThat(spin.awaitReadable(in, TINY)).isFalse(); // would spin for 30 s without the cap
        assertThat(spin.skipsLeft()).isEqualTo(2);
    }

    @Test
    void aClosedSocket_endsTheSpinWithoutThrowing_andAZeroBudgetIsOff() throws IOException {
        client.close();

        assertThat(new SpinWait(HUGE).awaitReadable(in, HUGE)).isFalse();
        assertThat(new SpinWait(0).isEnabled()).isFalse();
        assertThat(new SpinWait(TINY).isEnabled()).isTrue();
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
