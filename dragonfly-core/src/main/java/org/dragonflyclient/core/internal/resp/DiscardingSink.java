package org.dragonflyclient.core.internal.resp;

import org.dragonflyclient.core.RespType;

/**
 * Receives values nobody asked for and drops them: the content of attributes, and the reply of a
 * command whose caller gave up (timed out or interrupted), which must still be read to keep the
 * stream in step.
 */
public final class DiscardingSink implements ReplySink {

    /** The one instance: it keeps no state. */
    public static final DiscardingSink INSTANCE = new DiscardingSink();

    private DiscardingSink() {}

    @Override
    public void simpleString(byte[] buf, int offset, int length) {}

    @Override
    public void error(byte[] buf, int offset, int length) {}

    @Override
    public void integer(long value) {}

    @Override
    public void bulkString(byte[] buf, int offset, int length) {}

    @Override
    public void verbatimString(String format, byte[] buf, int offset, int length) {}

    @Override
    public void nullValue() {}

    @Override
    public void doubleValue(double value) {}

    @Override
    public void booleanValue(boolean value) {}

    @Override
    public void bigNumber(byte[] buf, int offset, int length) {}

    @Override
    public void aggregateStart(RespType type, int size) {}

    @Override
    public void aggregateEnd() {}
}
