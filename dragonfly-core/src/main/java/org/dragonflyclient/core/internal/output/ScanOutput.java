package org.dragonflyclient.core.internal.output;

/**
 * A {@code SCAN} or {@code SSCAN} page: {@code [cursor, [key, key, ...]]}.
 *
 * @param <K> {@code byte[]} or {@code String}
 */
public final class ScanOutput<K> extends CursorPageOutput<K, K> {

    /** @param decoder how key bytes become the key type */
    public ScanOutput(ValueDecoder<K> decoder) {
        super(decoder);
    }

    @Override
    public ScanOutput<K> fresh() {
        return new ScanOutput<>(decoder);
    }

    @Override
    protected void element(K key) {
        entries.add(key);
    }
}
