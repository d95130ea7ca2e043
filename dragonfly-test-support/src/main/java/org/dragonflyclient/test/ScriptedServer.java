package org.dragonflyclient.test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on a loopback port whose every answer is written by the test: for replies no real
 * server sends (cut off half-way, malformed, hostile, split into single bytes). Each accepted
 * connection runs the script on a thread of its own; the script reads commands with
 * {@link #readCommand(InputStream)} and writes whatever bytes it wants.
 *
 * <pre>{@code
 * try (ScriptedServer server = ScriptedServer.start((in, out) -> {
 *     for (List<String> cmd; (cmd = ScriptedServer.readCommand(in)) != null; ) {
 *         out.write("+PONG\r\n".getBytes());
 *     }
 * })) { ... }
 * }</pre>
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does on one connection. */
    @FunctionalInterface
    public interface Script {
        /**
         * Serves one connection until it returns or throws; the socket is closed afterwards.
         *
         * @param in bytes from the client
         * @param out bytes to the client, unbuffered
         * @throws IOException when the client went away
         */
        void serve(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket listener;
    private final Script script;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private ScriptedServer(ServerSocket listener, Script script) {
        this.listener = listener;
        this.script = script;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param script what to do on each connection
     * @return the running server
     */
    public static ScriptedServer start(Script script) {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ScriptedServer server = new ScriptedServer(socket, script);
            Thread acceptor = new Thread(server::acceptLoop, "scripted-server-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                accepted.incrementAndGet();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "scripted-connection-" + socket.getPort());
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            script.serve(socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
            // The client went away or the test closed the server: the script's work is over.
        } finally {
            open.remove(socket);
        }
    }

    /** @return the port the server listens on */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return {@code redis://127.0.0.1:PORT} */
    public String uri() {
        return "redis://127.0.0.1:" + port();
    }

    /** @return how many connections were accepted so far */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Closes every open connection, keeping the server listening. */
    public void dropConnections() {
        for (Socket socket : List.copyOf(open)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Nothing else to do.
        }
        dropConnections();
    }

    /**
     * Reads one command sent by a client as a RESP array of bulk strings.
     *
     * @param in the connection's input
     * @return the command name and arguments as text, or {@code null} when the client closed the connection
     * @throws IOException when the bytes are not a command
     */
    public static List<String> readCommand(InputStream in) throws IOException {
        return readCommand(in, StandardCharsets.UTF_8);
    }

    /**
     * Reads one command like {@link #readCommand(InputStream)}, decoding its arguments with
     * {@code charset}: ISO-8859-1 keeps every byte of binary keys and values as one {@code char}.
     *
     * @param in the connection's input
     * @param charset how the arguments' bytes become text
     * @return the command name and arguments, or {@code null} when the client closed the connection
     * @throws IOException when the bytes are not a command
     */
    public static List<String> readCommand(InputStream in, Charset charset) throws IOException {
        String header;
        try {
            header = readLine(in);
        } catch (EOFException | SocketException e) {
            return null;
        }
        if (header.isEmpty() || header.charAt(0) != '*') {
            throw new IOException("Expected a command array, got: " + header);
        }
        int count = Integer.parseInt(header.substring(1));
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String length = readLine(in);
            int n = Integer.parseInt(length.substring(1));
            byte[] value = in.readNBytes(n + 2);
            if (value.length < n + 2) {
                throw new EOFException();
            }
            args.add(new String(value, 0, n, charset));
        }
        return args;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
    }

    /**
     * Writes ASCII text (with {@code \r\n} written by the caller) and flushes.
     *
     * @param out the connection's output
     * @param resp the bytes as text
     * @throws IOException when the client went away
     */
    public static void write(OutputStream out, String resp) throws IOException {
        out.write(resp.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
