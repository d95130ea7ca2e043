package org.dragonflyclient.spring.cache.serializer;

/**
 * A value could not be turned into bytes, or bytes back into a value: the class is not
 * serializable, not allowed by the {@link ClassAllowList}, or changed since the value was written.
 * A cache treats a value it cannot read as a miss; a value it cannot write is the caller's error.
 */
public class ValueSerializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be serialized and what to do about it
     * @param cause the serializer's own exception, may be {@code null}
     */
    public ValueSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
