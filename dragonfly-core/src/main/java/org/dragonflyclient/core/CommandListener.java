package org.dragonflyclient.core;

import org.jspecify.annotations.Nullable;

/**
 * Observes every command the client completes, for metrics and tracing (the Spring Boot starter
 * feeds Micrometer timers from it). Called on the thread that completed the command, on the hot
 * path: it must be fast and must not block or throw.
 */
@FunctionalInterface
public interface CommandListener {

    /** Observes nothing. */
    CommandListener NONE = (command, durationNanos, failure) -> {};

    /**
     * A command completed.
     *
     * @param command the command name in upper case, such as {@code GET}; never its arguments
     * @param durationNanos time from the call until the reply (or failure)
     * @param failure the failure, or {@code null} when the server answered without error
     */
    void commandCompleted(String command, long durationNanos, @Nullable Throwable failure);
}
