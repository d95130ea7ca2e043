package org.dragonflyclient.spring.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.dragonflyclient.core.DragonflyInterruptedException;

/**
 * Makes concurrent loads of the same server-side key share one load in this JVM: the first caller
 * (the leader) runs it, the others wait for its result or its exception. Keys are the full
 * server-side keys, so two keys never wait for each other, while two caches that map to the same
 * server key (without key prefix) do share the load.
 *
 * <p>One map serves the blocking {@code get(key, Callable)} and the non-blocking
 * {@code retrieve(key, Supplier)}, so a synchronous and an asynchronous caller also share a load.
 */
final class SingleFlight {

    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();

    /**
     * Loads a key once for all concurrent callers, blocking the followers.
     *
     * @param key the server-side key
     * @param load the load, run by the leader only
     * @return the leader's result
     * @throws IllegalStateException when the load of a key asks for the same key again
     */
    Object load(String key, Supplier<Object> load) {
        Flight mine = new Flight(Thread.currentThread());
        Flight running = flights.putIfAbsent(key, mine);
        if (running != null) {
            if (running.leader == Thread.currentThread()) {
                throw new IllegalStateException("The loader of cache key '" + key + "' asked for the same key again; "
                        + "a value cannot depend on itself");
            }
            return await(running, key);
        }
        try {
            Object value = load.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /**
     * Loads a key once for all concurrent callers, without blocking anybody.
     *
     * @param key the server-side key
     * @param load starts the load, called by the leader only
     * @return the shared result, as a copy each caller may complete or cancel without harm
     */
    CompletableFuture<Object> loadAsync(String key, Supplier<CompletableFuture<Object>> load) {
        Flight mine = new Flight(null);
        Flight running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return running.copy();
        }
        CompletableFuture<Object> started;
        try {
            started = load.get();
        } catch (RuntimeException | Error e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((value, failure) -> {
            // Removed before completion: a caller arriving now starts afresh and finds the stored value.
            flights.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(value);
            }
        });
        return mine.copy();
    }

    private static Object await(Flight flight, String key) {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragonflyInterruptedException("Interrupted while another thread loaded cache key '" + key + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** One load in progress; {@code leader} is the loading thread of a blocking load. */
    private static final class Flight extends CompletableFuture<Object> {

        final Thread leader;

        Flight(Thread leader) {
            this.leader = leader;
        }
    }
}
