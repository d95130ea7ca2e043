package org.dragonflyclient.spring.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.spring.autoconfigure.DragonflyCacheAutoConfiguration;
import org.dragonflyclient.spring.cache.DragonflyCache;
import org.dragonflyclient.spring.metrics.DragonflyCacheMeterBinderProvider;
import org.dragonflyclient.spring.metrics.MicrometerCommandListener;

class DragonflyMetricsAutoConfigurationTests {

    /** One cache per test: the server outlives each context. */
    private final String name = "metered-" + UUID.randomUUID();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    DragonflyAutoConfiguration.class,
                    DragonflyCacheAutoConfiguration.class,
                    CacheAutoConfiguration.class,
                    CacheMetricsAutoConfiguration.class,
                    DragonflyMetricsAutoConfiguration.class))
            .withUserConfiguration(CachingApplication.class)
            .withPropertyValues("dragonfly.url=" + TestClients.server().uri(), "spring.cache.cache-names=" + name);

    @Test
    void startUpCaches_countHitsMissesPutsEvictionsAndRemovals() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            DragonflyCache cache =
                    (DragonflyCache) context.getBean(CacheManager.class).getCache(name);
            cache.get("absent");
            cache.put("present", "value");
            cache.get("present");
            cache.evict("present");

            assertThat(registry.get("cache.gets")
                            .tags("cache", name, "result", "hit")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("cache.gets")
                            .tags("cache", name, "result", "miss")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("cache.puts")
                            .tag("cache", name)
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("cache.evictions")
                            .tag("cache", name)
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("cache.removals")
                            .tag("cache", name)
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("cache.errors")
                            .tags("cache", name, "reason", "command")
                            .functionCounter()
                            .count())
                    .isZero();
            assertThat(registry.get("cache.gets")
                            .tag("cache.manager", "cacheManager")
                            .meters())
                    .isNotEmpty();
        });
    }

    @Test
    void localTier_metersHitsMissesInvalidationsEvictionsSizeAndHitRatio() {
        runner.withPropertyValues(
                        "dragonfly.cache.local.enabled=true",
                        "dragonfly.cache.local.maximum-size=2",
                        "dragonfly.cache.serializer=string")
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    DragonflyCache cache =
                            (DragonflyCache) context.getBean(CacheManager.class).getCache(name);
                    cache.put("a", "1");
                    cache.get("a"); // miss: fetched and kept
                    cache.get("a"); // hit
                    cache.get("a"); // hit

                    assertThat(localGets(registry, "hit")).isEqualTo(2);
                    assertThat(localGets(registry, "miss")).isEqualTo(1);
                    assertThat(registry.get("cache.local.hit.ratio")
                                    .tag("cache", name)
                                    .gauge()
                                    .value())
                            .isEqualTo(2.0 / 3);
                    assertThat(registry.get("cache.local.size")
                                    .tag("cache", name)
                                    .gauge()
                                    .value())
                            .isEqualTo(1);

                    TestClients.shared().set(name + "::a", "2");
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> registry.get("cache.local.invalidations")
                                            .tag("cache", name)
                                            .functionCounter()
                                            .count()
                                    >= 1);

                    for (int i = 0; i < 20; i++) {
                        cache.put("many" + i, "v");
                        cache.get("many" + i);
                    }
                    assertThat(registry.get("cache.local.evictions")
                                    .tag("cache", name)
                                    .functionCounter()
                                    .count())
                            .as("20 copies in a tier of 2")
                            .isGreaterThanOrEqualTo(18);
                });
    }

    @Test
    void withoutALocalTier_noLocalMeters() {
        runner.run(context -> {
            context.getBean(CacheManager.class).getCache(name).get("k");
            assertThat(context.getBean(MeterRegistry.class)
                            .find("cache.local.gets")
                            .tag("cache", name)
                            .meters())
                    .isEmpty();
        });
    }

    private double localGets(MeterRegistry registry, String result) {
        return registry.get("cache.local.gets")
                .tags("cache", name, "result", result)
                .functionCounter()
                .count();
    }

    @Test
    void commands_areTimedByNameAndOutcome_andConnectionsGauged() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            DragonflyClient client = context.getBean(DragonflyClient.class);
            client.ping();
            client.get("metrics-absent-key");

            assertThat(registry.get("dragonfly.commands")
                            .tags("command", "PING", "outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("dragonfly.commands")
                            .tags("command", "GET", "exception", "none")
                            .timer()
                            .count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(registry.get("dragonfly.connections.open").gauge().value())
                    .isEqualTo(client.openConnections());
            assertThat(registry.get("dragonfly.commands.in-flight").gauge().value())
                    .isZero();
            // A single server's timers keep exactly their tags: no node (that is for a cluster).
            assertThat(registry.get("dragonfly.commands").timers())
                    .allSatisfy(timer -> assertThat(timer.getId().getTags())
                            .extracting(Tag::getKey)
                            .containsExactlyInAnyOrder("command", "outcome", "exception"));
        });
    }

    @Test
    void failedCommands_areTimedWithTheirException() {
        runner.run(context -> {
            DragonflyClient client = context.getBean(DragonflyClient.class);
            client.set("metrics-wrongtype", "text");
            try {
                client.incr("metrics-wrongtype");
            } catch (RuntimeException expected) {
                // ERR value is not an integer
            }
            assertThat(context.getBean(MeterRegistry.class)
                            .get("dragonfly.commands")
                            .tags("command", "INCR", "outcome", "failure", "exception", "DragonflyServerException")
                            .timer()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void aUserCommandListenerBeanOfTheSameType_wins() {
        MicrometerCommandListener own = new MicrometerCommandListener(new SimpleMeterRegistry());
        runner.withBean(MicrometerCommandListener.class, () -> own)
                .run(context -> assertThat(context.getBean(MicrometerCommandListener.class))
                        .isSameAs(own));
    }

    @Test
    void withoutAMeterRegistry_noCommandMetrics() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DragonflyAutoConfiguration.class, DragonflyMetricsAutoConfiguration.class))
                .withPropertyValues("dragonfly.url=" + TestClients.server().uri())
                .run(context -> {
                    assertThat(context).doesNotHaveBean(MicrometerCommandListener.class);
                    assertThat(context).hasSingleBean(DragonflyCacheMeterBinderProvider.class);
                    assertThat(context.getBean(DragonflyClient.class).ping()).isEqualTo("PONG");
                });
    }

    @Test
    void withoutMicrometer_nothingIsConfigured_andCachingWorks() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).doesNotHaveBean(MicrometerCommandListener.class);
            assertThat(context).doesNotHaveBean(DragonflyCacheMeterBinderProvider.class);
            context.getBean(CacheManager.class).getCache(name).put("k", "v");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class CachingApplication {}
}
