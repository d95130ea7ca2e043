package org.dragonflyclient.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.cache.DragonflyCacheManager;

/**
 * Auto-configures a {@link DragonflyCacheManager} when caching is enabled
 * ({@code @EnableCaching}). Runs before Spring Boot's own cache auto-configuration, which then
 * finds a {@link CacheManager} and steps aside; backs off itself when the application defines a
 * {@code CacheManager}, when {@code spring.cache.type} names another cache (anything but
 * {@code redis}), or when {@code dragonfly.cache.enabled=false}.
 */
@AutoConfiguration(
        after = DragonflyAutoConfiguration.class,
        beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass({CacheManager.class, DragonflyClient.class})
@ConditionalOnBean({CacheAspectSupport.class, DragonflyClient.class})
@ConditionalOnMissingBean(value = CacheManager.class, name = "cacheResolver")
@ConditionalOnBooleanProperty(name = "dragonfly.cache.enabled", matchIfMissing = true)
@Conditional(DragonflyCacheCondition.class)
@EnableConfigurationProperties({DragonflyProperties.class, CacheProperties.class})
@Import(DragonflyCacheManagerConfiguration.class)
public final class DragonflyCacheAutoConfiguration {}
