package org.dragonflyclient.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The blocking pops of {@link ListCommands}, as futures. Part of {@link DragonflyAsyncCommands} and
 * {@link Transaction}, not of {@link Pipeline}: a blocked command would stall the pipeline's shared
 * connection and every command behind it.
 *
 * <p>{@code blpop} and {@code brpop} lease a dedicated connection when called (waiting at most the
 * command timeout when all are busy; the future then fails with {@link DragonflyTimeoutException})
 * and give it back when their future completes. Inside a {@link Transaction} they do not block.
 */
public interface BlockingListAsyncCommands {

    /**
     * {@code BLPOP key [key ...] timeout}: pops the head of the first non-empty list, waiting up
     * to {@code timeout} for one, on a dedicated connection (see above).
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return a future of the list and the value popped, or {@code null} when the timeout passed
     */
    CompletableFuture<@Nullable KeyValue<byte[]>> blpop(Duration timeout, byte[]... keys);

    /**
     * {@code BLPOP key [key ...] timeout}, as text.
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return a future of the list and the value popped, or {@code null} when the timeout passed
     */
    CompletableFuture<@Nullable KeyValue<String>> blpop(Duration timeout, String... keys);

    /**
     * {@code BRPOP key [key ...] timeout}: as {@link #blpop(Duration, byte[]...)}, from the tail.
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return a future of the list and the value popped, or {@code null} when the timeout passed
     */
    CompletableFuture<@Nullable KeyValue<byte[]>> brpop(Duration timeout, byte[]... keys);

    /**
     * {@code BRPOP key [key ...] timeout}, as text.
     *
     * @param timeout how long the server waits, with millisecond precision; zero waits without limit
     * @param keys the lists, in the order they are tried
     * @return a future of the list and the value popped, or {@code null} when the timeout passed
     */
    CompletableFuture<@Nullable KeyValue<String>> brpop(Duration timeout, String... keys);
}
