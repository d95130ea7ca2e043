package org.dragonflyclient.core;

/**
 * The calling thread was interrupted while it waited for a reply. The thread's interrupt flag is
 * set again before this is thrown. The reply, if it comes, is read and dropped.
 */
public class DragonflyInterruptedException extends DragonflyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which command was interrupted
     */
    public DragonflyInterruptedException(String message) {
        super(message);
    }
}
