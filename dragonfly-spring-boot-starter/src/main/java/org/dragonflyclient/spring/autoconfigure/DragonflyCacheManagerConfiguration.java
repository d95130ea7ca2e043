package org.dragonflyclient.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizers;
import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.cache.CacheKeyConverter;
import org.dragonflyclient.spring.cache.DragonflyCacheManager;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.spring.cache.serializer.ClassAllowList;

/**
 * The cache manager, from {@code dragonfly.cache.*}, {@code spring.cache.cache-names}, the
 * application's serializer and key converter beans and its customizers, in that order.
 */
@Configuration(proxyBeanMethods = false)
class DragonflyCacheManagerConfiguration {

    private static final Log logger = LogFactory.getLog(DragonflyCacheManagerConfiguration.class);

    private static final String CAFFEINE = "com.github.benmanes.caffeine.cache.Caffeine";

    @Bean
    @ConditionalOnMissingBean(CacheManager.class)
    DragonflyCacheManager cacheManager(
            DragonflyClient client,
            DragonflyProperties properties,
            CacheProperties cacheProperties,
            ObjectProvider<CacheValueSerializer> serializer,
            ObjectProvider<CacheKeyConverter> keyConverter,
            ObjectProvider<DragonflyCacheManagerBuilderCustomizer> builderCustomizers,
            ObjectProvider<CacheManagerCustomizer<?>> cacheManagerCustomizers,
            ConfigurableListableBeanFactory beanFactory) {
        DragonflyProperties.Cache cache = properties.getCache();
        ClassLoader classLoader = beanFactory.getBeanClassLoader() != null
                ? beanFactory.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
        CacheSerializers serializers =
                new CacheSerializers(allowList(cache.getAllowedPackages(), beanFactory), classLoader, beanFactory);
        LocalTierTracking localTier = new LocalTierTracking(cache);
        if (localTier.requested() && !ClassUtils.isPresent(CAFFEINE, classLoader)) {
            throw new IllegalStateException("The local tier (dragonfly.cache.local.enabled) keeps its entries in "
                    + "Caffeine, which is not on the class path. Add the dependency "
                    + "com.github.ben-manes.caffeine:caffeine (Spring Boot manages its version), or set "
                    + "dragonfly.cache.local.enabled=false");
        }
        CacheSettingsMapper settings = new CacheSettingsMapper(
                cache,
                serializers,
                serializer.getIfUnique(),
                keyConverter.getIfUnique(),
                localTierPossible(client, localTier));
        DragonflyCacheManager.Builder builder = DragonflyCacheManager.builder(client)
                .cacheDefaults(settings.defaults())
                .failFast(cache.isFailFast())
                .circuitBreakerOpenDuration(
                        cache.getCircuitBreaker().isEnabled()
                                ? cache.getCircuitBreaker().getOpenDuration()
                                : Duration.ZERO)
                .distributedLoadLease(
                        cache.getSync().isDistributed() ? cache.getSync().getLeaseTime() : Duration.ZERO)
                .clearBatchSize(cache.getClearBatchSize())
                .initialCacheNames(cacheProperties.getCacheNames());
        cache.getCaches().forEach((name, named) -> builder.withCache(name, settings.settingsFor(named)));
        builderCustomizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        List<CacheManagerCustomizer<?>> customizers =
                cacheManagerCustomizers.orderedStream().toList();
        return new CacheManagerCustomizers(customizers).customize(builder.build());
    }

    /**
     * Whether the caches may keep their local tier: only over a client with tracking on. The
     * auto-configured client has it whenever a local tier is asked for; an application's own
     * client or options may not.
     */
    private static boolean localTierPossible(DragonflyClient client, LocalTierTracking localTier) {
        if (!localTier.requested() || client.options().tracking()) {
            return true;
        }
        if (localTier.allowFallback()) {
            logger.warn("Caches run WITHOUT their local tier (dragonfly.cache.local.allow-fallback=true): the "
                    + "DragonflyClient has tracking off, so nothing would tell this JVM when an entry changes");
            return false;
        }
        throw new IllegalStateException("The local tier (dragonfly.cache.local.enabled) needs a DragonflyClient with "
                + "tracking on, so that the server tells this JVM when an entry changes, but the client has tracking "
                + "off. When the application defines its own ClientOptions or DragonflyClient bean, build it with "
                + "ClientOptions.builder().tracking(true) (tracking=on in the URI); otherwise set "
                + "dragonfly.cache.local.enabled=false, or dragonfly.cache.local.allow-fallback=true to start without "
                + "the local tier");
    }

    /**
     * The JDK's value types, the application's packages (those of {@code @SpringBootApplication}
     * or {@code @AutoConfigurationPackage}) and {@code dragonfly.cache.allowed-packages}.
     */
    private static ClassAllowList allowList(List<String> allowedPackages, ConfigurableListableBeanFactory beanFactory) {
        ClassAllowList allowList = ClassAllowList.jdkValueTypes();
        if (AutoConfigurationPackages.has(beanFactory)) {
            allowList = allowList.allow(AutoConfigurationPackages.get(beanFactory));
        }
        allowList = allowList.allow(allowedPackages);
        if (allowList.allowsEverything()) {
            logger.warn("dragonfly.cache.allowed-packages contains '*': cached values may name any class, so anybody "
                    + "who can write to the server can make this application instantiate any class on its class path");
        } else if (logger.isDebugEnabled()) {
            logger.debug("Cached values may be deserialized into " + allowList);
        }
        return allowList;
    }
}
