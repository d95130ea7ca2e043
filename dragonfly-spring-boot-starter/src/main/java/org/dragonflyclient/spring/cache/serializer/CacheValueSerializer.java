package org.dragonflyclient.spring.cache.serializer;

/**
 * Turns cache values into the bytes stored on the server and back. Implementations must be
 * thread-safe. {@code null} never reaches a serializer: the cache stores its own marker for it.
 *
 * <p>Built in: {@link #jdk(ClassAllowList, ClassLoader) JDK serialization} behind an allow-list,
 * {@link JacksonSerializer JSON} with Jackson 3, {@link #string() UTF-8 strings} and
 * {@link #bytes() raw byte arrays}.
 */
public interface CacheValueSerializer {

    /**
     * Turns a value into bytes.
     *
     * @param value the value, never {@code null}
     * @return the bytes to store
     * @throws ValueSerializationException when this serializer cannot write the value; the message
     *     names the value's type and what to change
     */
    byte[] serialize(Object value);

    /**
     * Turns stored bytes back into a value.
     *
     * @param bytes the bytes read from the server
     * @return the value
     * @throws ValueSerializationException when the bytes cannot be read, or name a class that is
     *     not allowed
     */
    Object deserialize(byte[] bytes);

    /**
     * Returns Java serialization whose reads are checked against an allow-list.
     *
     * @param allowList the classes that may be read back
     * @param classLoader loads the classes named by stored values, {@code null} for this class's loader
     * @return the serializer
     */
    static CacheValueSerializer jdk(ClassAllowList allowList, ClassLoader classLoader) {
        return new JdkSerializer(allowList, classLoader);
    }

    /**
     * Returns a serializer of {@code String} values as UTF-8, readable by any other client.
     *
     * @return the serializer; it refuses other value types
     */
    static CacheValueSerializer string() {
        return StringSerializer.INSTANCE;
    }

    /**
     * Returns a serializer that stores {@code byte[]} values as they are.
     *
     * @return the serializer; it refuses other value types
     */
    static CacheValueSerializer bytes() {
        return BytesSerializer.INSTANCE;
    }
}
