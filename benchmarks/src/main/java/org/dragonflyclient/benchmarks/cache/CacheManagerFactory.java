package org.dragonflyclient.benchmarks.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.tracing.MicrometerTracing;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import org.dragonflyclient.benchmarks.BenchmarkServer;
import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.TrackingListener;
import org.dragonflyclient.spring.cache.DragonflyCacheManager;
import org.dragonflyclient.spring.cache.DragonflyCacheSettings;
import org.dragonflyclient.spring.cache.LocalTier;
import org.dragonflyclient.spring.observation.DragonflyCommandObservationConvention;
import org.dragonflyclient.spring.observation.ObservationCommandListener;

/**
 * Creates the {@link CacheManager} of each side of workload g. The harness only ever sees
 * Spring's {@code CacheManager} interface, so both sides run exactly the same interceptor path.
 *
 * <p>Both are configured as an application gets them by default: Spring Data Redis's
 * {@code RedisCacheManager} with its default cache configuration (JDK serialization, no TTL,
 * {@code cacheName::} key prefix) over a {@code LettuceConnectionFactory} with its shared native
 * connection, which is what Spring Boot's auto-configuration builds. One exception, which does
 * not touch the hit path: its cache writer clears with {@code SCAN} instead of the default
 * {@code KEYS}, because Spring Data Redis 4.0.6's {@code KEYS} call does not link against
 * Lettuce 7.7 ({@code NoSuchMethodError} on {@code RedisKeyAsyncCommands.keys(Object)}: Lettuce
 * 7 takes the pattern as a {@code String}), so the default {@code clear()} fails, silently when
 * the writer runs it in the background.
 */
public final class CacheManagerFactory {

    /** {@code @Param} value of this project's cache manager. */
    public static final String DRAGONFLY = "dragonfly";
    /** {@code @Param} value of Spring Data Redis's {@code RedisCacheManager} on Lettuce. */
    public static final String SPRING_DATA_REDIS = "spring-data-redis";
    /** {@code @Param} value of this project's cache manager with the local tier on (issue 14). */
    public static final String DRAGONFLY_LOCAL = "dragonfly-local";
    /** {@code @Param} value of Spring's {@code CaffeineCacheManager}: a JVM-local cache, the limit of a local tier. */
    public static final String CAFFEINE = "caffeine";

    /** The bound of the local tier and of the Caffeine cache: the starter's default. */
    private static final long LOCAL_ENTRIES = LocalTier.DEFAULT_MAXIMUM_SIZE;

    private CacheManagerFactory() {}

    /**
     * A cache manager and the connections behind it.
     *
     * @param cacheManager what the interceptor uses
     * @param connections closed after the benchmark
     * @param description one line for the benchmark log
     */
    public record OpenedCacheManager(CacheManager cacheManager, AutoCloseable connections, String description) {}

    /**
     * @param implementation {@link #DRAGONFLY} or {@link #SPRING_DATA_REDIS}
     * @param server where to connect
     * @param observations where each command's observation goes, as Spring Boot wires it for each
     *     side ({@code dragonfly.observation.enabled=true}; Lettuce's {@code MicrometerTracing}),
     *     or {@code null} for none
     * @return a connected cache manager
     */
    public static OpenedCacheManager open(
            String implementation, BenchmarkServer server, @Nullable ObservationRegistry observations) {
        return open(implementation, server, observations, TrackingListener.NONE);
    }

    /**
     * @param implementation {@link #DRAGONFLY}, {@link #DRAGONFLY_LOCAL}, {@link #SPRING_DATA_REDIS} or {@link #CAFFEINE}
     * @param server where to connect (not used by {@link #CAFFEINE})
     * @param observations as above, or {@code null}
     * @param invalidations told of every invalidation after the local tier applied it ({@link #DRAGONFLY_LOCAL} only)
     * @return a connected cache manager
     */
    public static OpenedCacheManager open(
            String implementation,
            BenchmarkServer server,
            @Nullable ObservationRegistry observations,
            TrackingListener invalidations) {
        return switch (implementation) {
            case DRAGONFLY -> dragonfly(server, observations, null);
            case DRAGONFLY_LOCAL -> dragonfly(server, observations, invalidations);
            case SPRING_DATA_REDIS -> springDataRedis(server, observations);
            case CAFFEINE -> caffeine();
            default ->
                throw new IllegalArgumentException("Unknown cache manager " + implementation + "; expected " + DRAGONFLY
                        + ", " + DRAGONFLY_LOCAL + ", " + SPRING_DATA_REDIS + " or " + CAFFEINE);
        };
    }

    /**
     * The starter's {@code DragonflyCacheManager} as the starter builds it by default (JDK
     * serialization with the JDK value types allowed, which covers the {@code String} values here,
     * fail-open, no TTL), over a client with default options. The manager does not close the
     * client, so the client is the connection to close. With {@code invalidations}, as the starter
     * builds it with {@code dragonfly.cache.local.enabled=true}: tracking on, the default local
     * tier (10,000 entries, Caffeine).
     */
    private static OpenedCacheManager dragonfly(
            BenchmarkServer server,
            @Nullable ObservationRegistry observations,
            @Nullable TrackingListener invalidations) {
        ClientOptions.Builder options =
                ClientOptions.builder().host(server.host()).port(server.port());
        if (invalidations != null) {
            options.tracking(true).trackingListener(invalidations);
        }
        if (observations != null) {
            options.commandListener(new ObservationCommandListener(
                    observations, DragonflyCommandObservationConvention.defaults(), server.host(), server.port(), 0));
        }
        DragonflyClient client = DragonflyClient.create(options.build());
        DragonflyCacheSettings settings = DragonflyCacheSettings.defaults();
        if (invalidations != null) {
            settings = settings.withLocalTier(LocalTier.maximumSize(LOCAL_ENTRIES));
        }
        DragonflyCacheManager manager =
                DragonflyCacheManager.builder(client).cacheDefaults(settings).build();
        AutoCloseable close = () -> {
            manager.destroy();
            client.close();
        };
        return new OpenedCacheManager(
                manager,
                close,
                "DragonflyCacheManager (" + (invalidations != null ? "local tier " + settings.localTier() : "defaults")
                        + "), poolSize " + client.options().poolSize());
    }

    /** Spring's {@code CaffeineCacheManager} bounded like the local tier: no server at all. */
    private static OpenedCacheManager caffeine() {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setCaffeine(Caffeine.newBuilder().maximumSize(LOCAL_ENTRIES));
        return new OpenedCacheManager(
                manager, () -> {}, "CaffeineCacheManager (spring-context-support), maximumSize " + LOCAL_ENTRIES);
    }

    private static OpenedCacheManager springDataRedis(
            BenchmarkServer server, @Nullable ObservationRegistry observations) {
        LettuceClientConfiguration.LettuceClientConfigurationBuilder lettuce = LettuceClientConfiguration.builder();
        ClientResources resources = null;
        if (observations != null) {
            resources = ClientResources.builder()
                    .tracing(new MicrometerTracing(observations, "benchmark"))
                    .build();
            lettuce.clientResources(resources);
        }
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.host(), server.port()), lettuce.build());
        connections.afterPropertiesSet();
        connections.start();
        RedisCacheWriter writer = RedisCacheWriter.nonLockingRedisCacheWriter(connections, BatchStrategies.scan(1000));
        RedisCacheManager manager = RedisCacheManager.builder(writer).build();
        manager.afterPropertiesSet();
        ClientResources ownResources = resources;
        AutoCloseable close = () -> {
            connections.destroy();
            if (ownResources != null) {
                ownResources.shutdown();
            }
        };
        return new OpenedCacheManager(
                manager,
                close,
                "RedisCacheManager (spring-data-redis "
                        + org.dragonflyclient.benchmarks.client.Versions.SPRING_DATA_REDIS
                        + ") on LettuceConnectionFactory, shared native connection");
    }
}
