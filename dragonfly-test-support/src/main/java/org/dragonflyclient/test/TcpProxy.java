package org.dragonflyclient.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of a server, which a test can cut to simulate a network outage
 * while the server itself keeps running (and keeps its data): {@link #cut()} closes every
 * connection and, until {@link #restore()}, closes each new one at once. {@link #stopReading()}
 * makes it stop reading what clients send while every connection stays open, as a server that
 * hangs does: once the socket buffers are full, a client's writes block.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean readingClients = true;
    private volatile boolean closed;

    private TcpProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /**
     * Starts a proxy on a free loopback port.
     *
     * @param target the server to forward to
     * @return the running proxy
     */
    public static TcpProxy start(TestServer target) {
        return start(target.host(), target.port());
    }

    /**
     * Starts a proxy on a free loopback port in front of any TCP server, such as one started with
     * TLS: the proxy forwards bytes and does not look at them.
     *
     * @param host the server's host
     * @param port the server's port
     * @return the running proxy
     */
    public static TcpProxy start(String host, int port) {
        try {
            ServerSocket socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(socket, host, port);
            Thread acceptor = new Thread(proxy::acceptLoop, "tcp-proxy-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(new InetSocketAddress(targetHost, targetPort), 2000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[64 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        while (true) {
                            while (fromClient && !readingClients && !from.isClosed()) {
                                Thread.sleep(5);
                            }
                            int n = in.read(buffer);
                            if (n < 0) {
                                break;
                            }
                            out.write(buffer, 0, n);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        // One side closed: close both below.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        sockets.remove(from);
                        sockets.remove(to);
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the port clients connect to */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return {@code redis://127.0.0.1:PORT} of the proxy */
    public String uri() {
        return "redis://127.0.0.1:" + port();
    }

    /** Drops every connection and refuses new ones (accepts and closes them) until {@link #restore()}. */
    public void cut() {
        cut = true;
        for (Socket socket : List.copyOf(sockets)) {
            closeQuietly(socket);
        }
    }

    /**
     * Stops reading what clients send, on every connection, until {@link #resumeReading()}: the
     * connections stay open, the server gets nothing more (at most one read already under way
     * still goes through), and once the socket buffers are full a client's writes block.
     */
    public void stopReading() {
        readingClients = false;
    }

    /** Reads what clients send again, starting with what piled up in the buffers meanwhile. */
    public void resumeReading() {
        readingClients = true;
    }

    /** Forwards new connections again. */
    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cut();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
