package org.dragonflyclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.spring.cache.DragonflyCache;
import org.dragonflyclient.spring.cache.DragonflyCacheManager;
import org.dragonflyclient.spring.cache.LocalTier;
import org.dragonflyclient.test.ScriptedServer;
import org.dragonflyclient.test.TestServer;

/**
 * The local tier's properties, the tracking it turns on, and every way it can fail to start:
 * each names its fix, or starts without the local tier when the fallback is allowed.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalTierAutoConfigurationTests {

    private static final TestServer SERVER = TestClients.server();

    /** HELLO 3's reply of a scripted server: a map with one entry. */
    private static final String HELLO_REPLY = "%1\r\n$6\r\nserver\r\n$8\r\nscripted\r\n";

    private final String name = "local-" + UUID.randomUUID();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DragonflyAutoConfiguration.class,
                    DragonflyCacheAutoConfiguration.class,
                    CacheAutoConfiguration.class))
            .withUserConfiguration(CachingApplication.class)
            .withPropertyValues("dragonfly.url=" + SERVER.uri());

    @Test
    void byDefault_noLocalTier_andNoTracking() {
        runner.withPropertyValues("spring.cache.cache-names=" + name).run(context -> {
            assertThat(context.getBean(ClientOptions.class).tracking()).isFalse();
            DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
            assertThat(manager.getDefaultSettings().localTier()).isEqualTo(LocalTier.disabled());
            assertThat(((DragonflyCache) manager.getCache(name)).localTierStatistics())
                    .isNull();
        });
    }

    @Test
    void localProperties_becomeTheDefaultLocalTier_andTurnTrackingOn() {
        runner.withPropertyValues(
                        "dragonfly.cache.local.enabled=true",
                        "dragonfly.cache.local.maximum-size=500",
                        "dragonfly.cache.local.time-to-live=30s")
                .run(context -> {
                    assertThat(context.getBean(ClientOptions.class).tracking()).isTrue();
                    assertThat(context.getBean(DragonflyClient.class).options().tracking())
                            .isTrue();
                    assertThat(context.getBean(DragonflyCacheManager.class)
                                    .getDefaultSettings()
                                    .localTier())
                            .isEqualTo(LocalTier.maximumSize(500).withTimeToLive(Duration.ofSeconds(30)));
                });
    }

    @Test
    void weightBound_replacesTheSizeBound_andTheTimeToLiveDefaultsToTenMinutes() {
        runner.withPropertyValues("dragonfly.cache.local.enabled=true", "dragonfly.cache.local.maximum-weight=16MB")
                .run(context -> assertThat(context.getBean(DragonflyCacheManager.class)
                                .getDefaultSettings()
                                .localTier())
                        .isEqualTo(LocalTier.maximumWeight(16L * 1024 * 1024)
                                .withTimeToLive(LocalTier.DEFAULT_TIME_TO_LIVE)));
    }

    @Test
    void oneCacheWithALocalTier_turnsTrackingOn_andKeepsTheOthersRemoteOnly() {
        String other = name + "-other";
        runner.withPropertyValues(
                        "spring.cache.cache-names=" + other,
                        "dragonfly.cache.local.maximum-size=777",
                        "dragonfly.cache.caches." + name + ".local.enabled=true",
                        "dragonfly.cache.caches." + name + ".local.time-to-live=5s")
                .run(context -> {
                    assertThat(context.getBean(ClientOptions.class).tracking()).isTrue();
                    DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
                    DragonflyCache local = (DragonflyCache) manager.getCache(name);
                    assertThat(local.getSettings().localTier())
                            .as("the cache's own TTL, the default size bound")
                            .isEqualTo(LocalTier.maximumSize(777).withTimeToLive(Duration.ofSeconds(5)));
                    assertThat(local.localTierStatistics()).isNotNull();
                    DragonflyCache remote = (DragonflyCache) manager.getCache(other);
                    assertThat(remote.getSettings().localTier()).isEqualTo(LocalTier.disabled());
                    assertThat(remote.localTierStatistics()).isNull();
                });
    }

    @Test
    void aCacheMayLeaveTheLocalTier_orSwitchToAWeightBound() {
        String light = name + "-light";
        runner.withPropertyValues(
                        "dragonfly.cache.local.enabled=true",
                        "dragonfly.cache.caches." + name + ".local.enabled=false",
                        "dragonfly.cache.caches." + light + ".local.maximum-weight=1MB")
                .run(context -> {
                    DragonflyCacheManager manager = context.getBean(DragonflyCacheManager.class);
                    assertThat(((DragonflyCache) manager.getCache(name))
                                    .getSettings()
                                    .localTier())
                            .isEqualTo(LocalTier.disabled());
                    assertThat(((DragonflyCache) manager.getCache(light))
                                    .getSettings()
                                    .localTier())
                            .isEqualTo(LocalTier.maximumWeight(1024 * 1024));
                });
    }

    @Test
    void resp2_failsTheStart_namingTheFix() {
        runner.withPropertyValues(
                        "dragonfly.url=" + SERVER.uri() + "?protocol=resp2", "dragonfly.cache.local.enabled=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("needs RESP3")
                        .hasMessageContaining("Remove protocol=resp2 from dragonfly.url")
                        .hasMessageContaining("dragonfly.cache.local.enabled=false")
                        .hasMessageContaining("dragonfly.cache.local.allow-fallback=true"));
    }

    @Test
    void resp2_withTheFallbackAllowed_startsWithoutTheLocalTier_andSaysSo(CapturedOutput output) {
        runner.withPropertyValues(
                        "dragonfly.url=" + SERVER.uri() + "?protocol=resp2",
                        "dragonfly.cache.local.enabled=true",
                        "dragonfly.cache.local.allow-fallback=true",
                        "spring.cache.cache-names=" + name)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DragonflyClient.class).options().tracking())
                            .isFalse();
                    DragonflyCache cache = (DragonflyCache)
                            context.getBean(DragonflyCacheManager.class).getCache(name);
                    assertThat(cache.getSettings().localTier()).isEqualTo(LocalTier.disabled());
                    cache.put("k", "v");
                    assertThat(cache.get("k").get()).isEqualTo("v");
                    assertThat(output).contains("Starting WITHOUT the local tier");
                });
    }

    @Test
    void serverRefusingTracking_failsTheStart_namingTheFix() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(LocalTierAutoConfigurationTests::refuseTracking)) {
            runner.withPropertyValues("dragonfly.url=" + server.uri(), "dragonfly.cache.local.enabled=true")
                    .run(context -> assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("The local tier (dragonfly.cache.local.enabled) needs client "
                                    + "tracking, and the server refused it")
                            .hasStackTraceContaining("refused CLIENT TRACKING ON")
                            .hasStackTraceContaining("dragonfly.cache.local.allow-fallback=true"));
        }
    }

    @Test
    void serverRefusingTracking_withTheFallbackAllowed_startsWithoutTheLocalTier(CapturedOutput output)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(LocalTierAutoConfigurationTests::refuseTracking)) {
            runner.withPropertyValues(
                            "dragonfly.url=" + server.uri(),
                            "dragonfly.cache.local.enabled=true",
                            "dragonfly.cache.local.allow-fallback=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(DragonflyClient.class)
                                        .options()
                                        .tracking())
                                .isFalse();
                        assertThat(context.getBean(DragonflyCacheManager.class)
                                        .getDefaultSettings()
                                        .localTier())
                                .isEqualTo(LocalTier.disabled());
                        assertThat(output).contains("The server refused client tracking");
                    });
        }
    }

    @Test
    void ownClientWithoutTracking_failsTheStart_namingTheFix() {
        runner.withPropertyValues("dragonfly.cache.local.enabled=true")
                .withBean(DragonflyClient.class, TestClients::shared, TestClients.notClosed())
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("needs a DragonflyClient with tracking on")
                        .hasMessageContaining("ClientOptions.builder().tracking(true)"));
    }

    @Test
    void ownClientWithoutTracking_withTheFallbackAllowed_startsWithoutTheLocalTier(CapturedOutput output) {
        runner.withPropertyValues("dragonfly.cache.local.enabled=true", "dragonfly.cache.local.allow-fallback=true")
                .withBean(DragonflyClient.class, TestClients::shared, TestClients.notClosed())
                .run(context -> {
                    assertThat(context.getBean(DragonflyCacheManager.class)
                                    .getDefaultSettings()
                                    .localTier())
                            .isEqualTo(LocalTier.disabled());
                    assertThat(output).contains("Caches run WITHOUT their local tier");
                });
    }

    @Test
    void caffeineMissing_failsTheStart_namingTheDependency() {
        runner.withPropertyValues("dragonfly.cache.local.enabled=true")
                .withClassLoader(new FilteredClassLoader(Caffeine.class))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("com.github.ben-manes.caffeine:caffeine"));
    }

    @Test
    void caffeineMissing_withoutALocalTier_isFine() {
        runner.withClassLoader(new FilteredClassLoader(Caffeine.class))
                .run(context -> assertThat(context).hasSingleBean(DragonflyCacheManager.class));
    }

    @Test
    void localTierWithTimeToIdle_failsTheStart_namingTheFix() {
        runner.withPropertyValues(
                        "dragonfly.cache.local.enabled=true",
                        "dragonfly.cache.time-to-idle=5m",
                        "spring.cache.cache-names=" + name)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("both a local tier and a time to idle")
                        .hasMessageContaining("dragonfly.cache.caches." + name + ".local.enabled=false"));
    }

    @Test
    void metadata_describesEveryLocalProperty() throws Exception {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in)
                    .as("metadata generated by the configuration processor")
                    .isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String property : List.of(
                "dragonfly.cache.local.enabled",
                "dragonfly.cache.local.maximum-size",
                "dragonfly.cache.local.maximum-weight",
                "dragonfly.cache.local.time-to-live",
                "dragonfly.cache.local.allow-fallback")) {
            int at = metadata.indexOf("\"name\": \"" + property + "\"");
            assertThat(at).as(property).isNotNegative();
            int end = metadata.indexOf('}', at);
            assertThat(metadata.substring(at, end)).as(property).contains("\"description\"");
        }
    }

    private static void refuseTracking(InputStream in, OutputStream out) throws IOException {
        for (List<String> command; (command = ScriptedServer.readCommand(in)) != null; ) {
            ScriptedServer.write(
                    out,
                    switch (command.get(0)) {
                        case "HELLO" -> HELLO_REPLY;
                        case "CLIENT" -> "-ERR unknown subcommand 'TRACKING'\r\n";
                        default -> "+PONG\r\n";
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class CachingApplication {

        @Bean
        String marker() {
            return "caching";
        }
    }
}
