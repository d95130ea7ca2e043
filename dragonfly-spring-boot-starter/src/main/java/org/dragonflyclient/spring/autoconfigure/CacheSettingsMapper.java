package org.dragonflyclient.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.spring.autoconfigure.DragonflyProperties.Local;
import org.dragonflyclient.spring.autoconfigure.DragonflyProperties.NamedCache;
import org.dragonflyclient.spring.autoconfigure.DragonflyProperties.NamedLocal;
import org.dragonflyclient.spring.cache.CacheKeyConverter;
import org.dragonflyclient.spring.cache.DragonflyCacheSettings;
import org.dragonflyclient.spring.cache.LocalTier;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;

/**
 * Turns {@code dragonfly.cache.*} into the default {@link DragonflyCacheSettings}, and each
 * {@code dragonfly.cache.caches.<name>.*} into that default with the cache's own values on top.
 * A serializer bean of the application replaces the {@code serializer} property as the default;
 * a cache's own {@code serializer} property still wins over it. Local tiers are left out when the
 * client cannot keep them coherent and a fallback is allowed ({@link LocalTierTracking}).
 */
final class CacheSettingsMapper {

    private final DragonflyProperties.Cache properties;
    private final CacheSerializers serializers;
    private final DragonflyCacheSettings defaults;
    private final boolean localTierPossible;

    CacheSettingsMapper(
            DragonflyProperties.Cache properties,
            CacheSerializers serializers,
            @Nullable CacheValueSerializer serializerBean,
            @Nullable CacheKeyConverter keyConverterBean,
            boolean localTierPossible) {
        this.properties = properties;
        this.serializers = serializers;
        this.localTierPossible = localTierPossible;
        DragonflyCacheSettings settings = DragonflyCacheSettings.defaults()
                .withTimeToLive(orZero(properties.getTimeToLive()))
                .withTimeToIdle(orZero(properties.getTimeToIdle()))
                .withTtlJitter(orZero(properties.getTtlJitter()))
                .withKeyPrefix(properties.getKeyPrefix())
                .withUseKeyPrefix(properties.isUseKeyPrefix())
                .withCacheNullValues(properties.isCacheNullValues())
                .withLocalTier(localTier(properties.getLocal()))
                .withSerializer(serializerBean != null ? serializerBean : serializers.get(properties.getSerializer()));
        this.defaults = keyConverterBean != null ? settings.withKeyConverter(keyConverterBean) : settings;
    }

    DragonflyCacheSettings defaults() {
        return defaults;
    }

    DragonflyCacheSettings settingsFor(NamedCache cache) {
        DragonflyCacheSettings settings = defaults;
        if (cache.getTimeToLive() != null) {
            settings = settings.withTimeToLive(cache.getTimeToLive());
        }
        if (cache.getTimeToIdle() != null) {
            settings = settings.withTimeToIdle(cache.getTimeToIdle());
        }
        if (cache.getTtlJitter() != null) {
            settings = settings.withTtlJitter(cache.getTtlJitter());
        }
        if (cache.getKeyPrefix() != null) {
            settings = settings.withKeyPrefix(cache.getKeyPrefix());
        }
        if (cache.getUseKeyPrefix() != null) {
            settings = settings.withUseKeyPrefix(cache.getUseKeyPrefix());
        }
        if (cache.getCacheNullValues() != null) {
            settings = settings.withCacheNullValues(cache.getCacheNullValues());
        }
        if (cache.getSerializer() != null) {
            settings = settings.withSerializer(serializers.get(cache.getSerializer()));
        }
        return settings.withLocalTier(localTier(cache.getLocal()));
    }

    private LocalTier localTier(Local local) {
        if (!local.isEnabled() || !localTierPossible) {
            return LocalTier.disabled();
        }
        LocalTier bound = local.getMaximumWeight() != null
                ? LocalTier.maximumWeight(local.getMaximumWeight().toBytes())
                : LocalTier.maximumSize(local.getMaximumSize());
        return local.getTimeToLive() != null ? bound.withTimeToLive(local.getTimeToLive()) : bound;
    }

    /**
     * A cache's own local settings over the defaults: a bound given by the cache (size or weight)
     * replaces both bounds of the defaults, so a cache can switch from one kind of bound to the other.
     */
    private LocalTier localTier(NamedLocal own) {
        Local defaults = properties.getLocal();
        boolean enabled = own.getEnabled() != null ? own.getEnabled() : defaults.isEnabled();
        if (!enabled || !localTierPossible) {
            return LocalTier.disabled();
        }
        LocalTier bound;
        if (own.getMaximumWeight() != null) {
            bound = LocalTier.maximumWeight(own.getMaximumWeight().toBytes());
        } else if (own.getMaximumSize() != null) {
            bound = LocalTier.maximumSize(own.getMaximumSize());
        } else if (defaults.getMaximumWeight() != null) {
            bound = LocalTier.maximumWeight(defaults.getMaximumWeight().toBytes());
        } else {
            bound = LocalTier.maximumSize(defaults.getMaximumSize());
        }
        Duration ttl = own.getTimeToLive() != null ? own.getTimeToLive() : defaults.getTimeToLive();
        return ttl != null ? bound.withTimeToLive(ttl) : bound;
    }

    /**
     * @param properties {@code dragonfly.cache.*}
     * @return whether the defaults or any configured cache keep a local tier, which needs tracking
     */
    static boolean anyLocalTier(DragonflyProperties.Cache properties) {
        return properties.isEnabled()
                && (properties.getLocal().isEnabled()
                        || properties.getCaches().values().stream()
                                .anyMatch(cache ->
                                        Boolean.TRUE.equals(cache.getLocal().getEnabled())));
    }

    private static Duration orZero(@Nullable Duration duration) {
        return duration != null ? duration : Duration.ZERO;
    }
}
