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

    /**
     * @param command the command name in upper case, such as {@code GET}
     * @param serverAddress host name or address of the server
     * @param serverPort port of the server
     * @param database database index selected on the connection
     * @param durationNanos time the client measured from the call until the reply or failure
     */
    public DragonflyCommandContext(
            String command, String serverAddress, int serverPort, int database, long durationNanos) {
        this.command = command;
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
        this.database = database;
        this.durationNanos = durationNanos;
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
}
