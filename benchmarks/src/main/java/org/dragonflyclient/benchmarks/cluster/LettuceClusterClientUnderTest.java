package org.dragonflyclient.benchmarks.cluster;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;

import org.dragonflyclient.benchmarks.client.Versions;

/**
 * Lettuce's {@link RedisClusterClient} as its reference guide recommends: one cluster connection
 * shared by every thread, all adaptive topology refresh triggers on ({@code MOVED}, {@code ASK},
 * persistent reconnects; off by default), command timeout {@link ClusterClientUnderTest#COMMAND_TIMEOUT}.
 * Explicit pipelines use a second cluster connection with auto-flush off, then
 * {@code flushCommands()} and {@code awaitAll}.
 */
final class LettuceClusterClientUnderTest implements ClusterClientUnderTest {

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<byte[], byte[]> connection;
    private final RedisAdvancedClusterCommands<byte[], byte[]> sync;
    private StatefulRedisClusterConnection<byte[], byte[]> pipelineConnection;
    private RedisFuture<?>[] pipelineFutures = new RedisFuture<?>[0];

    LettuceClusterClientUnderTest(ClusterSeeds seeds) {
        List<RedisURI> uris = new ArrayList<>();
        for (String node : seeds.nodes()) {
            uris.add(RedisURI.builder()
                    .withHost(ClusterSeeds.host(node))
                    .withPort(ClusterSeeds.port(node))
                    .withTimeout(COMMAND_TIMEOUT)
                    .build());
        }
        this.client = RedisClusterClient.create(uris);
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build());
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.sync = connection.sync();
    }

    @Override
    public byte[] get(byte[] key) {
        return sync.get(key);
    }

    @Override
    public void set(byte[] key, byte[] value) {
        sync.set(key, value);
    }

    @Override
    public long incr(byte[] key) {
        return sync.incr(key);
    }

    @Override
    public Object mget(byte[]... keys) {
        return sync.mget(keys);
    }

    @Override
    public List<byte[]> mgetValues(byte[]... keys) {
        List<byte[]> values = new ArrayList<>(keys.length);
        for (KeyValue<byte[], byte[]> kv : sync.mget(keys)) {
            values.add(kv.getValueOrElse(null));
        }
        return values;
    }

    @Override
    public void pipelineSet(byte[][] keys, byte[] value) {
        if (pipelineConnection == null) {
            pipelineConnection = client.connect(ByteArrayCodec.INSTANCE);
            pipelineConnection.setAutoFlushCommands(false);
        }
        if (pipelineFutures.length != keys.length) {
            pipelineFutures = new RedisFuture<?>[keys.length];
        }
        RedisAdvancedClusterAsyncCommands<byte[], byte[]> async = pipelineConnection.async();
        for (int i = 0; i < keys.length; i++) {
            pipelineFutures[i] = async.set(keys[i], value);
        }
        pipelineConnection.flushCommands();
        if (!LettuceFutures.awaitAll(COMMAND_TIMEOUT.multipliedBy(5), pipelineFutures)) {
            throw new IllegalStateException(
                    "Lettuce cluster pipeline did not complete within " + COMMAND_TIMEOUT.multipliedBy(5));
        }
    }

    @Override
    public String describe() {
        return "lettuce " + Versions.LETTUCE
                + " RedisClusterClient, one shared connection, adaptive refresh on, timeout "
                + COMMAND_TIMEOUT.toMillis() + " ms";
    }

    @Override
    public void close() {
        if (pipelineConnection != null) {
            pipelineConnection.close();
        }
        connection.close();
        client.shutdown(java.time.Duration.ZERO, java.time.Duration.ofSeconds(2));
    }
}
