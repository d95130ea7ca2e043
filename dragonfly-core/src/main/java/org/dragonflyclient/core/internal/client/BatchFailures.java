package org.dragonflyclient.core.internal.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyTimeoutException;

/**
 * Turns the client-side failures of a batch's commands into one exception for the batch's caller.
 *
 * <p>A pipeline hands its commands to a connection group by group, and each command's future
 * holds its own outcome. When the connection breaks or cannot be obtained, the futures fail one by
 * one ("outcome unknown" for what was written before the break, "not sent" for what came after),
 * often before the caller waits: a {@code sync()} that only waited for the last reply would then
 * return normally although nothing ran. So the batch's entry point counts, after its wait, the
 * commands that failed on the client's side and throws when there are any. A command's own error
 * reply ({@code WRONGTYPE}, a reply of the wrong type) is not counted: it stays in its future.
 */
final class BatchFailures {

    private final String batch;
    private int commands;
    private int mayHaveRun;
    private int notSent;
    private int timedOut;
    private DragonflyException first;

    private BatchFailures(String batch) {
        this.batch = batch;
    }

    /**
     * Throws when any of the batch's commands failed because of its connection or its timeout.
     *
     * @param batch what the commands were, for the message, such as {@code "pipeline"}
     * @param commands every command of the batch, each completed
     * @throws DragonflyConnectionException when any command failed because the connection broke or
     *     could not be obtained; {@link DragonflyConnectionException#isOutcomeUnknown()} when any
     *     of them may have run
     * @throws DragonflyTimeoutException when none did, but a command got no reply (or no
     *     connection) within the command timeout
     */
    static void throwIfAny(String batch, List<? extends CompletableFuture<?>> commands) {
        BatchFailures failures = new BatchFailures(batch);
        for (CompletableFuture<?> command : commands) {
            failures.count(command);
        }
        failures.throwIfAny();
    }

    private void count(CompletableFuture<?> command) {
        commands++;
        if (!command.isCompletedExceptionally()) {
            return;
        }
        Throwable failure = failureOf(command);
        if (failure instanceof DragonflyConnectionException e) {
            if (e.isOutcomeUnknown()) {
                mayHaveRun++;
            } else {
                notSent++;
            }
        } else if (failure instanceof DragonflyTimeoutException) {
            timedOut++;
        } else {
            return;
        }
        if (first == null) {
            first = (DragonflyException) failure;
        }
    }

    private void throwIfAny() {
        if (mayHaveRun + notSent > 0) {
            throw new DragonflyConnectionException(
                    (mayHaveRun + notSent) + " of the " + commands + " commands of the "
                            + batch + " failed because the connection broke or could not be obtained: " + mayHaveRun
                            + " may or may not have run (their exception's isOutcomeUnknown() is true), " + notSent
                            + " were not sent" + (timedOut > 0 ? ", and " + timedOut + " more timed out" : "")
                            + ". Nothing is sent again by itself; each command's future holds its own outcome. First failure: "
                            + first.getMessage(),
                    first,
                    mayHaveRun > 0);
        }
        if (timedOut > 0) {
            throw new DragonflyTimeoutException(timedOut + " of the " + commands + " commands of the " + batch
                    + " got no reply (or no connection) within the command timeout; each command's future holds its"
                    + " own outcome. First failure: " + first.getMessage());
        }
    }

    /** Only for a future completed exceptionally: its exception as it was raised. */
    private static Throwable failureOf(CompletableFuture<?> future) {
        Throwable failure = future.handle((value, e) -> e).join();
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
