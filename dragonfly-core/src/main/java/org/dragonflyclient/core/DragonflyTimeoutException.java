package org.dragonflyclient.core;

/**
 * No reply arrived within the command timeout (or the connection could not be obtained within it).
 * The reply, if it comes later, is read and dropped: it never reaches another caller. The command
 * may still have run on the server.
 */
public class DragonflyTimeoutException extends DragonflyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a timeout exception.
     *
     * @param message which command timed out, after how long, and which setting to raise
     */
    public DragonflyTimeoutException(String message) {
        super(message);
    }
}
