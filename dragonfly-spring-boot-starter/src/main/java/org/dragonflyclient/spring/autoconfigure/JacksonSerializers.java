package org.dragonflyclient.spring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import tools.jackson.databind.json.JsonMapper;

import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.spring.cache.serializer.ClassAllowList;
import org.dragonflyclient.spring.cache.serializer.JacksonSerializer;

/** Loaded only when Jackson 3 is present: the one class of the auto-configuration that names it. */
final class JacksonSerializers {

    private JacksonSerializers() {}

    /** Starts from the application's {@link JsonMapper} when there is one, so its modules apply. */
    static CacheValueSerializer create(BeanFactory beanFactory, ClassAllowList allowList) {
        JsonMapper mapper = beanFactory
                .getBeanProvider(JsonMapper.class)
                .getIfAvailable(() -> JsonMapper.builder().build());
        return new JacksonSerializer(mapper, allowList);
    }
}
