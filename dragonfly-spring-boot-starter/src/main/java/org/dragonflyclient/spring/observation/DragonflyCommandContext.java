package org.dragonflyclient.spring.observation;

import io.micrometer.observation.Observation;

/**
 * What an observation of one command knows: the command's name and the server it went to. Never
 * the command's arguments (keys, values) and never credentials.
 */
public class DragonflyCommandContext extends Observation.Context {

    private final String command;
    private final String serverAddress;
    private final int serverPort;
    private final int database;
    private final long durationNanos;
    private final String node;

    /**
     * @param command the command name in upper case, such as {@code GET}
     * @param serverAddress host name or address of the server
     * @param serverPort port of the server
     * @param database database index selected on the connection
     * @param durationNanos time the client measured from the call until the reply or failure
     */
    public DragonflyCommandContext(
            String command, String serverAddress, int serverPort, int database, long durationNanos) {
        this(command, serverAddress, serverPort, database, durationNanos, null);
    }

    /**
     * @param command the command name in upper case, such as {@code GET}
     * @param serverAddress host name or address of the server (in cluster mode, of the first seed)
     * @param serverPort port of the server
     * @param database database index selected on the connection
     * @param durationNanos time the client measured from the call until the reply or failure
     * @param node in cluster mode the {@code host:port} of the node that served the command, or
     *     a marker such as {@code multiple} (see {@link org.dragonflyclient.core.CommandListener});
     *     {@code null} on a single server
     */
    public DragonflyCommandContext(
            String command, String serverAddress, int serverPort, int database, long durationNanos, String node) {
        this.command = command;
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
        this.database = database;
        this.durationNanos = durationNanos;
        this.node = node;
    }

    /** @return the command name in upper case, such as {@code GET} */
    public String getCommand() {
        return command;
    }

    /** @return host name or address of the server */
    public String getServerAddress() {
        return serverAddress;
    }

    /** @return port of the server */
    public int getServerPort() {
        return serverPort;
    }

    /** @return database index selected on the connection */
    public int getDatabase() {
        return database;
    }

    /** @return time the client measured from the call until the reply or failure, in nanoseconds */
    public long getDurationNanos() {
        return durationNanos;
    }

    /**
     * @return in cluster mode the {@code host:port} of the node that served the command, or a
     *     marker ({@code multiple}, {@code none}); {@code null} on a single server
     */
    public String getNode() {
        return node;
    }

    /** @return the node's host (without IPv6 brackets) or its marker; {@code null} on a single server */
    public String getNodeHost() {
        int colon = node == null ? -1 : node.lastIndexOf(':');
        if (colon < 0) {
            return node;
        }
        String host = node.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** @return the node's port or its marker; {@code null} on a single server */
    public String getNodePort() {
        int colon = node == null ? -1 : node.lastIndexOf(':');
        return colon < 0 ? node : node.substring(colon + 1);
    }
}
