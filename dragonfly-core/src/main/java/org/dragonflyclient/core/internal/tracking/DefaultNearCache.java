package org.dragonflyclient.core.internal.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.NearCache;
import org.dragonflyclient.core.NearCacheEntry;
import org.dragonflyclient.core.NearCacheKey;
import org.dragonflyclient.core.NearCacheOptions;
import org.dragonflyclient.core.NearCacheStats;
import org.dragonflyclient.core.NearCacheStore;
import org.dragonflyclient.core.TrackingListener;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Commands;
import org.dragonflyclient.core.internal.command.KeyCommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.StringCommandBuilder;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.output.ValueDecoder;

/**
 * The near cache: local copies of {@code GET} replies, dropped by the server's invalidations.
 *
 * <h2>The race guard</h2>
 *
 * The server promises, per connection: a key read by {@code GET} on a tracked connection is
 * tracked from that read on, and its next change sends an {@code invalidate} push on that same
 * connection, after the {@code GET}'s reply. The client reads both in that order, but two threads
 * act on them: the caller (or, for {@link #getAsync}, a completion) stores the reply, the reader
 * thread applies the invalidation. Storing after the invalidation was applied would keep a stale
 * copy with no invalidation left to drop it. The guard:
 * <ol>
 *   <li>Before the {@code GET} is written, the read puts its token ({@link Read} itself) in
 *       {@link #pending} under the key.</li>
 *   <li>An invalidation of the key runs {@code pending.compute(key)}: it removes the store entry
 *       and the token.</li>
 *   <li>The reply is stored inside {@code pending.compute(key)} too, and only if the read's token
 *       is still there and its connection still open and tracked.</li>
 * </ol>
 * {@code compute} on one key runs one at a time, so (2) and (3) are ordered. If (3) runs first,
 * the copy is stored and the invalidation removes it. If (2) runs first, the token is gone and
 * the reply is not kept. An invalidation applied before the token was put concerns a change the
 * {@code GET} (written after the token) already sees. So a kept copy is either current or will be
 * dropped by an invalidation still to come on a connection that is still open.
 *
 * <p><b>Losing tracking.</b> When a tracked connection closes, its pending invalidations will never
 * come. The connection marks itself closed <em>before</em> it reports the loss
 * ({@code Connection.fail}); the loss then clears every token and then the store. A store that
 * checked "open" before the mark completed its {@code put} before the clear reached its key
 * (both lock that key in {@link #pending}), so the store clear removes it; a store after the mark
 * sees the connection closed and keeps nothing. Dropping everything rather than only what went
 * through that connection is a superset of what the server forgot, so it is correct, and simpler
 * than remembering the connection of each copy; losses are rare (a reconnect, a restart). A
 * flush ({@code invalidatedAll}) and {@link #invalidateAll} clear the same way: tokens first, so
 * a reply not yet stored is refused, then the store.
 *
 * <p><b>Tokens.</b> The latest read of a key replaces an earlier read's token, so the earlier read
 * keeps nothing (conservative: a needless miss later, never a stale copy). Every read removes its
 * token when done, so {@link #pending} holds at most one token per key read right now.
 *
 * <p><b>Expiry.</b> The {@code GET} is written together with {@code PTTL} on the same connection;
 * the copy's deadline is the time the read started plus the smaller of the options' time to live
 * and the server's remaining time to live, so it never outlives the server entry. A read checks
 * the deadline; an expired copy counts as a miss.
 */
public final class DefaultNearCache implements NearCache, TrackingListener {

    private static final StringCommandBuilder STRINGS = StringCommandBuilder.INSTANCE;
    private static final KeyCommandBuilder KEYS = KeyCommandBuilder.INSTANCE;

    private final NearCacheOptions options;
    private final NearCacheStore store;
    private final long timeToLiveNanos;
    private final TrackedReads reads;
    private final Consumer<DefaultNearCache> onClose;
    /** Key to the token of the read in flight for it. */
    private final ConcurrentHashMap<NearCacheKey, Read> pending = new ConcurrentHashMap<>();

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private volatile boolean closed;

    DefaultNearCache(NearCacheOptions options, TrackedReads reads, Consumer<DefaultNearCache> onClose) {
        this.options = options;
        this.store = options.newStore();
        this.timeToLiveNanos = saturatedNanos(options.timeToLive());
        this.reads = reads;
        this.onClose = onClose;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public byte @Nullable [] get(byte[] key) {
        byte[] value = read(NearCacheKey.of(key), key);
        return value == null ? null : value.clone();
    }

    @Override
    public @Nullable String get(String key) {
        byte[] value = read(NearCacheKey.of(key), key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public CompletableFuture<byte @Nullable []> getAsync(byte[] key) {
        NearCacheKey cacheKey = NearCacheKey.of(key);
        byte[] local = local(cacheKey);
        if (local != null) {
            return CompletableFuture.completedFuture(local.clone());
        }
        Read read;
        try {
            read = send(cacheKey, key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<byte @Nullable []> result = new CompletableFuture<>();
        CompletableFuture.allOf(read.get, read.pttl).whenComplete((ignored, failure) -> {
            try {
                byte[] value = read.finish();
                result.complete(value == null ? null : value.clone());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** @return the value, shared with the store: callers copy or decode it */
    private byte @Nullable [] read(NearCacheKey cacheKey, Object key) {
        byte[] local = local(cacheKey);
        if (local != null) {
            return local;
        }
        Read read = send(cacheKey, key);
        try {
            reads.awaitLast(read.connection, read.pttl);
        } catch (RuntimeException e) {
            if (!read.get.isDone()) { // timed out or interrupted before the GET's reply
                pending.remove(cacheKey, read);
                throw e;
            } // else only PTTL failed: finish() returns the GET's outcome and keeps nothing
        }
        return read.finish();
    }

    /** @return the local copy's value, or {@code null} (counted as a hit or a miss) */
    private byte @Nullable [] local(NearCacheKey key) {
        if (closed) {
            throw new IllegalStateException("This near cache is closed; open another with client.nearCache(...)");
        }
        NearCacheEntry entry = store.get(key);
        if (entry != null) {
            if (!entry.isExpired(System.nanoTime())) {
                hits.increment();
                return entry.value();
            }
            pending.compute(key, (k, token) -> {
                if (store.get(k) == entry) {
                    store.remove(k);
                }
                return token;
            });
        }
        misses.increment();
        return null;
    }

    /** Puts the read's token, then writes {@code GET} and {@code PTTL} together. */
    private Read send(NearCacheKey cacheKey, Object key) {
        Read read = new Read(cacheKey, key);
        pending.put(cacheKey, read);
        try {
            read.connection = reads.write(List.of(read.get, read.pttl));
        } catch (RuntimeException e) {
            pending.remove(cacheKey, read);
            throw e;
        }
        return read;
    }

    /** One read in flight, and its token in {@link #pending}. */
    private final class Read {
        final NearCacheKey key;
        final long startNanos = System.nanoTime();
        final Command<byte[]> get;
        final Command<Long> pttl;
        /** Set by the sender before the completion can see it (the future's hand-off orders the two). */
        volatile @Nullable Connection connection;

        Read(NearCacheKey key, Object serverKey) {
            this.key = key;
            this.get = STRINGS.get(serverKey, ValueDecoder.BYTES);
            this.pttl = KEYS.keyToLong(Keyword.PTTL, serverKey);
        }

        /**
         * Once the {@code GET} is done: keeps its value if {@code PTTL} answered and the guard
         * allows, and returns it or throws the {@code GET}'s failure.
         */
        byte @Nullable [] finish() {
            try {
                byte[] value = Commands.result(get);
                Long ttl = pttl.isDone() && !pttl.isCompletedExceptionally() ? pttl.getNow(null) : null;
                if (value != null && ttl != null) {
                    keep(value, ttl);
                }
                return value;
            } finally {
                pending.remove(key, this);
            }
        }

        private void keep(byte[] value, long pttlMillis) {
            if (pttlMillis == 0 || pttlMillis < -1) {
                return; // expiring now, or gone since the GET (-2)
            }
            long ttl = pttlMillis == -1
                    ? timeToLiveNanos
                    : Math.min(timeToLiveNanos, saturatedNanos(Duration.ofMillis(pttlMillis)));
            NearCacheEntry entry = NearCacheEntry.of(value, startNanos + ttl);
            Connection through = connection;
            pending.compute(key, (k, token) -> {
                if (token != this) {
                    return token; // invalidated, or a later read of the key replaced this token
                }
                if (!closed && through != null && through.isOpen() && through.isTracked()) {
                    store.put(k, entry);
                }
                return null;
            });
        }
    }

    /** @return the duration in nanoseconds, at most a quarter of the {@code long} range so deadlines never overflow */
    private static long saturatedNanos(Duration duration) {
        try {
            return Math.min(duration.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    // ---------------------------------------------------------------- invalidation

    @Override
    public void invalidate(byte[] key) {
        drop(NearCacheKey.of(key));
    }

    @Override
    public void invalidate(String key) {
        drop(NearCacheKey.of(key));
    }

    private void drop(NearCacheKey key) {
        pending.compute(key, (k, token) -> {
            store.remove(k);
            return null;
        });
    }

    @Override
    public void invalidateAll() {
        pending.clear(); // first: a reply not stored yet finds no token
        store.clear();
    }

    @Override
    public void invalidated(List<byte[]> keys) {
        for (byte[] key : keys) {
            drop(NearCacheKey.of(key));
        }
        invalidations.add(keys.size());
    }

    @Override
    public void invalidatedAll() {
        invalidateAll();
        invalidations.increment();
    }

    @Override
    public void trackingLost(DragonflyException reason) {
        invalidateAll();
        invalidations.increment();
    }

    // ---------------------------------------------------------------- the rest

    @Override
    public long size() {
        return store.size();
    }

    /** @return tokens of reads in flight, for tests of the bound on {@link #pending} */
    int pendingReads() {
        return pending.size();
    }

    @Override
    public NearCacheStats stats() {
        return new NearCacheStats(hits.sum(), misses.sum(), invalidations.sum(), store.evictionCount());
    }

    @Override
    public NearCacheOptions options() {
        return options;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
            invalidateAll();
        }
    }

    @Override
    public String toString() {
        return "NearCache[" + store.size() + " entries, " + options + "]";
    }
}
