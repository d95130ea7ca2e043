package org.dragonflyclient.benchmarks.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

import org.dragonflyclient.benchmarks.BenchmarkServer;

/**
 * Lettuce as its documentation recommends: one connection shared by all threads, used through the
 * synchronous API. Explicit pipelines use a second connection with auto-flush off, the
 * documented way to batch with Lettuce (turning auto-flush off on the shared connection would
 * stall every other thread).
 */
final class LettuceClientUnderTest implements ClientUnderTest {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(10);

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisCommands<byte[], byte[]> sync;
    private StatefulRedisConnection<byte[], byte[]> pipelineConnection;
    private RedisFuture<?>[] pipelineFutures = new RedisFuture<?>[0];

    LettuceClientUnderTest(BenchmarkServer server) {
        this.client = RedisClient.create(RedisURI.create(server.host(), server.port()));
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
        RedisAsyncCommands<byte[], byte[]> async = pipelineConnection.async();
        for (int i = 0; i < keys.length; i++) {
            pipelineFutures[i] = async.set(keys[i], value);
        }
        pipelineConnection.flushCommands();
        if (!LettuceFutures.awaitAll(PIPELINE_TIMEOUT, pipelineFutures)) {
            throw new IllegalStateException("Lettuce pipeline did not complete within " + PIPELINE_TIMEOUT);
        }
    }

    @Override
    public String describe() {
        return "lettuce " + Versions.LETTUCE + ", one shared connection";
    }

    @Override
    public void close() {
        if (pipelineConnection != null) {
            pipelineConnection.close();
        }
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
