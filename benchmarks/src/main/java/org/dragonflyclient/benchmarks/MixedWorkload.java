package org.dragonflyclient.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * Workloads b and c: 50/50 {@code GET}/{@code SET} of 100-byte values, with 16 and 64 threads
 * sharing one client object. Each thread alternates GET and SET exactly, over its own walk of a
 * shared key space, so the mix is 50/50 whatever the relative speed of the two commands.
 * Subclasses say which client serves the threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// After a 3 s warm-up, Lettuce's score at 64 threads still rose through the measured seconds
// (2026-12-01: 60k to 85k ops/s in one fork): with every core busy its JIT catches up slowly.
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public abstract class MixedWorkload {

    private static final int KEYS = 1024;

    private ClientUnderTest client;
    private byte[][] keys;
    private byte[] value;

    /** @return a connected client, to be shared by all threads */
    protected abstract ClientUnderTest openClient();

    /** Where one thread is in its walk over the keys. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex() * 2 * 97;
        }
    }

    @Setup
    public void setUp() {
        client = openClient();
        keys = Payloads.keys("mixed", KEYS);
        value = Payloads.value(Payloads.VALUE_SIZE);
        for (byte[] key : keys) {
            client.set(key, value);
        }
        check();
        System.out.println("# " + client.describe());
    }

    /** Workload b: 16 threads. */
    @Benchmark
    @Threads(16)
    public byte[] threads16(Cursor cursor) {
        return step(cursor);
    }

    /** Workload c: 64 threads. */
    @Benchmark
    @Threads(64)
    public byte[] threads64(Cursor cursor) {
        return step(cursor);
    }

    private byte[] step(Cursor cursor) {
        int i = cursor.next++;
        byte[] key = keys[(i >>> 1) & (KEYS - 1)];
        if ((i & 1) == 0) {
            return client.get(key);
        }
        client.set(key, value);
        return value;
    }

    @TearDown
    public void tearDown() {
        check();
        client.close();
    }

    private void check() {
        Payloads.check("GET", value, client.get(keys[0]));
        Payloads.check("GET", value, client.get(keys[KEYS - 1]));
    }
}
