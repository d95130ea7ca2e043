package org.dragonflyclient.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.spring.autoconfigure.DragonflyProperties.NamedCache;
import org.dragonflyclient.spring.cache.CacheKeyConverter;
import org.dragonflyclient.spring.cache.DragonflyCacheSettings;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;

/**
 * Turns {@code dragonfly.cache.*} into the default {@link DragonflyCacheSettings}, and each
 * {@code dragonfly.cache.caches.<name>.*} into that default with the cache's own values on top.
 * A serializer bean of the application replaces the {@code serializer} property as the default;
 * a cache's own {@code serializer} property still wins over it.
 */
final class CacheSettingsMapper {

    private final DragonflyProperties.Cache properties;
    private final CacheSerializers serializers;
    private final DragonflyCacheSettings defaults;

    CacheSettingsMapper(
            DragonflyProperties.Cache properties,
            CacheSerializers serializers,
            @Nullable CacheValueSerializer serializerBean,
            @Nullable CacheKeyConverter keyConverterBean) {
        this.properties = properties;
        this.serializers = serializers;
        DragonflyCacheSettings settings = DragonflyCacheSettings.defaults()
                .withTimeToLive(orZero(properties.getTimeToLive()))
                .withTimeToIdle(orZero(properties.getTimeToIdle()))
                .withTtlJitter(orZero(properties.getTtlJitter()))
                .withKeyPrefix(properties.getKeyPrefix())
                .withUseKeyPrefix(properties.isUseKeyPrefix())
                .withCacheNullValues(properties.isCacheNullValues())
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
        return settings;
    }

    private static Duration orZero(@Nullable Duration duration) {
        return duration != null ? duration : Duration.ZERO;
    }
}
