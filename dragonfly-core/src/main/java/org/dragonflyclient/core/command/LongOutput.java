package org.dragonflyclient.core.command;

/** An integer reply: counts, TTLs, counters. */
public final class LongOutput extends ReplyOutput<Long> {

    private long value;

    @Override
    public void integer(long value) {
        this.value = value;
    }

    @Override
    protected Long result() {
        return value;
    }
}
