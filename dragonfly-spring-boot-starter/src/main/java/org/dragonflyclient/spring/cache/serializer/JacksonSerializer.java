package org.dragonflyclient.spring.cache.serializer;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * JSON with Jackson 3 ({@code tools.jackson.databind}), readable by other languages and tolerant
 * of added or removed fields.
 *
 * <p>A cache does not know the static type of what it stores, so the JSON has to carry type
 * names: values are written against the declared type {@code Object}, with default typing for
 * non-final types ({@code ["java.lang.Long",5]}, {@code {"@class":"com.example.Book",...}}).
 * Default typing is exactly what made Jackson a deserialization-attack vector, so it is never
 * unrestricted here: every type name in the JSON is checked by name against the
 * {@link ClassAllowList} before Jackson loads the class.
 *
 * <p>Jackson 2 is not supported by this class: Spring Boot 4 defaults to Jackson 3. An
 * application on Jackson 2 can implement {@link CacheValueSerializer} in a few lines.
 */
public final class JacksonSerializer implements CacheValueSerializer {

    private final ClassAllowList allowList;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    /**
     * Creates a serializer on a copy of a mapper (for example the application's own, with its
     * modules and settings), with default typing restricted to the allow-list added.
     *
     * @param mapper the mapper to start from; it is not modified
     * @param allowList the classes that may be read back
     */
    public JacksonSerializer(JsonMapper mapper, ClassAllowList allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        JsonMapper typed = mapper.rebuild()
                .activateDefaultTyping(
                        new AllowListTypeValidator(allowList), DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY)
                .build();
        this.writer = typed.writerFor(Object.class);
        this.reader = typed.readerFor(Object.class);
    }

    @Override
    public byte[] serialize(Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new ValueSerializationException(
                    "Cannot store a " + value.getClass().getName()
                            + " as JSON: " + e.getOriginalMessage() + ". Make it a bean or record Jackson can write, "
                            + "or choose serializer jdk for this cache",
                    e);
        }
    }

    @Override
    public Object deserialize(byte[] bytes) {
        try {
            return reader.readValue(bytes);
        } catch (JacksonException e) {
            throw new ValueSerializationException(
                    "Cannot read a cached JSON value: " + e.getOriginalMessage()
                            + ". A refused type belongs in dragonfly.cache.allowed-packages (allowed now: " + allowList
                            + ")",
                    e);
        }
    }

    @Override
    public String toString() {
        return "json(" + allowList + ")";
    }

    /** Decides on the type name alone, so that a refused class is never loaded. */
    private static final class AllowListTypeValidator extends PolymorphicTypeValidator.Base {

        private static final long serialVersionUID = 1L;

        private final transient ClassAllowList allowList;

        AllowListTypeValidator(ClassAllowList allowList) {
            this.allowList = allowList;
        }

        @Override
        public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
            return allowList.isAllowed(subClassName) ? Validity.ALLOWED : Validity.DENIED;
        }

        @Override
        public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
            return allowList.isAllowed(subType.getRawClass()) ? Validity.ALLOWED : Validity.DENIED;
        }
    }
}
