package org.dragonflyclient.core;

/**
 * The asynchronous commands: each method sends its command and returns at once with a future of
 * the reply; the same commands, arguments and results as {@link DragonflyCommands}, which documents
 * each of them.
 *
 * <p>Futures fail with the exceptions listed on {@link DragonflyCommands}; a future whose reply does
 * not arrive within the command timeout fails with {@link DragonflyTimeoutException}. Futures are
 * completed on the thread that reads the reply, which may be a client thread or another caller's:
 * callbacks must not block; use the {@code ...Async} variants of {@link java.util.concurrent.CompletableFuture} with an
 * executor for slow work. Commands issued by one thread run on the server in the order issued.
 *
 * <p>The command families are those of {@link DragonflyCommands}, each with an interface of its
 * own ({@link StringAsyncCommands}, {@link KeyAsyncCommands} and so on); the blocking pops are in
 * {@link BlockingListAsyncCommands}, which a {@link Pipeline} does not offer.
 */
public interface DragonflyAsyncCommands
        extends StringAsyncCommands,
                KeyAsyncCommands,
                HashAsyncCommands,
                ListAsyncCommands,
                BlockingListAsyncCommands,
                SetAsyncCommands,
                SortedSetAsyncCommands,
                ScriptingAsyncCommands,
                PubSubAsyncCommands,
                ServerAsyncCommands {}
