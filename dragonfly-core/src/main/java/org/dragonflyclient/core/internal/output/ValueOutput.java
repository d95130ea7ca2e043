package org.dragonflyclient.core.internal.output;

/**
 * A single string value, or {@code null} when the key is absent: {@code GET}, {@code GETDEL},
 * {@code GETEX}, {@code ECHO}, {@code INFO}, {@code SET ... GET}.
 *
 * @param <V> {@code byte[]} or {@code String}
 */
public final class ValueOutput<V> extends ReplyOutput<V> {

    private final ValueDecoder<V> decoder;
    private V value;

    /** @param decoder how bytes become the value type */
    public ValueOutput(ValueDecoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void bulkString(byte[] buf, int offset, int length) {
        value = decoder.decode(buf, offset, length);
    }

    @Override
    public void bulkString(byte[] owned) {
        value = decoder.decodeOwned(owned);
    }

    @Override
    public void simpleString(byte[] buf, int offset, int length) {
        value = decoder.decode(buf, offset, length);
    }

    @Override
    public void verbatimString(String format, byte[] buf, int offset, int length) {
        value = decoder.decode(buf, offset, length);
    }

    @Override
    public void nullValue() {
        value = null;
    }

    @Override
    public ValueOutput<V> fresh() {
        return new ValueOutput<>(decoder);
    }

    @Override
    public V result() {
        return value;
    }
}
