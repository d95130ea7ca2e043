package org.dragonflyclient.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * The state shared by the single-thread {@code GET} workloads (a and f): preloads the keys with one
 * value, checks that each client returns exactly that value before and after measuring, and hands
 * out keys in turn. Subclasses choose the value size and name the {@code @Benchmark} method.
 */
@State(Scope.Benchmark)
public abstract class SingleThreadGet {

    @Param({ClientUnderTest.DRAGONFLY, ClientUnderTest.JEDIS, ClientUnderTest.LETTUCE})
    public String library;

    private final String keyPrefix;
    private final int keyCount;
    private final int valueSize;
    private ClientUnderTest client;
    private byte[][] keys;
    private byte[] value;
    private int next;

    /**
     * @param keyPrefix prefix of the preloaded keys
     * @param keyCount number of keys, a power of two
     * @param valueSize bytes per value
     */
    protected SingleThreadGet(String keyPrefix, int keyCount, int valueSize) {
        this.keyPrefix = keyPrefix;
        this.keyCount = keyCount;
        this.valueSize = valueSize;
    }

    /** Connects, preloads and checks. */
    @Setup
    public void setUp() {
        client = ClientUnderTest.forOneThread(library, BenchmarkServer.fromEnvironment());
        keys = Payloads.keys(keyPrefix, keyCount);
        value = Payloads.value(valueSize);
        for (byte[] key : keys) {
            client.set(key, value);
        }
        check();
        System.out.println("# " + client.describe());
    }

    /** @return the value of the next key, as the client returns it */
    protected final byte[] getNext() {
        return client.get(keys[next++ & (keyCount - 1)]);
    }

    /** Checks again and closes the client. */
    @TearDown
    public void tearDown() {
        check();
        client.close();
    }

    private void check() {
        Payloads.check(library + " GET of " + valueSize + " bytes", value, client.get(keys[keyCount - 1]));
    }
}
