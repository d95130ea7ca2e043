package org.dragonflyclient.spring.cache.serializer;

import java.nio.charset.StandardCharsets;

/** Stores {@code String} values as UTF-8. */
final class StringSerializer implements CacheValueSerializer {

    static final StringSerializer INSTANCE = new StringSerializer();

    private StringSerializer() {}

    @Override
    public byte[] serialize(Object value) {
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new ValueSerializationException(
                "The string serializer stores String values only, got "
                        + value.getClass().getName() + "; choose serializer jdk or json for this cache",
                null);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "string";
    }
}
