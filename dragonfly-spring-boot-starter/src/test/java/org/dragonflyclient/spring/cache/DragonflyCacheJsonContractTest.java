package org.dragonflyclient.spring.cache;

import org.springframework.cache.Cache;
import tools.jackson.databind.json.JsonMapper;

import org.dragonflyclient.spring.cache.serializer.JacksonSerializer;

/** The contract on a real server, with the JSON serializer. */
class DragonflyCacheJsonContractTest extends CacheContractTest {

    private static final JacksonSerializer JSON =
            new JacksonSerializer(JsonMapper.builder().build(), DragonflyCacheContractTest.ALLOW_TESTS);

    @Override
    protected Cache newCache(boolean allowNullValues) {
        return DragonflyCacheContractTest.cache(DragonflyCacheSettings.defaults()
                .withCacheNullValues(allowNullValues)
                .withSerializer(JSON));
    }
}
