package org.dragonflyclient.core;

import org.dragonflyclient.core.internal.client.DefaultDragonflyClient;

/**
 * A thread-safe client for DragonflyDB and other Redis-protocol servers, meant to be created once
 * and shared by the whole application.
 *
 * <pre>{@code
 * try (DragonflyClient client = DragonflyClient.create("redis://127.0.0.1:6379")) {
 *     client.set("greeting", "hello", SetArgs.ex(60));
 *     String value = client.get("greeting");
 * }
 * }</pre>
 *
 * <p>It keeps {@link ClientOptions#poolSize()} connections open, each shared by many threads:
 * commands issued at the same time are written together and their replies read together, while a
 * lone caller reads its own reply without any thread hop. A broken connection is replaced in the
 * background, with the same handshake (credentials, database, client name, protocol).
 */
public interface DragonflyClient extends DragonflyCommands, AutoCloseable {

    /**
     * Connects to the server named by a URI.
     *
     * @param uri {@code redis://[user:password@]host[:port][/database]}, or {@code rediss://} for TLS
     * @return a connected client
     * @throws IllegalArgumentException when the URI is malformed
     * @throws DragonflyConnectionException when the server cannot be reached or refuses the credentials
     */
    static DragonflyClient create(String uri) {
        return create(ClientOptions.fromUri(uri));
    }

    /**
     * Connects with the given options; every connection is opened before this returns, so a wrong
     * address or password is reported here.
     *
     * @param options where and how to connect
     * @return a connected client
     * @throws DragonflyConnectionException when the server cannot be reached or refuses the credentials
     */
    static DragonflyClient create(ClientOptions options) {
        return DefaultDragonflyClient.connect(options);
    }

    /** @return the asynchronous view of this client, sharing its connections */
    DragonflyAsyncCommands async();

    /** @return a new, empty pipeline on this client's connections */
    Pipeline pipeline();

    /**
     * Opens a subscriber: a connection of its own for {@code SUBSCRIBE}/{@code PSUBSCRIBE}, with a
     * thread that reads it and one that calls the listeners, queuing at most
     * {@link PubSub#DEFAULT_MAX_QUEUED_MESSAGES} messages for slow listeners. Open one and share it;
     * each holds a connection and two threads until closed (closing the client closes it too).
     *
     * @return the subscriber, connected and subscribed to nothing yet
     * @throws DragonflyConnectionException when the connection cannot be opened
     */
    PubSub pubSub();

    /**
     * Opens a subscriber as {@link #pubSub()} does, with a bound of its own on the messages queued
     * for slow listeners; messages beyond it are dropped and counted (see {@link PubSub}).
     *
     * @param maxQueuedMessages how many received messages may wait for the listeners, at least 1
     * @return the subscriber
     * @throws DragonflyConnectionException when the connection cannot be opened
     */
    PubSub pubSub(int maxQueuedMessages);

    /**
     * Starts a transaction: commands queued on it run atomically, in order, with no other
     * client's (or thread's) command in between, when {@link Transaction#exec()} is called.
     *
     * <pre>{@code
     * try (Transaction tx = client.transaction()) {
     *     tx.watch("balance");                          // optional optimistic lock
     *     long balance = Long.parseLong(client.get("balance"));
     *     tx.set("balance", Long.toString(balance - 10));
     *     if (!tx.exec()) { ... someone changed "balance": retry ... }
     * }
     * }</pre>
     *
     * @return a new transaction; not thread-safe, one thread uses it
     */
    Transaction transaction();

    /**
     * Opens a near cache: a local tier for {@code GET}, kept coherent by the server's invalidations
     * (see {@link NearCache}). A client may have several (one per application cache, say); every
     * one of them hears every invalidation. Closing the client closes them.
     *
     * @param options its store and time to live
     * @return the near cache, empty
     * @throws IllegalStateException when the client's tracking is off: create the client with
     *     {@link ClientOptions.Builder#tracking(boolean) tracking(true)} ({@code tracking=on} in the URI)
     */
    NearCache nearCache(NearCacheOptions options);

    /** @return the options this client was created with */
    ClientOptions options();

    /** @return the protocol the server agreed to: RESP3, or RESP2 when it refused {@code HELLO 3} */
    Protocol protocol();

    /** @return the number of connections open right now, at most {@link ClientOptions#poolSize()} */
    int openConnections();

    /** @return commands written whose replies have not arrived yet, over all connections */
    int inFlightCommands();

    /** Closes every connection; commands still in flight fail. Idempotent. */
    @Override
    void close();
}
