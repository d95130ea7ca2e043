package org.dragonflyclient.benchmarks.cluster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;

import org.dragonflyclient.benchmarks.client.Versions;

/**
 * Jedis 8's {@link RedisClusterClient} (the replacement of {@code JedisCluster}): a pool per node
 * of {@value ClusterClientUnderTest#JEDIS_POOL_SIZE} connections, socket and connect timeouts of
 * {@link ClusterClientUnderTest#COMMAND_TIMEOUT}, its default retries ({@code maxAttempts} 5) and
 * topology handling (renewed on {@code MOVED} and on connection failures). {@code MGET} across
 * slots and {@link ClusterPipeline} are its own multi-node support.
 */
final class JedisClusterClientUnderTest implements ClusterClientUnderTest {

    private final RedisClusterClient client;

    JedisClusterClientUnderTest(ClusterSeeds seeds) {
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String node : seeds.nodes()) {
            nodes.add(new HostAndPort(ClusterSeeds.host(node), ClusterSeeds.port(node)));
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(JEDIS_POOL_SIZE);
        pool.setMaxIdle(JEDIS_POOL_SIZE);
        int timeoutMillis = (int) COMMAND_TIMEOUT.toMillis();
        this.client = RedisClusterClient.builder()
                .nodes(nodes)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .socketTimeoutMillis(timeoutMillis)
                        .connectionTimeoutMillis(timeoutMillis)
                        .build())
                .poolConfig(pool)
                .build();
    }

    @Override
    public byte[] get(byte[] key) {
        return client.get(key);
    }

    @Override
    public void set(byte[] key, byte[] value) {
        client.set(key, value);
    }

    @Override
    public long incr(byte[] key) {
        return client.incr(key);
    }

    @Override
    public Object mget(byte[]... keys) {
        return client.mget(keys);
    }

    @Override
    public List<byte[]> mgetValues(byte[]... keys) {
        return client.mget(keys);
    }

    @Override
    public void pipelineSet(byte[][] keys, byte[] value) {
        try (ClusterPipeline pipeline = (ClusterPipeline) client.pipelined()) {
            for (byte[] key : keys) {
                pipeline.set(key, value);
            }
            pipeline.sync();
        }
    }

    @Override
    public String describe() {
        return "jedis " + Versions.JEDIS + " RedisClusterClient, pool of " + JEDIS_POOL_SIZE + " per node, timeout "
                + COMMAND_TIMEOUT.toMillis() + " ms";
    }

    @Override
    public void close() {
        client.close();
    }
}
