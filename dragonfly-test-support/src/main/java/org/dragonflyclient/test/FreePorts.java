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

    /** Redis Cluster's bus listens on the client port plus this. */
    static final int CLUSTER_BUS_OFFSET = 10000;

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

    /**
     * Picks a free port whose cluster bus port ({@code port + 10000}, fixed in Redis 6.2) is free
     * too, so both fit below 65536.
     */
    static int pickWithBusPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = pick();
            if (port + CLUSTER_BUS_OFFSET <= 65535 && isFree(port + CLUSTER_BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("Cannot find a free port pair (port, port + 10000) on " + Endpoint.LOOPBACK);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Endpoint.LOOPBACK))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
