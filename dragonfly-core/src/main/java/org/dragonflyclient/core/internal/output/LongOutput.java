package org.dragonflyclient.core.internal.output;

/** An integer reply: counts, TTLs, counters. */
public final class LongOutput extends ReplyOutput<Long> {

    private long value;

    @Override
    public LongOutput fresh() {
        return new LongOutput();
    }

    @Override
    public void integer(long value) {
        this.value = value;
    }

    @Override
    public Long result() {
        return value;
    }
}
