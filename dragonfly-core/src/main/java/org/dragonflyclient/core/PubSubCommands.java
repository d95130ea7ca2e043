package org.dragonflyclient.core;

/**
 * Publishing. Part of {@link DragonflyCommands}; {@code PUBLISH} runs on the shared connections
 * like any other command. To receive messages, open a {@link PubSub} with
 * {@link DragonflyClient#pubSub()}.
 */
public interface PubSubCommands {

    /**
     * {@code PUBLISH channel message}.
     *
     * @param channel the channel
     * @param message the message
     * @return how many subscribers (of this server) received it; messages are not stored, so 0
     *     means it is gone
     */
    long publish(byte[] channel, byte[] message);

    /**
     * {@code PUBLISH channel message}, as text.
     *
     * @param channel the channel
     * @param message the message
     * @return how many subscribers (of this server) received it; messages are not stored, so 0
     *     means it is gone
     */
    long publish(String channel, String message);
}
