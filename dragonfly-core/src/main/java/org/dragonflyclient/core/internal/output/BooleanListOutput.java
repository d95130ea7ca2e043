package org.dragonflyclient.core.internal.output;

import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.RespType;

/** An array of yes/no answers as {@code :1}/{@code :0} or RESP3 booleans ({@code SCRIPT EXISTS}). */
public final class BooleanListOutput extends ReplyOutput<List<Boolean>> {

    private List<Boolean> values;

    @Override
    public void aggregateStart(RespType type, int size) {
        if (depth == 0 && values == null && type == RespType.ARRAY) {
            depth++;
            values = new ArrayList<>(Math.min(size, 1024));
        } else {
            super.aggregateStart(type, size);
        }
    }

    @Override
    public void integer(long value) {
        add(value != 0);
    }

    @Override
    public void booleanValue(boolean value) {
        add(value);
    }

    private void add(boolean value) {
        if (values == null || depth != 1) {
            unexpected("integer");
        } else {
            values.add(value);
        }
    }

    @Override
    public List<Boolean> result() {
        return values == null ? new ArrayList<>() : values;
    }
}
