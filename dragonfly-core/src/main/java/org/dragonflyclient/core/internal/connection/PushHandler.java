package org.dragonflyclient.core.internal.connection;

import java.util.function.Consumer;

import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;
import org.dragonflyclient.core.internal.resp.ReplySink;

/**
 * Receives RESP3 push frames (pub/sub messages, client-side caching invalidations), which arrive
 * on the same connection as replies but belong to no command. Routing them here is what keeps
 * request/reply pairing intact.
 */
public final class PushHandler {

    private static final System.Logger LOG = System.getLogger(PushHandler.class.getName());

    /** Logs pushes at DEBUG and drops them: the client subscribes to nothing by default. */
    public static final PushHandler IGNORE =
            new PushHandler(push -> LOG.log(System.Logger.Level.DEBUG, () -> "Ignoring push message " + push));

    private final Consumer<Reply> listener;

    /** @param listener receives each push message as a {@link Reply.Aggregate}; must not block */
    public PushHandler(Consumer<Reply> listener) {
        this.listener = listener;
    }

    ReplySink beginPush() {
        return new ReplyTreeOutput();
    }

    void endPush(ReplySink sink) {
        Reply push = ((ReplyTreeOutput) sink).value();
        try {
            listener.accept(push);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Push listener failed; the message is dropped", e);
        }
    }
}
