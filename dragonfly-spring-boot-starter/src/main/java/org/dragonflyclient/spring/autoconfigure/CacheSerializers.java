package org.dragonflyclient.spring.autoconfigure;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

import org.dragonflyclient.spring.autoconfigure.DragonflyProperties.Serializer;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.spring.cache.serializer.ClassAllowList;

/**
 * The built-in serializers by property value, each created once and shared by the caches that use
 * it. Jackson is touched only when {@code json} is asked for, so the starter runs without it.
 */
final class CacheSerializers {

    static final String JACKSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

    private final ClassAllowList allowList;
    private final ClassLoader classLoader;
    private final BeanFactory beanFactory;
    private final Map<Serializer, CacheValueSerializer> created = new EnumMap<>(Serializer.class);

    CacheSerializers(ClassAllowList allowList, ClassLoader classLoader, BeanFactory beanFactory) {
        this.allowList = allowList;
        this.classLoader = classLoader;
        this.beanFactory = beanFactory;
    }

    CacheValueSerializer get(Serializer type) {
        return created.computeIfAbsent(type, this::create);
    }

    private CacheValueSerializer create(Serializer type) {
        return switch (type) {
            case JDK -> CacheValueSerializer.jdk(allowList, classLoader);
            case STRING -> CacheValueSerializer.string();
            case BYTES -> CacheValueSerializer.bytes();
            case JSON -> {
                if (!ClassUtils.isPresent(JACKSON_MAPPER, classLoader)) {
                    throw new IllegalStateException(
                            "dragonfly.cache.serializer=json needs Jackson 3 on the class path: "
                                    + "add tools.jackson.core:jackson-databind (spring-boot-starter-json brings it), "
                                    + "or choose serializer jdk");
                }
                yield JacksonSerializers.create(beanFactory, allowList);
            }
        };
    }
}
