package org.dragonflyclient.core;

/**
 * An explicit batch: commands are written in groups of a hundred or so as they are called, each
 * group in one system call, and {@link #sync()} writes the rest and waits for all of their
 * replies. Each command method returns a future that completes by the end of {@code sync()};
 * call {@code sync()} before waiting on one, since the last group is only written then.
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
 * run between its commands. Not thread-safe: one thread builds and syncs a pipeline. It offers every
 * asynchronous command family but the blocking pops ({@link BlockingListAsyncCommands}), which would
 * stall its connection and every command behind them.
 */
public interface Pipeline
        extends StringAsyncCommands,
                KeyAsyncCommands,
                HashAsyncCommands,
                ListAsyncCommands,
                SetAsyncCommands,
                SortedSetAsyncCommands,
                ScriptingAsyncCommands,
                PubSubAsyncCommands,
                ServerAsyncCommands,
                AutoCloseable {

    /**
     * Writes the commands not written yet and waits until every reply is read. A failed command
     * does not stop the others: its future holds its exception. The pipeline is empty afterwards
     * and can be reused.
     *
     * @throws DragonflyConnectionException when any command of the batch failed because the
     *     connection broke or could not be obtained, whenever that happened; the message says how
     *     many commands failed, how many may have run and how many were not sent, and
     *     {@link DragonflyConnectionException#isOutcomeUnknown()} is {@code true} when any may have
     *     run. Each future holds its own command's outcome, and nothing is sent again
     * @throws DragonflyTimeoutException when the replies did not all arrive within the command
     *     timeout, counted from this call (or no connection became available within it); the
     *     futures not completed by then fail the same way
     */
    void sync();

    /** @return the number of commands added since the last {@link #sync()} */
    int size();

    /** Sends what is still queued, as {@link #sync()} does. */
    @Override
    void close();
}
