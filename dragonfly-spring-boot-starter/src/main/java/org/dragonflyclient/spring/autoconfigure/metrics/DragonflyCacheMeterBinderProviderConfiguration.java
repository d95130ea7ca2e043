package org.dragonflyclient.spring.autoconfigure.metrics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.dragonflyclient.spring.cache.DragonflyCache;
import org.dragonflyclient.spring.metrics.DragonflyCacheMeterBinderProvider;

/** Binds each {@link DragonflyCache} through Spring Boot's {@code CacheMetricsRegistrar}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CacheMeterBinderProvider.class)
class DragonflyCacheMeterBinderProviderConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DragonflyCacheMeterBinderProvider dragonflyCacheMeterBinderProvider() {
        return new DragonflyCacheMeterBinderProvider();
    }
}
