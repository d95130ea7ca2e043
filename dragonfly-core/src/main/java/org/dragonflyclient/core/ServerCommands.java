package org.dragonflyclient.core;

/**
 * The server commands, and {@code execute} for any command without a typed method. Part of
 * {@link DragonflyCommands}, which says what every method may throw.
 */
public interface ServerCommands {

    /**
     * {@code PING}.
     *
     * @return {@code PONG}
     */
    String ping();

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return the same message
     */
    byte[] echo(byte[] message);

    /**
     * {@code ECHO message}.
     *
     * @param message the message
     * @return the same message
     */
    String echo(String message);

    /**
     * {@code INFO}: the server's default information sections.
     *
     * @return the text, {@code field:value} lines grouped under {@code # Section} headers
     */
    String info();

    /**
     * {@code INFO section}.
     *
     * @param section such as {@code server}, {@code memory}, {@code stats}, {@code keyspace}
     * @return the section's text
     */
    String info(String section);

    /**
     * {@code DBSIZE}.
     *
     * @return the number of keys in the selected database
     */
    long dbsize();

    /** {@code FLUSHDB}: deletes every key of the selected database. */
    void flushdb();

    /** {@code FLUSHALL}: deletes every key of every database. */
    void flushall();

    /**
     * Runs any command, for those without a typed method:
     * {@code execute("CLIENT", "LIST")}, {@code execute("HSET", "h", "f", "v")}.
     *
     * @param command the command name
     * @param args arguments: {@code byte[]}, {@code String} or numbers
     * @return the reply; nested errors are {@link Reply.Error} elements, a top-level error throws
     * @throws DragonflyServerException when the server answers with an error
     */
    Reply execute(String command, Object... args);
}
