package org.dragonflyclient.spring.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyInterruptedException;
import org.dragonflyclient.core.DragonflyServerException;

/**
 * Runs every server call of the caches of one manager, and decides what a failure means.
 *
 * <p>Fail-open (the default): a failed call is counted, logged and replaced by a fallback (a
 * miss for reads, nothing for writes), so the application keeps answering from its own code
 * while the server is down. Fail-fast: the exception reaches the caller. In both modes the
 * {@link CircuitBreaker} skips the server for a while after a connection failure or timeout.
 *
 * <p>Logging is loud where silence would hide a problem and quiet where it would only repeat
 * one: an outage is logged once when the breaker opens and once when it closes; a failed or
 * skipped eviction is logged every time, because it may leave a stale entry behind; error
 * replies of the server at most every ten seconds; everything else goes to debug, and to the
 * counters.
 */
final class FailureGuard {

    private static final Log logger = LogFactory.getLog(DragonflyCache.class);

    /** Repeated server error replies are logged at most this often; the counters see every one. */
    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final boolean failFast;
    private final CircuitBreaker breaker;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    FailureGuard(boolean failFast, CircuitBreaker breaker) {
        this.failFast = failFast;
        this.breaker = breaker;
    }

    boolean failFast() {
        return failFast;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * Runs one server call.
     *
     * @param store the store of the cache, for its counters and name
     * @param operation what the call does
     * @param key the cache key, for log messages; {@code null} for whole-cache operations
     * @param command the call
     * @param fallback returned instead of the result when the call fails or is skipped (fail-open)
     * @param <T> the result type
     * @return the call's result, or the fallback
     * @throws DragonflyException in fail-fast mode, when the call failed or was skipped
     */
    <T> T execute(
            DragonflyCacheStore store,
            CacheOperation operation,
            @Nullable Object key,
            Supplier<T> command,
            T fallback) {
        return execute(store, operation, key, Supplier::get, command, fallback);
    }

    /**
     * Runs one server call given as a function and its argument, so that a caller on the hot path
     * can pass a function it built once instead of a new lambda per call; same rules as
     * {@link #execute(DragonflyCacheStore, CacheOperation, Object, Supplier, Object)}.
     *
     * @param store the store of the cache
     * @param operation what the call does
     * @param key the cache key, for log messages
     * @param command the call
     * @param argument what the call is applied to
     * @param fallback the result instead of a failure (fail-open)
     * @param <A> the argument type
     * @param <T> the result type
     * @return the call's result, or the fallback
     */
    <A, T> T execute(
            DragonflyCacheStore store,
            CacheOperation operation,
            @Nullable Object key,
            Function<A, T> command,
            A argument,
            T fallback) {
        if (!breaker.tryAcquire()) {
            return rejected(store, operation, key, fallback);
        }
        T result;
        try {
            result = command.apply(argument);
        } catch (DragonflyException e) {
            return failed(store, operation, key, e, fallback);
        } catch (RuntimeException | Error e) {
            breaker.onInconclusive();
            throw e;
        }
        succeeded();
        return result;
    }

    /**
     * Runs one asynchronous server call; same rules as
     * {@link #execute(DragonflyCacheStore, CacheOperation, Object, Supplier, Object)}.
     *
     * @param store the store of the cache
     * @param operation what the call does
     * @param key the cache key
     * @param command starts the call
     * @param fallback the result instead of a failure (fail-open)
     * @param <T> the result type
     * @return the call's result or the fallback; failed in fail-fast mode
     */
    <T> CompletableFuture<T> executeAsync(
            DragonflyCacheStore store,
            CacheOperation operation,
            @Nullable Object key,
            Supplier<CompletableFuture<T>> command,
            T fallback) {
        return executeAsync(store, operation, key, Supplier::get, command, fallback);
    }

    /**
     * Runs one asynchronous server call given as a function and its argument; same rules as
     * {@link #execute(DragonflyCacheStore, CacheOperation, Object, Function, Object, Object)}.
     *
     * @param store the store of the cache
     * @param operation what the call does
     * @param key the cache key
     * @param command starts the call
     * @param argument what the call is applied to
     * @param fallback the result instead of a failure (fail-open)
     * @param <A> the argument type
     * @param <T> the result type
     * @return the call's result or the fallback; failed in fail-fast mode
     */
    <A, T> CompletableFuture<T> executeAsync(
            DragonflyCacheStore store,
            CacheOperation operation,
            @Nullable Object key,
            Function<A, CompletableFuture<T>> command,
            A argument,
            T fallback) {
        if (!breaker.tryAcquire()) {
            try {
                return CompletableFuture.completedFuture(rejected(store, operation, key, fallback));
            } catch (DragonflyException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<T> started;
        try {
            started = command.apply(argument);
        } catch (DragonflyException e) {
            started = CompletableFuture.failedFuture(e);
        } catch (RuntimeException | Error e) {
            breaker.onInconclusive();
            throw e;
        }
        return started.handle((value, failure) -> {
            if (failure == null) {
                succeeded();
                return value;
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof DragonflyException e) {
                return failed(store, operation, key, e, fallback);
            }
            breaker.onInconclusive();
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    private void succeeded() {
        if (breaker.onSuccess()) {
            logger.info("Dragonfly answers again; caches use the server again");
        }
    }

    private <T> T failed(
            DragonflyCacheStore store,
            CacheOperation operation,
            @Nullable Object key,
            DragonflyException e,
            T fallback) {
        store.statistics().recordError();
        boolean outageStarted = false;
        if (e instanceof DragonflyServerException) {
            succeeded(); // the server answered, so it is up
        } else if (e instanceof DragonflyInterruptedException) {
            breaker.onInconclusive();
        } else {
            outageStarted = breaker.onFailure(e);
        }
        if (failFast) {
            throw e;
        }
        if (outageStarted) {
            logger.warn("Dragonfly is unavailable (" + e.getMessage() + "). Cache " + operation.description()
                    + " on '" + store.cacheName() + "' failed and is treated as a miss; for the next "
                    + breaker.openDuration().toMillis() + " ms cache operations skip the server (reads miss, "
                    + "writes are dropped) until a probe reaches it");
        } else if (operation.mayLeaveStaleData()) {
            logger.warn("Cache " + operation.description() + " " + describe(store, key)
                    + " failed; stale entries may remain until they expire: " + e.getMessage());
        } else if (e instanceof DragonflyServerException && warningDue()) {
            logger.warn("Cache " + operation.description() + " " + describe(store, key)
                    + " failed and is treated as a miss: " + e.getMessage());
        } else if (logger.isDebugEnabled()) {
            logger.debug(
                    "Cache " + operation.description() + " " + describe(store, key) + " failed: " + e.getMessage(), e);
        }
        return fallback;
    }

    private boolean warningDue() {
        long now = System.nanoTime();
        long due = nextWarning.get();
        return now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_INTERVAL_NANOS);
    }

    private <T> T rejected(DragonflyCacheStore store, CacheOperation operation, @Nullable Object key, T fallback) {
        store.statistics().recordRejection();
        Throwable cause = breaker.lastFailure();
        if (failFast) {
            throw new DragonflyConnectionException(
                    "Cache " + operation.description() + " " + describe(store, key)
                            + " skipped: Dragonfly was unavailable less than "
                            + breaker.openDuration().toMillis()
                            + " ms ago (" + (cause != null ? cause.getMessage() : "unknown failure") + ")",
                    cause);
        }
        if (operation.mayLeaveStaleData()) {
            logger.warn("Cache " + operation.description() + " " + describe(store, key)
                    + " skipped because Dragonfly is unavailable; stale entries may remain until they expire");
        } else if (logger.isDebugEnabled()) {
            logger.debug("Cache " + operation.description() + " " + describe(store, key)
                    + " skipped: Dragonfly is unavailable");
        }
        return fallback;
    }

    private static String describe(DragonflyCacheStore store, @Nullable Object key) {
        return key == null
                ? "of cache '" + store.cacheName() + "'"
                : "of key '" + key + "' in cache '" + store.cacheName() + "'";
    }
}
