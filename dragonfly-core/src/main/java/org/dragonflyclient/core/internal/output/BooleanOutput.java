package org.dragonflyclient.core.internal.output;

/**
 * A yes/no reply, in whichever form the command uses: {@code :1}/{@code :0} ({@code EXPIRE},
 * {@code PERSIST}), {@code #t}/{@code #f}, or {@code +OK}/null ({@code SET ... NX}).
 */
public final class BooleanOutput extends ReplyOutput<Boolean> {

    private boolean value;

    @Override
    public void integer(long value) {
        this.value = value != 0;
    }

    @Override
    public void booleanValue(boolean value) {
        this.value = value;
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        this.value = true;
    }

    @Override
    public void nullValue() {
        this.value = false;
    }

    @Override
    public Boolean result() {
        return value;
    }
}
