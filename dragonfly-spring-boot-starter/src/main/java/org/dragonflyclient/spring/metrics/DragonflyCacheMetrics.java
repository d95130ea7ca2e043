package org.dragonflyclient.spring.metrics;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.NearCacheStats;
import org.dragonflyclient.spring.cache.CacheStatistics;
import org.dragonflyclient.spring.cache.DragonflyCache;

/**
 * Micrometer meters of one {@link DragonflyCache}: the standard {@code cache.gets} (hit, miss),
 * {@code cache.puts} and {@code cache.evictions}, plus {@code cache.removals} (keys deleted on
 * the server) and {@code cache.errors} by {@code reason}: {@code command} (a command failed),
 * {@code circuit-open} (skipped during an outage), {@code unreadable} (a value that no longer
 * deserializes). There is no {@code cache.size}: counting one cache's keys on a shared server
 * would need a full {@code SCAN}.
 *
 * <p>A cache with a local tier also gets {@code cache.local.gets} (hit: answered in this JVM;
 * miss: sent to the server), {@code cache.local.hit.ratio} (hits over all local lookups since the
 * start), {@code cache.local.invalidations} (invalidations heard from the server: keys it named,
 * flushes and lost tracking connections; each local tier of a client hears all of them),
 * {@code cache.local.evictions} (copies dropped to stay within the bound) and
 * {@code cache.local.size} (copies held).
 */
public class DragonflyCacheMetrics extends CacheMeterBinder<DragonflyCache> {

    private final DragonflyCache cache;
    private final CacheStatistics statistics;

    /**
     * @param cache the cache
     * @param tags tags added to every meter, besides the cache name
     */
    public DragonflyCacheMetrics(DragonflyCache cache, Iterable<Tag> tags) {
        super(cache, cache.getName(), tags);
        this.cache = cache;
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
        if (cache.localTierStatistics() != null) {
            bindLocalTier(registry);
        }
    }

    private void bindLocalTier(MeterRegistry registry) {
        localCounter("cache.local.gets", "Cache reads answered in this JVM", NearCacheStats::hits)
                .tag("result", "hit")
                .register(registry);
        localCounter("cache.local.gets", "Cache reads the local tier sent to the server", NearCacheStats::misses)
                .tag("result", "miss")
                .register(registry);
        localCounter(
                        "cache.local.invalidations",
                        "Invalidations heard from the server: keys named, flushes and lost tracking connections",
                        NearCacheStats::invalidations)
                .register(registry);
        localCounter(
                        "cache.local.evictions",
                        "Local copies dropped to stay within the local tier's bound",
                        NearCacheStats::evictions)
                .register(registry);
        Gauge.builder("cache.local.hit.ratio", cache, c -> hitRatio(c.localTierStatistics()))
                .tags(getTagsWithCacheName())
                .description("Share of cache reads answered in this JVM since the start")
                .register(registry);
        Gauge.builder("cache.local.size", cache, DragonflyCache::localTierSize)
                .tags(getTagsWithCacheName())
                .description("Local copies held in this JVM")
                .register(registry);
    }

    private FunctionCounter.Builder<DragonflyCache> localCounter(
            String name, String description, ToDoubleFunction<NearCacheStats> count) {
        return FunctionCounter.builder(name, cache, c -> {
                    NearCacheStats stats = c.localTierStatistics();
                    return stats == null ? 0 : count.applyAsDouble(stats);
                })
                .tags(getTagsWithCacheName())
                .description(description);
    }

    private static double hitRatio(@Nullable NearCacheStats stats) {
        return stats == null ? 0 : stats.hitRatio();
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
