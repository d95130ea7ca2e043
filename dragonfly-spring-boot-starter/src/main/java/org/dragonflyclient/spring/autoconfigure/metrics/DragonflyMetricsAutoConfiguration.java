package org.dragonflyclient.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.autoconfigure.DragonflyCacheAutoConfiguration;

/**
 * Micrometer metrics, when Micrometer is on the class path: cache meters through Spring Boot's
 * cache metrics (so it runs before them), and command timers and connection gauges of the client.
 */
@AutoConfiguration(
        after = DragonflyCacheAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        },
        beforeName = "org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, DragonflyClient.class})
@Import({DragonflyCacheMeterBinderProviderConfiguration.class, DragonflyClientMetricsConfiguration.class})
public final class DragonflyMetricsAutoConfiguration {}
