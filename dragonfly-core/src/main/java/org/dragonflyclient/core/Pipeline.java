package org.dragonflyclient.core;

/**
 * An explicit batch: commands are encoded as they are called, kept on the client, and sent in one
 * write by {@link #sync()}, which then waits for all of their replies. Each command method returns
 * a future that completes during {@code sync()}; waiting on one before {@code sync()} would wait
 * for the command timeout and fail, because nothing has been sent.
 *
 * <pre>{@code
 * try (Pipeline p = client.pipeline()) {
 *     for (int i = 0; i < 1000; i++) {
 *         p.set("key:" + i, "value");
 *     }
 *     CompletableFuture<String> last = p.get("key:999");
 *     p.sync();
 *     System.out.println(last.join());
 * }
 * }</pre>
 *
 * <p>The batch runs on one connection, in order, but not atomically: other clients' commands may
 * run between its commands. Not thread-safe: one thread builds and syncs a pipeline.
 */
public interface Pipeline extends DragonflyAsyncCommands, AutoCloseable {

    /**
     * Sends every queued command in one write and waits until all replies are read. A failed
     * command does not stop the others: its future holds its exception. The pipeline is empty
     * afterwards and can be reused.
     *
     * @throws DragonflyTimeoutException when the replies did not all arrive within the command
     *     timeout, counted from this call; the futures not completed by then fail the same way
     * @throws DragonflyConnectionException when no connection could be obtained (nothing was sent)
     */
    void sync();

    /** @return the number of commands queued and not yet sent */
    int size();

    /** Sends what is still queued, as {@link #sync()} does. */
    @Override
    void close();
}
