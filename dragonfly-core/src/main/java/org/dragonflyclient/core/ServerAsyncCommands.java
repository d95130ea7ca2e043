package org.dragonflyclient.core;

import java.util.concurrent.CompletableFuture;

/**
 * The server commands, and {@code execute} for any command without a typed method. Part of
 * {@link DragonflyAsyncCommands}, which says what every method may throw and how futures complete.
 */
public interface ServerAsyncCommands {

    /**
     * {@code PING}.
     *
     * @return a future of {@code PONG}
     */
    CompletableFuture<String> ping();

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return a future of the same message
     */
    CompletableFuture<byte[]> echo(byte[] message);

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return a future of the same message
     */
    CompletableFuture<String> echo(String message);

    /**
     * {@code INFO}: the server's default information sections.
     *
     * @return a future of the text, {@code field:value} lines grouped under {@code # Section} headers
     */
    CompletableFuture<String> info();

    /**
     * {@code INFO section}.
     *
     * @param section such as {@code server}, {@code memory}, {@code stats}, {@code keyspace}
     * @return a future of the section's text
     */
    CompletableFuture<String> info(String section);

    /**
     * {@code DBSIZE}.
     *
     * @return a future of the number of keys in the selected database
     */
    CompletableFuture<Long> dbsize();

    /**
     * {@code FLUSHDB}: deletes every key of the selected database.
     *
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> flushdb();

    /**
     * {@code FLUSHALL}: deletes every key of every database.
     *
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> flushall();

    /**
     * Runs any command, for those without a typed method:
     * {@code execute("CLIENT", "LIST")}, {@code execute("HSET", "h", "f", "v")}.
     *
     * @param command the command name
     * @param args arguments: {@code byte[]}, {@code String} or numbers
     * @return a future of the reply; nested errors are {@link Reply.Error} elements, a top-level error throws
     * @throws DragonflyServerException when the server answers with an error
     */
    CompletableFuture<Reply> execute(String command, Object... args);
}
