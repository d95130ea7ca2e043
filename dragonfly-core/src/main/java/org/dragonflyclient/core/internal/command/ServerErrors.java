package org.dragonflyclient.core.internal.command;

import org.dragonflyclient.core.DragonflyServerException;

/** Turns a server error line into an exception whose message says what to do where we know. */
public final class ServerErrors {

    private ServerErrors() {}

    /**
     * Builds the exception for an error reply.
     *
     * @param line the error line without the leading {@code -}
     * @return the exception to fail the command with
     */
    public static DragonflyServerException toException(String line) {
        String advice = adviceFor(line);
        return advice == null
                ? new DragonflyServerException(line)
                : new DragonflyServerException(line + " (" + advice + ")", line);
    }

    private static String adviceFor(String line) {
        if (line.startsWith("NOAUTH")) {
            return "the server requires a password: set ClientOptions password, the redis://user:password@host URI, "
                    + "or dragonfly.password in Spring";
        }
        if (line.startsWith("WRONGPASS")) {
            return "the username or password is wrong: check ClientOptions username/password or "
                    + "dragonfly.username/dragonfly.password";
        }
        if (line.startsWith("WRONGTYPE")) {
            return "the key holds another data type; use a different key or DEL it first";
        }
        if (line.contains("Out of memory") || line.startsWith("OOM")) {
            return "the server reached its maxmemory; raise maxmemory or set an eviction policy";
        }
        if (line.startsWith("MOVED")) {
            return "the server runs in cluster mode and this key lives on another node; connect in cluster mode "
                    + "(redis://host:port?cluster=true, or ClientOptions cluster(true)) so commands follow the slots";
        }
        if (line.startsWith("READONLY")) {
            return "this node is a replica; connect to the primary for writes";
        }
        return null;
    }
}
