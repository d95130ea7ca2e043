package org.dragonflyclient.core;

/**
 * A {@code MULTI}/{@code EXEC} transaction: the commands queued on it run on the server atomically
 * and in order, with no other command in between, when {@link #exec()} is called. Obtain one from
 * {@link DragonflyClient#transaction()}; use it from one thread, once.
 *
 * <pre>{@code
 * while (true) {
 *     try (Transaction tx = client.transaction()) {
 *         tx.watch("stock:42");
 *         long stock = Long.parseLong(client.get("stock:42"));
 *         if (stock == 0) break;
 *         tx.decr("stock:42");
 *         CompletableFuture<Long> orders = tx.rpush("orders", "42");
 *         if (tx.exec()) { ... orders.join() ... ; break; }   // false: stock:42 changed, retry
 *     }
 * }
 * }</pre>
 *
 * <h2>How it runs</h2>
 * The command methods (those of {@link DragonflyAsyncCommands}) encode each command at once, so a
 * wrong argument fails at its call, and keep it on the client. {@link #exec()} writes
 * {@code MULTI}, the commands and {@code EXEC} as one unit, which no other thread's command can
 * split, and waits for the answer. The futures complete during {@code exec()} with each
 * command's usual result type. A command that fails while running (for example
 * {@code WRONGTYPE}) fails only its own future: the server does not roll the others back. A
 * command the server refuses to queue (an unknown command, say) fails its future with that error,
 * makes {@code EXEC} fail with {@code EXECABORT}, and nothing runs.
 *
 * <h2>Optimistic locking with WATCH</h2>
 * {@link #watch(String...)} takes a dedicated connection for this transaction and sends
 * {@code WATCH} on it at once; reads in between may go through the client as usual. If any client
 * changes a watched key before {@code EXEC}, {@link #exec()} returns {@code false}: nothing ran, and
 * every future fails with {@link DragonflyTransactionAbortedException}. Without {@code watch}, a
 * transaction needs no dedicated connection: its unit goes out on a shared one. A watched
 * transaction holds its dedicated connection until {@code exec}, {@code discard} or {@code close}:
 * use try-with-resources, since the client has only a few of them.
 *
 * <h2>Failures</h2>
 * If the connection breaks, {@code exec()} throws {@link DragonflyConnectionException} and every
 * future fails with it; nothing is sent again, and a watched transaction is never re-run on
 * another connection (its watch would be lost). Blocking commands ({@code BLPOP}) do not block
 * inside a transaction; {@code eval(Script, ...)} sends the script's source with {@code EVAL},
 * since a {@code NOSCRIPT} could not be retried inside {@code EXEC}.
 */
public interface Transaction extends DragonflyAsyncCommands, AutoCloseable {

    /**
     * {@code WATCH key [key ...]}, sent at once on this transaction's dedicated connection: makes
     * {@link #exec()} abort if any of the keys changes before it. Call it before queuing commands.
     *
     * @param keys the keys, at least one
     * @throws IllegalStateException when commands are already queued, or the transaction ended
     * @throws DragonflyTimeoutException when no dedicated connection became free within the command timeout
     */
    void watch(String... keys);

    /**
     * {@code WATCH key [key ...]} with binary keys; see {@link #watch(String...)}.
     *
     * @param keys the keys, at least one
     * @throws IllegalStateException when commands are already queued, or the transaction ended
     * @throws DragonflyTimeoutException when no dedicated connection became free within the command timeout
     */
    void watch(byte[]... keys);

    /**
     * {@code UNWATCH}: forgets every watched key and gives the dedicated connection back; the
     * transaction goes on without a watch. Does nothing when nothing is watched.
     *
     * @throws IllegalStateException when the transaction ended
     */
    void unwatch();

    /**
     * Runs the queued commands atomically and completes their futures; the transaction ends.
     *
     * @return {@code true} when the commands ran; {@code false} when a watched key changed, in which
     *     case nothing ran and every future failed with {@link DragonflyTransactionAbortedException}
     * @throws DragonflyServerException when the server refused the transaction ({@code EXECABORT}
     *     after a command it could not queue); nothing ran
     * @throws DragonflyConnectionException when the connection broke; whether the transaction ran is
     *     then unknown, and it is not sent again
     * @throws DragonflyTimeoutException when the answer did not arrive within the command timeout
     * @throws IllegalStateException when the transaction already ended
     */
    boolean exec();

    /**
     * Drops the queued commands (their futures are cancelled) and any watch; the transaction
     * ends. Nothing was sent for them: commands stay on the client until {@link #exec()}, so no
     * {@code DISCARD} is needed on the wire.
     *
     * @throws IllegalStateException when the transaction already ended
     */
    void discard();

    /** @return the number of commands queued so far */
    int size();

    /** Discards the transaction unless it has ended, and gives back its dedicated connection. */
    @Override
    void close();
}
