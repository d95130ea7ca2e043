package org.dragonflyclient.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Writes the replies of {@link DragonflyMode} in the connection's protocol. Java types stand for
 * RESP types: {@link Status}, {@link Error}, {@code Long} (integer), {@code String} (bulk string,
 * ISO-8859-1, one byte per char), {@code null} ({@code $-1} on RESP2, {@code _} on RESP3),
 * {@code List} (array) and {@link MapReply} (a map on RESP3, a flat array on RESP2).
 */
final class ReplyWriter {

    /** A simple string such as {@code +OK}. */
    record Status(String text) {}

    /** An error reply; {@code text} starts with its code, such as {@code ERR}. */
    record Error(String text) {}

    /** Keys and values alternating. */
    record MapReply(List<Object> keysAndValues) {}

    static final Status OK = new Status("OK");

    private final OutputStream out;
    private final IntSupplier protocol;

    ReplyWriter(OutputStream out, IntSupplier protocol) {
        this.out = out;
        this.protocol = protocol;
    }

    void write(Object reply) throws IOException {
        if (reply == null) {
            ascii(protocol.getAsInt() == 3 ? "_\r\n" : "$-1\r\n");
        } else if (reply instanceof Status status) {
            ascii("+" + status.text() + "\r\n");
        } else if (reply instanceof Error error) {
            ascii("-" + error.text() + "\r\n");
        } else if (reply instanceof Long number) {
            ascii(":" + number + "\r\n");
        } else if (reply instanceof String bulk) {
            byte[] bytes = bulk.getBytes(StandardCharsets.ISO_8859_1);
            ascii("$" + bytes.length + "\r\n");
            out.write(bytes);
            ascii("\r\n");
        } else if (reply instanceof List<?> array) {
            ascii("*" + array.size() + "\r\n");
            for (Object element : array) {
                write(element);
            }
        } else if (reply instanceof MapReply map) {
            int size = map.keysAndValues().size();
            ascii(protocol.getAsInt() == 3 ? "%" + size / 2 + "\r\n" : "*" + size + "\r\n");
            for (Object element : map.keysAndValues()) {
                write(element);
            }
        } else {
            throw new IllegalArgumentException("No RESP type for " + reply.getClass());
        }
    }

    /** A RESP3 push {@code invalidate} for these keys, or for all keys when {@code keys} is null. */
    void writeInvalidate(List<String> keys) throws IOException {
        ascii(">2\r\n");
        write("invalidate");
        write(keys);
    }

    private void ascii(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
