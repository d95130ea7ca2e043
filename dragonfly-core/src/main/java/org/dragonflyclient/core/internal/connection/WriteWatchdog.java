package org.dragonflyclient.core.internal.connection;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Gives socket writes a deadline: closes a connection whose write has not returned for a whole
 * command timeout.
 *
 * <p>A write blocks in the kernel once the socket's send buffer is full, which is what happens when
 * the server stops reading (hung, overloaded, or a dead network path that still accepts nothing).
 * {@code java.net} offers no send timeout, and the writing thread may be the only one the
 * application has (a pipeline, a lone caller), so it can neither time out nor be rescued by a
 * reader: only closing the socket from another thread ends the write. That is this thread's job.
 * The connection then fails every command it holds as "outcome unknown" (the stuck write may have
 * gone out in part), and the pool opens a fresh one.
 *
 * <p>One watchdog per client, started with its first connection and gone when none is left to
 * watch; it looks four times per command timeout. The writers only count their write calls
 * ({@link CommandWriter#isWriteStuck}), so the hot path pays no system call, clock read or
 * allocation for it.
 */
final class WriteWatchdog {

    private final long limitNanos;
    private final long lookEveryNanos;
    private final String address;
    private final Set<Connection> watched = ConcurrentHashMap.newKeySet();
    /** The watching thread, or {@code null} when none runs; guarded by {@code this}. */
    private Thread thread;

    /**
     * @param timeout the command timeout: how long one write may go without returning
     * @param address the server's address, for the thread's name
     */
    WriteWatchdog(Duration timeout, String address) {
        this.limitNanos = timeout.toNanos();
        this.lookEveryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), limitNanos / 4);
        this.address = address;
    }

    /** Watches an open connection's writes until it closes. */
    void watch(Connection connection) {
        synchronized (this) {
            watched.add(connection);
            if (thread == null) {
                thread = new Thread(this::watchLoop, "dragonfly-write-watchdog-" + address);
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void watchLoop() {
        while (true) {
            LockSupport.parkNanos(this, lookEveryNanos);
            long now = System.nanoTime();
            watched.removeIf(connection -> !connection.closeIfWriteStuck(now, limitNanos));
            synchronized (this) {
                if (watched.isEmpty()) {
                    thread = null;
                    return;
                }
            }
        }
    }
}
