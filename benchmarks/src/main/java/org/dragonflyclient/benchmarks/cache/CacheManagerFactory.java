package org.dragonflyclient.benchmarks.cache;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.tracing.MicrometerTracing;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import org.dragonflyclient.benchmarks.BenchmarkServer;
import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.cache.DragonflyCacheManager;
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
        return switch (implementation) {
            case DRAGONFLY -> dragonfly(server, observations);
            case SPRING_DATA_REDIS -> springDataRedis(server, observations);
            default ->
                throw new IllegalArgumentException("Unknown cache manager " + implementation + "; expected " + DRAGONFLY
                        + " or " + SPRING_DATA_REDIS);
        };
    }

    /**
     * The starter's {@code DragonflyCacheManager} as the starter builds it by default (JDK
     * serialization with the JDK value types allowed, which covers the {@code String} values here,
     * fail-open, no TTL), over a client with default options. The manager does not close the
     * client, so the client is the connection to close.
     */
    private static OpenedCacheManager dragonfly(BenchmarkServer server, @Nullable ObservationRegistry observations) {
        ClientOptions.Builder options =
                ClientOptions.builder().host(server.host()).port(server.port());
        if (observations != null) {
            options.commandListener(new ObservationCommandListener(
                    observations, DragonflyCommandObservationConvention.defaults(), server.host(), server.port(), 0));
        }
        DragonflyClient client = DragonflyClient.create(options.build());
        DragonflyCacheManager manager = DragonflyCacheManager.builder(client).build();
        return new OpenedCacheManager(
                manager,
                client,
                "DragonflyCacheManager (defaults), poolSize " + client.options().poolSize());
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
