package org.dragonflyclient.spring.cache.serializer;

/** Stores {@code byte[]} values as they are. */
final class BytesSerializer implements CacheValueSerializer {

    static final BytesSerializer INSTANCE = new BytesSerializer();

    private BytesSerializer() {}

    @Override
    public byte[] serialize(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        throw new ValueSerializationException(
                "The bytes serializer stores byte[] values only, got "
                        + value.getClass().getName() + "; choose serializer jdk or json for this cache",
                null);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        return bytes;
    }

    @Override
    public String toString() {
        return "bytes";
    }
}
