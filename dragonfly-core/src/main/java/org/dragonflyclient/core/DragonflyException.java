package org.dragonflyclient.core;

/**
 * Root of every exception the client throws. Unchecked, so that callers decide where to handle
 * failures; the four subclasses say what went wrong:
 * <ul>
 *   <li>{@link DragonflyConnectionException}: the server could not be reached, or the connection
 *       broke (the outcome of commands in flight is then unknown);</li>
 *   <li>{@link DragonflyTimeoutException}: no reply within the command timeout;</li>
 *   <li>{@link DragonflyServerException}: the server answered with an error reply;</li>
 *   <li>{@link DragonflyProtocolException}: the server sent bytes that are not valid RESP, or a
 *       reply of a type the command does not expect.</li>
 * </ul>
 * Messages never contain a password.
 */
public class DragonflyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and, where possible, what to do about it
     */
    public DragonflyException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public DragonflyException(String message, Throwable cause) {
        super(message, cause);
    }
}
