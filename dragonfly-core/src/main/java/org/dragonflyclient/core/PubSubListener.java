package org.dragonflyclient.core;

/**
 * Receives what a {@link PubSub} gets. Every method is called on the subscriber's own listener
 * thread, one call at a time and in the order the server sent the messages, never on a thread
 * that reads replies: a slow listener delays only later messages (see {@link PubSub} for what
 * happens when it falls too far behind). An exception thrown by a listener is logged and the next
 * message is delivered as usual.
 */
@FunctionalInterface
public interface PubSubListener {

    /**
     * A message arrived on a subscribed channel or pattern.
     *
     * @param message the message
     */
    void message(PubSubMessage message);

    /**
     * The subscriber connection broke; it is being reopened in the background. Messages published
     * until {@link #resubscribed()} are lost: pub/sub delivers at most once.
     *
     * @param reason why the connection broke
     */
    default void disconnected(DragonflyException reason) {}

    /** After a reconnect, every channel and pattern subscribed before is subscribed again. */
    default void resubscribed() {}
}
