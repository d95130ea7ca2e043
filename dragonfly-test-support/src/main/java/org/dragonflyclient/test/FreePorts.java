package org.dragonflyclient.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a port the kernel considers free on the loopback interface. The socket is closed before
 * the server binds, so another process may take the port in between; callers retry on a bind
 * failure.
 */
final class FreePorts {

    /** The port of the machine's own Redis, which tests must never touch. */
    private static final int DEFAULT_REDIS_PORT = 6379;

    private FreePorts() {}

    static int pick() {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Endpoint.LOOPBACK))) {
                int port = socket.getLocalPort();
                if (port != DEFAULT_REDIS_PORT) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port on " + Endpoint.LOOPBACK, e);
            }
        }
        throw new IllegalStateException("Cannot find a free port on " + Endpoint.LOOPBACK);
    }
}
