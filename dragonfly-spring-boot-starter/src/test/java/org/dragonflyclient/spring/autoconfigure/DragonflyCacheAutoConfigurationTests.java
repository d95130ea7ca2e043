package org.dragonflyclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.CacheKeyConverter;
import org.dragonflyclient.spring.cache.DragonflyCache;
import org.dragonflyclient.spring.cache.DragonflyCacheManager;
import org.dragonflyclient.spring.cache.DragonflyCacheSettings;
import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.spring.cache.serializer.JacksonSerializer;
import org.dragonflyclient.test.TestServer;

class DragonflyCacheAutoConfigurationTests {

    private static final TestServer SERVER = TestClients.server();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DragonflyAutoConfiguration.class,
                    DragonflyCacheAutoConfiguration.class,
                    CacheAutoConfiguration.class))
            .withUserConfiguration(CachingApplication.class)
            .withPropertyValues("dragonfly.url=" + SERVER.uri());

    private static String name() {
        return "auto-" + UUID.randomUUID();
    }

    @Test
    void defaults_aDragonflyCacheManagerWithDefaultSettings() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(CacheManager.class);
            DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
            DragonflyCacheSettings defaults = manager.getDefaultSettings();
            assertThat(defaults.timeToLive()).isZero();
            assertThat(defaults.timeToIdle()).isZero();
            assertThat(defaults.ttlJitter()).isZero();
            assertThat(defaults.keyPrefix()).isNull();
            assertThat(defaults.useKeyPrefix()).isTrue();
            assertThat(defaults.cacheNullValues()).isTrue();
            assertThat(defaults.serializer().toString()).startsWith("jdk(");
            assertThat(manager.isFailFast()).isFalse();
            assertThat(manager.getCircuitBreakerOpenDuration()).isEqualTo(Duration.ofSeconds(5));
            assertThat(manager.getLoadLeaseTime()).isZero();
            assertThat(manager.getClearBatchSize()).isEqualTo(1000);
            assertThat(manager.getClient()).isSameAs(context.getBean(DragonflyClient.class));
            assertThat(manager.getCacheNames()).isEmpty();
        });
    }

    @Test
    void cacheProperties_becomeTheDefaultSettings() {
        runner.withPropertyValues(
                        "dragonfly.cache.time-to-live=10m",
                        "dragonfly.cache.time-to-idle=2m",
                        "dragonfly.cache.ttl-jitter=30s",
                        "dragonfly.cache.key-prefix=shop:",
                        "dragonfly.cache.use-key-prefix=false",
                        "dragonfly.cache.cache-null-values=false",
                        "dragonfly.cache.serializer=string")
                .run(context -> {
                    DragonflyCacheSettings defaults =
                            context.getBean(DragonflyCacheManager.class).getDefaultSettings();
                    assertThat(defaults.timeToLive()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(defaults.timeToIdle()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(defaults.ttlJitter()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(defaults.keyPrefix()).isEqualTo("shop:");
                    assertThat(defaults.useKeyPrefix()).isFalse();
                    assertThat(defaults.cacheNullValues()).isFalse();
                    assertThat(defaults.serializer()).isSameAs(CacheValueSerializer.string());
                });
    }

    @Test
    void failurePolicyProperties_reachTheManager() {
        runner.withPropertyValues(
                        "dragonfly.cache.fail-fast=true",
                        "dragonfly.cache.circuit-breaker.open-duration=750ms",
                        "dragonfly.cache.sync.distributed=true",
                        "dragonfly.cache.sync.lease-time=3s",
                        "dragonfly.cache.clear-batch-size=50")
                .run(context -> {
                    DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
                    assertThat(manager.isFailFast()).isTrue();
                    assertThat(manager.getCircuitBreakerOpenDuration()).isEqualTo(Duration.ofMillis(750));
                    assertThat(manager.getLoadLeaseTime()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(manager.getClearBatchSize()).isEqualTo(50);
                });
    }

    @Test
    void circuitBreakerDisabled_hasNoOpenDuration() {
        runner.withPropertyValues("dragonfly.cache.circuit-breaker.enabled=false")
                .run(context -> assertThat(
                                context.getBean(DragonflyCacheManager.class).getCircuitBreakerOpenDuration())
                        .isZero());
    }

    @Test
    void perCacheProperties_overrideTheDefaults_andCreateTheCachesAtStartUp() {
        runner.withPropertyValues(
                        "dragonfly.cache.time-to-live=10m",
                        "dragonfly.cache.key-prefix=shop:",
                        "dragonfly.cache.caches.sessions.time-to-idle=30m",
                        "dragonfly.cache.caches.sessions.serializer=json",
                        "dragonfly.cache.caches.forever.time-to-live=0",
                        "dragonfly.cache.caches.forever.cache-null-values=false",
                        "dragonfly.cache.caches.forever.ttl-jitter=5s",
                        "dragonfly.cache.caches.forever.key-prefix=other:",
                        "dragonfly.cache.caches.raw.use-key-prefix=false")
                .run(context -> {
                    DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
                    assertThat(manager.getCacheNames()).containsExactly("sessions", "forever", "raw");
                    DragonflyCacheSettings sessions = settings(manager, "sessions");
                    assertThat(sessions.timeToIdle()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(sessions.timeToLive()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(sessions.keyPrefix()).isEqualTo("shop:");
                    assertThat(sessions.serializer()).isInstanceOf(JacksonSerializer.class);
                    DragonflyCacheSettings forever = settings(manager, "forever");
                    assertThat(forever.timeToLive()).isZero();
                    assertThat(forever.cacheNullValues()).isFalse();
                    assertThat(forever.ttlJitter()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(forever.keyPrefix()).isEqualTo("other:");
                    assertThat(settings(manager, "raw").useKeyPrefix()).isFalse();
                    assertThat(manager.getDefaultSettings().timeToIdle()).isZero();
                });
    }

    @Test
    void springCacheNames_areCreatedAtStartUpWithTheDefaults() {
        runner.withPropertyValues(
                        "spring.cache.cache-names=books,authors",
                        "dragonfly.cache.time-to-live=1m",
                        "dragonfly.cache.caches.authors.time-to-live=2m")
                .run(context -> {
                    DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
                    assertThat(manager.getCacheNames()).containsExactly("books", "authors");
                    assertThat(settings(manager, "books").timeToLive()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(settings(manager, "authors").timeToLive()).isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void otherCacheNames_areCreatedOnFirstUse() {
        runner.run(context -> {
            DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
            String name = name();
            assertThat(manager.getCache(name)).isInstanceOf(DragonflyCache.class);
            assertThat(manager.getCacheNames()).contains(name);
        });
    }

    @Test
    void theApplicationsPackages_andAllowedPackages_mayBeDeserialized() {
        runner.withPropertyValues("dragonfly.cache.allowed-packages=java.util.concurrent.atomic.LongAdder")
                .run(context -> {
                    DragonflyCache cache =
                            (DragonflyCache) context.getBean(CacheManager.class).getCache(name());
                    cache.put("parcel", new Parcel("p1", 3));
                    assertThat(cache.get("parcel", Parcel.class)).isEqualTo(new Parcel("p1", 3));
                    java.util.concurrent.atomic.LongAdder adder = new java.util.concurrent.atomic.LongAdder();
                    adder.add(5);
                    cache.put("adder", adder);
                    assertThat(cache.get("adder", java.util.concurrent.atomic.LongAdder.class))
                            .hasToString("5");
                    assertThat(cache.statistics().unreadable()).isZero();
                });
    }

    @Test
    void classesOutsideTheAllowList_areMisses() {
        runner.run(context -> {
            DragonflyCache cache =
                    (DragonflyCache) context.getBean(CacheManager.class).getCache(name());
            cache.put("adder", new java.util.concurrent.atomic.LongAdder());
            assertThat(cache.get("adder")).isNull();
            assertThat(cache.statistics().unreadable()).isEqualTo(1);
        });
    }

    @Test
    void serializerJson_usesTheApplicationsJsonMapper() {
        JsonMapper mapper = JsonMapper.builder().build();
        runner.withPropertyValues("dragonfly.cache.serializer=json")
                .withBean(JsonMapper.class, () -> mapper)
                .run(context -> {
                    DragonflyCache cache =
                            (DragonflyCache) context.getBean(CacheManager.class).getCache(name());
                    assertThat(cache.getSettings().serializer()).isInstanceOf(JacksonSerializer.class);
                    cache.put("parcel", new Parcel("p2", 4));
                    assertThat(cache.get("parcel", Parcel.class)).isEqualTo(new Parcel("p2", 4));
                });
    }

    @Test
    void serializerJson_withoutJackson_failsTheStart_namingTheFix() {
        runner.withPropertyValues("dragonfly.cache.serializer=json")
                .withClassLoader(new FilteredClassLoader("tools.jackson"))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tools.jackson.core:jackson-databind"));
    }

    @Test
    void withoutJackson_theDefaultSerializerWorks() {
        runner.withClassLoader(new FilteredClassLoader("tools.jackson", "com.fasterxml.jackson"))
                .run(context -> {
                    CacheManager manager = context.getBean(CacheManager.class);
                    manager.getCache(name()).put("k", "v");
                    assertThat(manager).isInstanceOf(DragonflyCacheManager.class);
                });
    }

    @Test
    void aSerializerBean_isTheDefault_butACachesOwnPropertyWins() {
        runner.withBean(CacheValueSerializer.class, CacheValueSerializer::bytes)
                .withPropertyValues("dragonfly.cache.caches.texts.serializer=string")
                .run(context -> {
                    DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
                    assertThat(manager.getDefaultSettings().serializer()).isSameAs(CacheValueSerializer.bytes());
                    assertThat(settings(manager, "texts").serializer()).isSameAs(CacheValueSerializer.string());
                });
    }

    @Test
    void aKeyConverterBean_isUsed() {
        CacheKeyConverter upper = key -> key.toString().toUpperCase();
        runner.withBean(CacheKeyConverter.class, () -> upper)
                .run(context -> assertThat(context.getBean(DragonflyCacheManager.class)
                                .getDefaultSettings()
                                .keyConverter())
                        .isSameAs(upper));
    }

    @Test
    void customizers_runAfterTheProperties() {
        AtomicReference<CacheManager> customized = new AtomicReference<>();
        runner.withPropertyValues("dragonfly.cache.time-to-live=1m")
                .withBean(
                        DragonflyCacheManagerBuilderCustomizer.class,
                        () -> builder -> builder.withCache(
                                "custom", builder.cacheDefaults().withTimeToLive(Duration.ofHours(1))))
                .withBean(CacheManagerCustomizer.class, () ->
                        (CacheManagerCustomizer<DragonflyCacheManager>) customized::set)
                .run(context -> {
                    DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
                    assertThat(settings(manager, "custom").timeToLive()).isEqualTo(Duration.ofHours(1));
                    assertThat(customized).hasValue(manager);
                });
    }

    @Test
    void aUserCacheManager_wins() {
        runner.withBean(CacheManager.class, ConcurrentMapCacheManager::new).run(context -> {
            assertThat(context).hasSingleBean(CacheManager.class);
            assertThat(context).doesNotHaveBean(DragonflyCacheManager.class);
            assertThat(context).hasSingleBean(DragonflyClient.class);
        });
    }

    @Test
    void springCacheTypeRedis_selectsDragonfly() {
        runner.withPropertyValues("spring.cache.type=redis")
                .run(context ->
                        assertThat(context.getBean(CacheManager.class)).isInstanceOf(DragonflyCacheManager.class));
    }

    @Test
    void anotherSpringCacheType_backsOff() {
        runner.withPropertyValues("spring.cache.type=none")
                .run(context -> assertThat(context.getBean(CacheManager.class)).isInstanceOf(NoOpCacheManager.class));
        runner.withPropertyValues("spring.cache.type=simple")
                .run(context ->
                        assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class));
    }

    @Test
    void cacheDisabled_backsOff_butKeepsTheClient() {
        runner.withPropertyValues("dragonfly.cache.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(DragonflyCacheManager.class);
            assertThat(context).hasSingleBean(DragonflyClient.class);
        });
    }

    @Test
    void withoutEnableCaching_noCacheManager() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DragonflyAutoConfiguration.class,
                        DragonflyCacheAutoConfiguration.class,
                        CacheAutoConfiguration.class))
                .withPropertyValues("dragonfly.url=" + SERVER.uri())
                .run(context -> {
                    assertThat(context).doesNotHaveBean(CacheManager.class);
                    assertThat(context).hasSingleBean(DragonflyClient.class);
                });
    }

    @Test
    void withoutSpringsCacheAbstraction_onlyTheClientIsConfigured() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DragonflyAutoConfiguration.class, DragonflyCacheAutoConfiguration.class))
                .withPropertyValues("dragonfly.url=" + SERVER.uri())
                .withClassLoader(new FilteredClassLoader(CacheManager.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DragonflyCacheManager.class);
                    assertThat(context).hasSingleBean(DragonflyClient.class);
                });
    }

    @Test
    void withoutOptionalLibraries_theCacheManagerWorks() {
        runner.withClassLoader(new FilteredClassLoader(
                        "io.micrometer",
                        "tools.jackson",
                        "org.testcontainers",
                        "org.springframework.boot.health",
                        "org.springframework.boot.testcontainers"))
                .run(context -> {
                    CacheManager manager = context.getBean(CacheManager.class);
                    String name = name();
                    manager.getCache(name).put("k", "v");
                    assertThat(manager.getCache(name).get("k", String.class)).isEqualTo("v");
                });
    }

    private static DragonflyCacheSettings settings(DragonflyCacheManager manager, String name) {
        return ((DragonflyCache) manager.getCache(name)).getSettings();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    @AutoConfigurationPackage
    static class CachingApplication {

        @Bean
        String marker() {
            return "caching application";
        }
    }
}
