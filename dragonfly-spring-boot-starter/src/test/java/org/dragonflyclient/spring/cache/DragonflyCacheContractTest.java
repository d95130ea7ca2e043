package org.dragonflyclient.spring.cache;

import java.util.UUID;

import org.springframework.cache.Cache;

import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.spring.cache.serializer.ClassAllowList;

/** The contract on a real server, with JDK serialization allowing this package. */
class DragonflyCacheContractTest extends CacheContractTest {

    static final ClassAllowList ALLOW_TESTS = ClassAllowList.jdkValueTypes().allow(Book.class.getPackageName());

    @Override
    protected Cache newCache(boolean allowNullValues) {
        return cache(DragonflyCacheSettings.defaults()
                .withCacheNullValues(allowNullValues)
                .withSerializer(CacheValueSerializer.jdk(ALLOW_TESTS, null)));
    }

    static Cache cache(DragonflyCacheSettings settings) {
        String name = "contract-" + UUID.randomUUID();
        return DragonflyCacheManager.builder(TestClients.shared())
                .withCache(name, settings)
                .build()
                .getCache(name);
    }
}
