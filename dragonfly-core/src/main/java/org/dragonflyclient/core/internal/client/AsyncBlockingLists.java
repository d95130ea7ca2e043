package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.BlockingListAsyncCommands;
import org.dragonflyclient.core.KeyValue;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ListCommandBuilder;

/**
 * The blocking list commands of {@link BlockingListAsyncCommands}: each builds its command with
 * {@link ListCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncBlockingLists extends BlockingListAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    ListCommandBuilder LISTS = ListCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<KeyValue<byte[]>> blpop(Duration timeout, byte[]... keys) {
        return sendBlocking(LISTS.blockingPop(Keyword.BLPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    default CompletableFuture<KeyValue<String>> blpop(Duration timeout, String... keys) {
        return sendBlocking(LISTS.blockingPop(Keyword.BLPOP, timeout, keys, UTF8), timeout);
    }

    @Override
    default CompletableFuture<KeyValue<byte[]>> brpop(Duration timeout, byte[]... keys) {
        return sendBlocking(LISTS.blockingPop(Keyword.BRPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    default CompletableFuture<KeyValue<String>> brpop(Duration timeout, String... keys) {
        return sendBlocking(LISTS.blockingPop(Keyword.BRPOP, timeout, keys, UTF8), timeout);
    }
}
