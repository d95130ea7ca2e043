package org.dragonflyclient.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Just enough RESP over a plain socket to tell whether a server is up and what it is. This module
 * must not depend on the client it helps to test, so it speaks the protocol itself: one command
 * per connection, blocking reads, replies kept as text.
 */
final class Resp {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_DEPTH = 16;
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final long POLL_INTERVAL_MILLIS = 20;

    private Resp() {}

    /**
     * Sends {@code command} on a new connection (after {@code AUTH} if the endpoint has
     * credentials) and returns the reply as raw text without its final CRLF.
     */
    static String call(Endpoint endpoint, Duration timeout, String... command) throws IOException {
        try (Socket socket = new Socket()) {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (!endpoint.auth().isEmpty()) {
                String[] auth = new String[endpoint.auth().size() + 1];
                auth[0] = "AUTH";
                for (int i = 1; i < auth.length; i++) {
                    auth[i] = endpoint.auth().get(i - 1);
                }
                out.write(encode(auth));
                String reply = readReply(in);
                if (!reply.equals("+OK")) {
                    throw new IOException("AUTH failed at " + endpoint + ": " + reply);
                }
            }
            out.write(encode(command));
            out.flush();
            return readReply(in);
        }
    }

    /** Returns {@code true} if the server answers {@code PING} with {@code +PONG} in time. */
    static boolean ping(Endpoint endpoint, Duration timeout) {
        try {
            return call(endpoint, timeout, "PING").equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends {@code PING} until the answer is {@code +PONG}.
     *
     * @param running tells whether the server can still come up; checked between attempts so a
     *     crashed process fails at once instead of after the timeout
     * @param diagnostics the end of the server's log, for the exception message
     * @throws IllegalStateException if the server exits or does not answer within {@code timeout}
     */
    static void awaitPong(Endpoint endpoint, Duration timeout, BooleanSupplier running, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (true) {
            if (!running.getAsBoolean()) {
                throw new IllegalStateException(
                        "Test server for " + endpoint + " exited before answering PING" + diagnostics.get());
            }
            try {
                String reply = call(endpoint, POLL_TIMEOUT, "PING");
                if (reply.equals("+PONG")) {
                    return;
                }
                last = "replied " + reply;
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Test server at " + endpoint + " did not answer PING within "
                        + timeout.toSeconds() + " s (last attempt: " + last + ")" + diagnostics.get());
            }
            try {
                Thread.sleep(POLL_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + endpoint, e);
            }
        }
    }

    /** Returns the fields of {@code INFO server}, such as {@code redis_version}. */
    static Map<String, String> infoServer(Endpoint endpoint, Duration timeout) throws IOException {
        String reply = call(endpoint, timeout, "INFO", "server");
        if (!reply.startsWith("$")) {
            throw new IOException("INFO server at " + endpoint + " replied " + reply);
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : reply.substring(reply.indexOf("\r\n") + 2).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return fields;
    }

    static byte[] encode(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    /** Reads one whole reply, nested arrays included, and returns it without its final CRLF. */
    static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        readReply(in, reply, 0);
        return new String(reply.toByteArray(), 0, reply.size() - 2, StandardCharsets.UTF_8);
    }

    private static void readReply(InputStream in, ByteArrayOutputStream reply, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("Reply nested deeper than " + MAX_DEPTH);
        }
        String line = readLine(in);
        reply.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        reply.writeBytes(new byte[] {'\r', '\n'});
        char type = line.isEmpty() ? '?' : line.charAt(0);
        if (type == '$') {
            int length = parseLength(line);
            if (length >= 0) {
                byte[] body = in.readNBytes(length + 2);
                if (body.length < length + 2) {
                    throw new EOFException("Server closed the connection inside a bulk string");
                }
                reply.writeBytes(body);
            }
        } else if (type == '*' || type == '~' || type == '>' || type == '%') {
            // Arrays, and RESP3's sets, pushes and maps (two elements per entry).
            int count = type == '%' ? 2 * parseLength(line) : parseLength(line);
            for (int i = 0; i < count; i++) {
                readReply(in, reply, depth + 1);
            }
        }
    }

    private static int parseLength(String line) throws IOException {
        try {
            int length = Integer.parseInt(line, 1, line.length(), 10);
            if (length > 512 * 1024 * 1024) {
                throw new IOException("Length over 512 MB: " + line);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("Bad length line: " + line, e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("Server closed the connection");
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("Reply line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        int size = line.size();
        if (size == 0 || line.toByteArray()[size - 1] != '\r') {
            throw new IOException("Reply line not ended by CRLF");
        }
        return new String(line.toByteArray(), 0, size - 1, StandardCharsets.UTF_8);
    }
}
