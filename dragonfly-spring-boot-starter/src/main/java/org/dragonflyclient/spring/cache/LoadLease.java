package org.dragonflyclient.spring.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.SetArgs;

/**
 * Makes concurrent misses on the same key load once across JVMs, with a short server-side lease.
 *
 * <p>The loader takes the lease with {@code SET lease token NX PX leaseTime}. The others wait for
 * the value to appear: they read the key and try the lease again with growing pauses (2 ms
 * doubling up to 100 ms). A lease expires by itself, so a crashed holder delays the others by at
 * most {@code leaseTime}; and however things go, nobody waits longer than twice the lease time
 * before loading on its own. When the server cannot be reached at all, everybody loads on its
 * own at once: the lease is an optimization, never a reason to fail.
 *
 * <p>The lease key lives outside every cache's key space ({@value #LEASE_PREFIX} plus the
 * entry's key), so {@code clear()} never touches it and no cache key can collide with it. It is
 * given back with a compare-and-delete script, so a holder whose lease ran out never deletes a
 * lease someone else took since.
 */
final class LoadLease {

    static final String LEASE_PREFIX = "dragonfly-cache-lease:";

    private static final String RELEASE_SCRIPT =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final byte[] PREFIX_BYTES = LEASE_PREFIX.getBytes(StandardCharsets.UTF_8);

    private final DragonflyClient client;
    private final FailureGuard guard;
    private final Duration leaseTime;

    LoadLease(DragonflyClient client, FailureGuard guard, Duration leaseTime) {
        if (leaseTime.toMillis() <= 0) {
            throw new IllegalArgumentException("The load lease time must be at least 1 ms, got " + leaseTime);
        }
        this.client = client;
        this.guard = guard;
        this.leaseTime = leaseTime;
    }

    Duration leaseTime() {
        return leaseTime;
    }

    /**
     * Loads under the lease, or waits for the JVM that holds it.
     *
     * @param store the store of the cache, for the failure guard
     * @param key the cache key, for messages
     * @param serverKey the entry's server-side key
     * @param readStored reads the entry: its store value, or {@code null}
     * @param load runs the loader and stores its value
     * @return the store value, loaded here or by another JVM
     */
    Object load(
            DragonflyCacheStore store,
            Object key,
            byte[] serverKey,
            Supplier<Object> readStored,
            Supplier<Object> load) {
        byte[] leaseKey = leaseKey(serverKey);
        byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        SetArgs take = SetArgs.px(leaseTime.toMillis()).nx();
        long giveUpAt = System.nanoTime() + 2 * leaseTime.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            Boolean taken =
                    guard.execute(store, CacheOperation.LEASE, key, () -> client.set(leaseKey, token, take), null);
            if (taken == null) {
                return load.get(); // the server fails: load without a lease
            }
            if (taken) {
                try {
                    return load.get();
                } finally {
                    release(store, key, leaseKey, token);
                }
            }
            if (System.nanoTime() - giveUpAt >= 0 || Thread.currentThread().isInterrupted()) {
                return load.get();
            }
            LockSupport.parkNanos(this, pause);
            pause = Math.min(LONGEST_PAUSE_NANOS, pause * 2);
            Object stored = readStored.get();
            if (stored != null) {
                return stored;
            }
        }
    }

    private void release(DragonflyCacheStore store, Object key, byte[] leaseKey, byte[] token) {
        // Never fails the load: an unreleased lease expires after leaseTime.
        try {
            guard.execute(
                    store,
                    CacheOperation.LEASE,
                    key,
                    () -> client.execute("EVAL", RELEASE_SCRIPT, 1, leaseKey, token),
                    null);
        } catch (RuntimeException e) {
            // fail-fast mode rethrows; the value is loaded and stored all the same
        }
    }

    static byte[] leaseKey(byte[] serverKey) {
        byte[] key = new byte[PREFIX_BYTES.length + serverKey.length];
        System.arraycopy(PREFIX_BYTES, 0, key, 0, PREFIX_BYTES.length);
        System.arraycopy(serverKey, 0, key, PREFIX_BYTES.length, serverKey.length);
        return key;
    }
}
