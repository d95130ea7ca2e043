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

    /**
     * {@code SPUBLISH shardchannel message}: sharded pub/sub (Redis 7, Dragonfly). On a cluster it
     * goes to the node that serves the channel's hash slot, and only that node's (and its
     * replicas') {@code SSUBSCRIBE}rs receive it; use it instead of {@code PUBLISH}, which
     * Dragonfly refuses in cluster mode and Redis Cluster broadcasts to every node.
     *
     * @param channel the shard channel, hashed like a key ({hash tags} included)
     * @param message the message
     * @return how many subscribers received it
     */
    long spublish(byte[] channel, byte[] message);

    /**
     * {@code SPUBLISH shardchannel message}, as text; see {@link #spublish(byte[], byte[])}.
     *
     * @param channel the shard channel
     * @param message the message
     * @return how many subscribers received it
     */
    long spublish(String channel, String message);
}
