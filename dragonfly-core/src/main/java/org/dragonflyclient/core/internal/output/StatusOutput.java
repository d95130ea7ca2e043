package org.dragonflyclient.core.internal.output;

import java.nio.charset.StandardCharsets;

/** A status reply such as {@code +OK} or {@code +PONG}; the common ones are shared constants. */
public final class StatusOutput extends ReplyOutput<String> {

    private String value;

    @Override
    public StatusOutput fresh() {
        return new StatusOutput();
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        value = intern(buf, offset, length);
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        value = new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    private static String intern(byte[] buf, int offset, int length) {
        if (length == 2 && buf[offset] == 'O' && buf[offset + 1] == 'K') {
            return "OK";
        }
        if (length == 4
                && buf[offset] == 'P'
                && buf[offset + 1] == 'O'
                && buf[offset + 2] == 'N'
                && buf[offset + 3] == 'G') {
            return "PONG";
        }
        return new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public String result() {
        return value;
    }
}
