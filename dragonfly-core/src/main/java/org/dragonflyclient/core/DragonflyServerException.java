package org.dragonflyclient.core;

/**
 * The server answered a command with an error reply, such as {@code WRONGTYPE Operation against a
 * key holding the wrong kind of value}. The connection stays usable.
 */
public class DragonflyServerException extends DragonflyException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final String serverMessage;

    /**
     * Creates an exception from the server's error line.
     *
     * @param serverMessage the error line as the server sent it, without the leading {@code -}
     */
    public DragonflyServerException(String serverMessage) {
        this(serverMessage, serverMessage);
    }

    /**
     * Creates an exception whose message adds advice to the server's error line.
     *
     * @param message the message to show, usually the server's line plus what to do
     * @param serverMessage the error line as the server sent it, without the leading {@code -}
     */
    public DragonflyServerException(String message, String serverMessage) {
        super(message);
        this.serverMessage = serverMessage;
        int space = serverMessage.indexOf(' ');
        this.errorCode = space < 0 ? serverMessage : serverMessage.substring(0, space);
    }

    /**
     * The first word of the server's error, by convention its code: {@code ERR}, {@code WRONGTYPE},
     * {@code NOAUTH}, {@code WRONGPASS}, {@code MOVED}, {@code NOSCRIPT}...
     *
     * @return the error code
     */
    public String getErrorCode() {
        return errorCode;
    }

    /**
     * The error line exactly as the server sent it.
     *
     * @return the server's error message
     */
    public String getServerMessage() {
        return serverMessage;
    }
}
