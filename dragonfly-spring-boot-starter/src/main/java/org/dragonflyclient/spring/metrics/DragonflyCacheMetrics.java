package org.dragonflyclient.spring.metrics;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import org.jspecify.annotations.Nullable;

import org.dragonflyclient.spring.cache.CacheStatistics;
import org.dragonflyclient.spring.cache.DragonflyCache;

/**
 * Micrometer meters of one {@link DragonflyCache}: the standard {@code cache.gets} (hit, miss),
 * {@code cache.puts} and {@code cache.evictions}, plus {@code cache.removals} (keys deleted on
 * the server) and {@code cache.errors} by {@code reason}: {@code command} (a command failed),
 * {@code circuit-open} (skipped during an outage), {@code unreadable} (a value that no longer
 * deserializes). There is no {@code cache.size}: counting one cache's keys on a shared server
 * would need a full {@code SCAN}.
 */
public class DragonflyCacheMetrics extends CacheMeterBinder<DragonflyCache> {

    private final CacheStatistics statistics;

    /**
     * @param cache the cache
     * @param tags tags added to every meter, besides the cache name
     */
    public DragonflyCacheMetrics(DragonflyCache cache, Iterable<Tag> tags) {
        super(cache, cache.getName(), tags);
        this.statistics = cache.statistics();
    }

    @Override
    protected @Nullable Long size() {
        return null;
    }

    @Override
    protected long hitCount() {
        return statistics.hits();
    }

    @Override
    protected Long missCount() {
        return statistics.misses();
    }

    @Override
    protected Long evictionCount() {
        return statistics.evictions();
    }

    @Override
    protected long putCount() {
        return statistics.puts();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
        counter(
                registry,
                "cache.removals",
                "Keys deleted on the server by evictions and clears",
                CacheStatistics::removals,
                null);
        counter(
                registry,
                "cache.errors",
                "Cache operations that failed and were treated as misses or skipped writes",
                CacheStatistics::errors,
                "command");
        counter(
                registry,
                "cache.errors",
                "Cache operations that failed and were treated as misses or skipped writes",
                CacheStatistics::rejections,
                "circuit-open");
        counter(
                registry,
                "cache.errors",
                "Cache operations that failed and were treated as misses or skipped writes",
                CacheStatistics::unreadable,
                "unreadable");
    }

    private void counter(
            MeterRegistry registry,
            String name,
            String description,
            ToDoubleFunction<CacheStatistics> count,
            @Nullable String reason) {
        FunctionCounter.Builder<CacheStatistics> builder = FunctionCounter.builder(name, statistics, count)
                .tags(getTagsWithCacheName())
                .description(description);
        if (reason != null) {
            builder.tag("reason", reason);
        }
        builder.register(registry);
    }
}
