package org.dragonflyclient.core;

import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous form of {@link PubSubCommands}: {@code PUBLISH}, as a future. Part of
 * {@link DragonflyAsyncCommands}. To receive messages, open a {@link PubSub} with
 * {@link DragonflyClient#pubSub()}.
 */
public interface PubSubAsyncCommands {

    /**
     * {@code PUBLISH channel message}.
     *
     * @param channel the channel
     * @param message the message
     * @return a future of how many subscribers (of this server) received it; messages are not stored, so 0
     *     means it is gone
     */
    CompletableFuture<Long> publish(byte[] channel, byte[] message);

    /**
     * {@code PUBLISH channel message}, as text.
     *
     * @param channel the channel
     * @param message the message
     * @return a future of how many subscribers (of this server) received it; messages are not stored, so 0
     *     means it is gone
     */
    CompletableFuture<Long> publish(String channel, String message);
}
