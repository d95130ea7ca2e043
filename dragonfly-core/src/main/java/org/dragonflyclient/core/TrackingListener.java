package org.dragonflyclient.core;

import java.util.List;

/**
 * Receives what server-assisted invalidation ({@code CLIENT TRACKING}, turned on with
 * {@link ClientOptions.Builder#tracking(boolean)}) tells the client: that keys it read changed,
 * that everything changed, or that a connection stopped being tracked.
 *
 * <p>The server remembers the keys each tracking connection read and, when one of them is
 * changed, deleted, expired or evicted (by anybody, this client included), sends one
 * {@code invalidate} message on that connection; then it forgets the key until it is read again.
 * An invalidation therefore says "what you read through the client may be stale now", not who
 * changed it or to what.
 *
 * <p>Every method is called on the thread that reads the connection the message arrived on (a
 * {@code dragonfly-reader} thread), or on the thread that closes it: replies of that connection
 * wait meanwhile, so a listener must be quick and must not block or call the client. Calls come
 * from several threads at once (one per pooled connection). An exception thrown by a listener is
 * logged and dropped.
 */
public interface TrackingListener {

    /** Ignores everything: tracking on, nobody listening (the default listener). */
    TrackingListener NONE = new TrackingListener() {
        @Override
        public void invalidated(List<byte[]> keys) {}

        @Override
        public void invalidatedAll() {}

        @Override
        public void trackingLost(DragonflyException reason) {}
    };

    /**
     * Keys read through the client changed on the server (written, deleted, expired or evicted).
     *
     * @param keys the keys, as the server names them; not to be modified
     */
    void invalidated(List<byte[]> keys);

    /** Every key may have changed: the server was flushed ({@code FLUSHALL}, {@code FLUSHDB}). */
    void invalidatedAll();

    /**
     * A tracking connection closed (broken, killed, timed out, or the client closed): whatever was
     * read through it is no longer tracked and will not be invalidated. The pool reconnects in the
     * background, with tracking on again on the new connection; only what is read through it from
     * then on is tracked. Treat everything read before as possibly stale.
     *
     * @param reason why the connection closed
     */
    void trackingLost(DragonflyException reason);
}
