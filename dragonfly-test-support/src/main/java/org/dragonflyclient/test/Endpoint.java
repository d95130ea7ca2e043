package org.dragonflyclient.test;

import java.util.List;

/**
 * Where a server listens, and the {@code AUTH} arguments if it wants any.
 *
 * @param host the host name or address
 * @param port the TCP port
 * @param auth empty, {@code [password]} or {@code [user, password]}
 */
record Endpoint(String host, int port, List<String> auth) {

    static final String LOOPBACK = "127.0.0.1";

    Endpoint {
        auth = List.copyOf(auth);
    }

    static Endpoint loopback(int port) {
        return new Endpoint(LOOPBACK, port, List.of());
    }

    String uri() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "redis://" + h + ":" + port;
    }

    @Override
    public String toString() {
        return uri();
    }
}
