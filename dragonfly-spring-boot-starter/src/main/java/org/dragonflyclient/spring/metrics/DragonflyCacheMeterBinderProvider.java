package org.dragonflyclient.spring.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.dragonflyclient.spring.cache.DragonflyCache;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;

/** Lets Spring Boot's cache metrics bind {@link DragonflyCacheMetrics} to each {@link DragonflyCache}. */
public class DragonflyCacheMeterBinderProvider implements CacheMeterBinderProvider<DragonflyCache> {

    @Override
    public MeterBinder getMeterBinder(DragonflyCache cache, Iterable<Tag> tags) {
        return new DragonflyCacheMetrics(cache, tags);
    }
}
