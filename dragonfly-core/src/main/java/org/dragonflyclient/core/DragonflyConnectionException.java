package org.dragonflyclient.core;

import org.jspecify.annotations.Nullable;

/**
 * The server could not be reached, refused the handshake, or the connection broke while a command
 * was in flight. When {@link #isOutcomeUnknown()} is {@code true} the command may or may not have
 * been executed by the server: the client never sends it again by itself. When it is {@code false}
 * the command was not sent. Where the message speaks of the outcome, it says what the flag says.
 * {@link Pipeline#sync()} throws one for its whole batch, counting the commands that may have run
 * and those not sent; it is "outcome unknown" when any may have run.
 */
public class DragonflyConnectionException extends DragonflyException {

    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    /**
     * Creates an exception for a command that was never written to a server.
     *
     * @param message what went wrong and what setting to check
     * @param cause the underlying failure, may be {@code null}
     */
    public DragonflyConnectionException(String message, @Nullable Throwable cause) {
        this(message, cause, false);
    }

    /**
     * Creates an exception.
     *
     * @param message what went wrong and what setting to check
     * @param cause the underlying failure, may be {@code null}
     * @param outcomeUnknown {@code true} when the command had been written and may have run
     */
    public DragonflyConnectionException(String message, @Nullable Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * Tells whether the command had already been written when the connection failed, so that the
     * server may have executed it.
     *
     * @return {@code true} when the command may have run on the server
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }
}
