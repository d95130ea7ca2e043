package org.dragonflyclient.core.internal.command;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.dragonflyclient.core.DragonflyException;

/** Reads the outcome of a completed command for a synchronous caller. */
public final class Commands {

    private Commands() {}

    /**
     * Returns the value of a completed command or throws its failure as it was raised, not
     * wrapped in {@link CompletionException}.
     *
     * @param command a completed command
     * @param <T> the value type
     * @return the value
     * @throws DragonflyException the command's failure
     */
    public static <T> T result(Command<T> command) {
        try {
            return command.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            // Not reached: the command is done, so get() does not wait.
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new DragonflyException(String.valueOf(cause.getMessage()), cause);
    }
}
