package org.dragonflyclient.spring.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;

import org.dragonflyclient.spring.cache.DragonflyCache;

/** Lets Spring Boot's cache metrics bind {@link DragonflyCacheMetrics} to each {@link DragonflyCache}. */
public class DragonflyCacheMeterBinderProvider implements CacheMeterBinderProvider<DragonflyCache> {

    @Override
    public MeterBinder getMeterBinder(DragonflyCache cache, Iterable<Tag> tags) {
        return new DragonflyCacheMetrics(cache, tags);
    }
}
