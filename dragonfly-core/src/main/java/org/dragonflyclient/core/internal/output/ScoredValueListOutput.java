package org.dragonflyclient.core.internal.output;

import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.core.DragonflyProtocolException;
import org.dragonflyclient.core.RespType;
import org.dragonflyclient.core.ScoredValue;

/**
 * A {@code ... WITHSCORES} reply as members with their scores. RESP2 servers send a flat array
 * ({@code member, "score", member, "score"}); RESP3 servers send pairs ({@code [[member, 1.5],
 * ...]}) with the score as a double. Both arrive here, in the server's order.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class ScoredValueListOutput<V> extends ReplyOutput<List<ScoredValue<V>>> {

    private static final int MAX_PRESIZE = 1024;

    private final ValueDecoder<V> decoder;
    private List<ScoredValue<V>> values;
    private V member;
    private boolean haveMember;

    /** @param decoder how bytes become members */
    public ScoredValueListOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void aggregateStart(RespType type, int size) {
        if (type == RespType.ARRAY && depth == 0 && values == null) {
            depth++;
            values = new ArrayList<>(Math.min(size, MAX_PRESIZE));
        } else if (type == RespType.ARRAY && depth == 1 && !haveMember && values != null) {
            depth++; // a RESP3 [member, score] pair
        } else {
            super.aggregateStart(type, size);
        }
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        if (values == null) {
            unexpected("bulk string");
        } else if (!haveMember) {
            member = decoder.decode(buf, offset, length);
            haveMember = true;
        } else {
            try {
                add(DoubleOutput.parse(buf, offset, length));
            } catch (DragonflyProtocolException e) {
                fail(e);
            }
        }
    }

    @Override
    public void bulkString(byte[] owned) {
        if (values == null || haveMember) {
            unexpected("large bulk string");
        } else {
            member = decoder.decodeOwned(owned);
            haveMember = true;
        }
    }

    @Override
    public void doubleValue(double value) {
        if (haveMember) {
            add(value);
        } else {
            unexpected("double");
        }
    }

    private void add(double score) {
        values.add(new ScoredValue<>(member, score));
        member = null;
        haveMember = false;
    }

    @Override
    public List<ScoredValue<V>> result() {
        if (haveMember) {
            unexpected("member without a score");
        }
        return values == null ? new ArrayList<>() : values;
    }
}
