package org.dragonflyclient.core.internal.output;

import java.util.Map;

/**
 * An {@code HSCAN} page: {@code [cursor, [field, value, field, value, ...]]}, as field/value
 * entries.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class EntryScanOutput<V> extends CursorPageOutput<V, Map.Entry<V, V>> {

    private V field;

    /** @param decoder how bytes become fields and values */
    public EntryScanOutput(ValueDecoder<V> decoder) {
        super(decoder);
    }

    @Override
    protected void element(V value) {
        if (field == null) {
            field = value;
        } else {
            entries.add(Map.entry(field, value));
            field = null;
        }
    }

    @Override
    protected String incomplete() {
        return field != null ? "field without a value" : null;
    }
}
