package org.dragonflyclient.core.internal.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.TrackingListener;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;
import org.dragonflyclient.core.internal.resp.ReplySink;

/**
 * Receives RESP3 push frames (pub/sub messages, client-side caching invalidations), which arrive
 * on the same connection as replies but belong to no command. Routing them here is what keeps
 * request/reply pairing intact.
 *
 * <p>{@code invalidate} pushes of tracked connections go to the {@link TrackingListener}
 * ({@code >invalidate [keys]}, or {@code >invalidate _} meaning "everything", sent on
 * {@code FLUSHALL}/{@code FLUSHDB}); so does the closing of a tracked connection. Everything runs on
 * the thread that read the push, before the next reply of that connection is decoded.
 */
public final class PushHandler {

    private static final System.Logger LOG = System.getLogger(PushHandler.class.getName());

    private static final Consumer<Reply> LOG_AND_DROP =
            push -> LOG.log(System.Logger.Level.DEBUG, () -> "Ignoring push message " + push);

    /** Logs pushes at DEBUG and drops them: the client subscribes to nothing by default. */
    public static final PushHandler IGNORE = new PushHandler(LOG_AND_DROP);

    private final Consumer<Reply> listener;
    private final TrackingListener tracking;

    /** @param listener receives each push message as a {@link Reply.Aggregate}; must not block */
    public PushHandler(Consumer<Reply> listener) {
        this(listener, TrackingListener.NONE);
    }

    private PushHandler(Consumer<Reply> listener, TrackingListener tracking) {
        this.listener = listener;
        this.tracking = tracking;
    }

    /**
     * For a client with tracking on: invalidations go to {@code tracking}, other pushes are logged
     * and dropped.
     *
     * @param tracking told of invalidations and of tracked connections that close
     * @return the handler
     */
    public static PushHandler tracking(TrackingListener tracking) {
        return new PushHandler(LOG_AND_DROP, tracking);
    }

    ReplySink beginPush() {
        return new ReplyTreeOutput();
    }

    void endPush(Connection from, ReplySink sink) {
        Reply push = ((ReplyTreeOutput) sink).value();
        try {
            if (!deliverInvalidation(from, push)) {
                listener.accept(push);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Push listener failed; the message is dropped", e);
        }
    }

    /** @return whether {@code push} was an invalidation (delivered if its connection is tracked) */
    private boolean deliverInvalidation(Connection from, Reply push) {
        if (!(push instanceof Reply.Aggregate message)
                || message.elements().size() != 2
                || !isName(message.elements().get(0), "invalidate")) {
            return false;
        }
        if (!from.isTracked()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Ignoring an invalidation on an untracked connection: " + push);
        } else if (message.elements().get(1) instanceof Reply.Aggregate keys) {
            tracking.invalidated(keys(keys));
        } else {
            tracking.invalidatedAll(); // the null payload of FLUSHALL / FLUSHDB
        }
        return true;
    }

    private static boolean isName(Reply element, String name) {
        return (element instanceof Reply.Bulk || element instanceof Reply.SimpleString)
                && name.equals(element.asString());
    }

    private static List<byte[]> keys(Reply.Aggregate keys) {
        List<byte[]> names = new ArrayList<>(keys.elements().size());
        for (Reply key : keys.elements()) {
            if (key instanceof Reply.Bulk bulk) {
                names.add(bulk.value());
            } else {
                names.add(key.asString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** A tracked connection closed: what was read through it is no longer tracked. */
    void trackingLost(Connection connection, DragonflyException reason) {
        try {
            tracking.trackingLost(reason);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Tracking listener failed in trackingLost", e);
        }
    }
}
