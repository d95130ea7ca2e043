package org.dragonflyclient.spring.cache;

import java.util.UUID;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;

/** The oracle: Spring's own in-memory cache must pass every contract test. */
class ConcurrentMapCacheContractTest extends CacheContractTest {

    @Override
    protected Cache newCache(boolean allowNullValues) {
        return new ConcurrentMapCache("oracle-" + UUID.randomUUID(), allowNullValues);
    }
}
