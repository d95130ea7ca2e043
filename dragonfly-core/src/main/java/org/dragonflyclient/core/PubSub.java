package org.dragonflyclient.core;

import java.util.Set;

/**
 * A subscriber: channel ({@code SUBSCRIBE}) and pattern ({@code PSUBSCRIBE}) subscriptions on a
 * connection of its own, delivering messages to {@link PubSubListener}s. Open one with
 * {@link DragonflyClient#pubSub()}; publish with {@link DragonflyCommands#publish(String, String)}.
 *
 * <pre>{@code
 * PubSub pubSub = client.pubSub();
 * pubSub.addListener(m -> System.out.println(m.channel() + ": " + m.message()));
 * pubSub.subscribe("news");            // returns once the server confirmed it
 * client.publish("news", "hello");
 * }</pre>
 *
 * <h2>Threads and slow listeners</h2>
 * The subscriber connection carries nothing but subscriptions (on RESP2 a subscribed connection
 * can do nothing else, and on RESP3 this keeps push frames away from the shared connections). One
 * thread reads it; a second thread calls the listeners. Between them sits a queue of at most
 * {@code maxQueuedMessages} messages ({@link #DEFAULT_MAX_QUEUED_MESSAGES} by default). When the
 * listeners fall that far behind, <b>newly arriving messages are dropped</b> and counted in
 * {@link #droppedMessages()} (a warning is logged when dropping starts, and when the listeners have
 * caught up). Dropping keeps the connection read, so subscription confirmations still arrive and
 * the server never disconnects the subscriber for exceeding its output buffer limit
 * ({@code client-output-buffer-limit pubsub}); blocking the reader instead would only move the loss
 * to the server. Pub/sub is at-most-once delivery in any case.
 *
 * <h2>Reconnects</h2>
 * When the connection breaks (server restart, {@code CLIENT KILL}, network), listeners hear
 * {@link PubSubListener#disconnected}, the connection is reopened with backoff (the client's
 * reconnect delays), every channel and pattern is subscribed again, and listeners hear
 * {@link PubSubListener#resubscribed()}. Messages published in between are lost.
 *
 * <h2>Sharded pub/sub and clusters</h2>
 * {@link #ssubscribe(String...)} subscribes to shard channels ({@code SSUBSCRIBE}, Redis 7 and
 * Dragonfly), published with {@link DragonflyCommands#spublish(String, String)}. On a cluster a
 * shard channel lives on the node that serves its hash slot: the subscriber keeps a connection
 * per such node, and when a slot moves (the node unsubscribes its channels) or its node's
 * connection breaks, it subscribes the channels again on the slot's owner once the topology says
 * who that is. Channel and pattern subscriptions go to one master (Redis Cluster forwards
 * {@code PUBLISH} to every node; Dragonfly refuses {@code PUBLISH} in cluster mode).
 *
 * <p>Thread-safe. Channel and pattern names are sent as given; the text forms encode them as
 * UTF-8.
 */
public interface PubSub extends AutoCloseable {

    /** Default bound on the messages waiting for slow listeners. */
    int DEFAULT_MAX_QUEUED_MESSAGES = 10_000;

    /**
     * Adds a listener; it receives every message that arrives from now on, whatever its channel.
     *
     * @param listener the listener
     */
    void addListener(PubSubListener listener);

    /**
     * Removes a listener added before; it may still receive a message being delivered.
     *
     * @param listener the listener
     */
    void removeListener(PubSubListener listener);

    /**
     * {@code SUBSCRIBE channel [channel ...]}: returns once the server confirmed every channel, so a
     * message published afterwards is received.
     *
     * @param channels the channels, at least one
     * @throws DragonflyConnectionException when the subscriber is disconnected; the channels are then
     *     kept and subscribed when the connection is restored (call {@code unsubscribe} to drop them)
     * @throws DragonflyTimeoutException when the confirmation did not arrive within the command timeout
     * @throws DragonflyServerException when the server refused (an ACL, say); the channels are dropped
     */
    void subscribe(String... channels);

    /**
     * {@code SUBSCRIBE} with binary channel names; see {@link #subscribe(String...)}.
     *
     * @param channels the channels, at least one
     */
    void subscribe(byte[]... channels);

    /**
     * {@code PSUBSCRIBE pattern [pattern ...]}: glob patterns such as {@code news.*}; returns once
     * the server confirmed every pattern. Failures as for {@link #subscribe(String...)}.
     *
     * @param patterns the patterns, at least one
     */
    void psubscribe(String... patterns);

    /**
     * {@code PSUBSCRIBE} with binary patterns; see {@link #psubscribe(String...)}.
     *
     * @param patterns the patterns, at least one
     */
    void psubscribe(byte[]... patterns);

    /**
     * {@code UNSUBSCRIBE channel [channel ...]}: returns once the server confirmed it. While
     * disconnected, the channels are simply forgotten.
     *
     * @param channels the channels, at least one
     */
    void unsubscribe(String... channels);

    /**
     * {@code UNSUBSCRIBE} with binary channel names; see {@link #unsubscribe(String...)}.
     *
     * @param channels the channels, at least one
     */
    void unsubscribe(byte[]... channels);

    /**
     * {@code PUNSUBSCRIBE pattern [pattern ...]}: returns once the server confirmed it.
     *
     * @param patterns the patterns, at least one
     */
    void punsubscribe(String... patterns);

    /**
     * {@code PUNSUBSCRIBE} with binary patterns; see {@link #punsubscribe(String...)}.
     *
     * @param patterns the patterns, at least one
     */
    void punsubscribe(byte[]... patterns);

    /**
     * Subscribes to shard channels ({@code SSUBSCRIBE}); returns once the server confirmed them.
     * Channels of different hash slots are subscribed one slot at a time, as a cluster requires.
     *
     * @param channels the shard channels, at least one
     * @throws DragonflyConnectionException when the subscriber is reconnecting (the channels are
     *     recorded and subscribed after the reconnect)
     * @throws DragonflyTimeoutException when the server does not confirm within the command timeout
     * @throws DragonflyServerException when the server refuses them (Redis before 7.0)
     */
    void ssubscribe(String... channels);

    /**
     * Subscribes to shard channels given as bytes; see {@link #ssubscribe(String...)}.
     *
     * @param channels the shard channels, at least one
     */
    void ssubscribe(byte[]... channels);

    /**
     * Unsubscribes from shard channels ({@code SUNSUBSCRIBE}).
     *
     * @param channels the shard channels, at least one
     */
    void sunsubscribe(String... channels);

    /**
     * Unsubscribes from shard channels given as bytes.
     *
     * @param channels the shard channels, at least one
     */
    void sunsubscribe(byte[]... channels);

    /** Unsubscribes from every channel (patterns stay). */
    void unsubscribeAll();

    /** Unsubscribes from every pattern (channels stay). */
    void punsubscribeAll();

    /** @return the channels subscribed (or to be restored after a reconnect), as UTF-8 text */
    Set<String> channels();

    /** @return the patterns subscribed (or to be restored after a reconnect), as UTF-8 text */
    Set<String> patterns();

    /** @return the shard channels subscribed (or to be restored), as UTF-8 text */
    Set<String> shardChannels();

    /** @return {@code true} while the subscriber connection is open */
    boolean isConnected();

    /** @return how many messages were dropped because the listeners fell behind (see above) */
    long droppedMessages();

    /** Closes the connection and stops both threads; queued messages are not delivered. Idempotent. */
    @Override
    void close();
}
