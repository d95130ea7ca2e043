package org.dragonflyclient.core;

/**
 * The server sent bytes that are not valid RESP, a length over one of the configured limits, or a
 * reply of a type the command cannot accept. When the stream itself is malformed the connection
 * is closed and every command in flight on it fails.
 */
public class DragonflyProtocolException extends DragonflyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a protocol exception.
     *
     * @param message what was wrong with the bytes received
     */
    public DragonflyProtocolException(String message) {
        super(message);
    }
}
