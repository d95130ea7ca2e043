package org.dragonflyclient.benchmarks.cache;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The smallest application with caching: {@code @EnableCaching} (class proxies, as Spring Boot
 * configures) and the cached service. The {@code CacheManager} bean is registered by the
 * benchmark, from {@link CacheManagerFactory}.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching(proxyTargetClass = true)
public class CachingConfiguration {

    @Bean
    public CachedLookup cachedLookup() {
        return new CachedLookup();
    }
}
