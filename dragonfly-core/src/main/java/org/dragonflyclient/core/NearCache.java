package org.dragonflyclient.core;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * A local tier in front of the server for {@code GET}: a read answers from a local copy when it
 * has one, otherwise sends {@code GET} (with {@code PTTL}) on a tracked connection and keeps the
 * reply. The server's invalidations ({@code CLIENT TRACKING}) drop local copies whose key changed,
 * so a read never returns a value that was already replaced once that invalidation has reached the
 * client. Create with {@link DragonflyClient#nearCache(NearCacheOptions)} on a client with
 * {@link ClientOptions.Builder#tracking(boolean) tracking} on.
 *
 * <pre>{@code
 * NearCache near = client.nearCache(NearCacheOptions.defaults());
 * String price = near.get("price:42");      // a server round trip, then local
 * client.set("price:42", "9.99");
 * near.invalidate("price:42");              // this JVM wrote: its next read fetches the new value
 * }</pre>
 *
 * <p><b>What coherent means.</b> A local copy is kept only if no invalidation of its key, and no
 * loss of a tracking connection, arrived between sending the {@code GET} and storing the reply
 * (a per-key token closes the race between the thread storing a reply and the reader thread
 * applying a later invalidation). A write by anybody else is seen once the server's invalidation
 * was delivered to this client: usually well under a millisecond after the write, longer under
 * load or across a slow network; meanwhile reads may return the previous value. A copy is never
 * kept longer than {@link NearCacheOptions#timeToLive()} nor beyond the server entry's own expiry.
 * A lost tracking connection (broken, killed, server restarted) or a flush drops every local copy.
 *
 * <p><b>Writes from this JVM.</b> The near cache only reads; write through the client as usual and
 * then call {@link #invalidate(String)} for the key (after the write returned), so this JVM's next
 * read fetches the new value instead of waiting for the server's invalidation. Writes never store
 * locally: only a read makes the server track a key for this client.
 *
 * <p>Keys that do not exist on the server are not cached (every read of a missing key goes to the
 * server). Thread-safe. Closing the client closes its near caches.
 */
public interface NearCache extends AutoCloseable {

    /**
     * Reads a value: the local copy if there is one, otherwise {@code GET} on the server, whose
     * reply is kept when the race guard allows it.
     *
     * @param key the key
     * @return a copy of the value, or {@code null} when the key does not exist
     * @throws DragonflyException as {@code client.get(key)} would, on a miss
     * @throws IllegalStateException when the near cache is closed
     */
    byte @Nullable [] get(byte[] key);

    /**
     * Reads a value as {@link #get(byte[])} does, key and value in UTF-8.
     *
     * @param key the key
     * @return the value, or {@code null} when the key does not exist
     * @throws DragonflyException as {@code client.get(key)} would, on a miss
     * @throws IllegalStateException when the near cache is closed
     */
    @Nullable
    String get(String key);

    /**
     * Reads a value without waiting: complete at once on a local hit, otherwise when the server's
     * reply arrives (then on a reader thread: chain only quick work, or use an executor).
     *
     * @param key the key
     * @return the future of a copy of the value, or of {@code null} when the key does not exist;
     *     failed as {@code client.async().get(key)} would be
     * @throws IllegalStateException when the near cache is closed
     */
    CompletableFuture<byte @Nullable []> getAsync(byte[] key);

    /**
     * Drops the local copy of a key, and makes a read of it already on its way not keep its reply.
     * Call it after every write of the key from this JVM returned.
     *
     * @param key the key
     */
    void invalidate(byte[] key);

    /**
     * Drops the local copy of a key, as {@link #invalidate(byte[])}; the key in UTF-8.
     *
     * @param key the key
     */
    void invalidate(String key);

    /** Drops every local copy (and keeps no reply of a read on its way); the server is not touched. */
    void invalidateAll();

    /** @return the number of local copies held */
    long size();

    /** @return the counters so far */
    NearCacheStats stats();

    /** @return the options this near cache was created with */
    NearCacheOptions options();

    /**
     * Drops every local copy and stops listening to invalidations; reads fail afterwards.
     * Idempotent. The client stays open.
     */
    @Override
    void close();
}
