package org.dragonflyclient.benchmarks.client;

import java.util.List;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.commands.JedisBinaryCommands;

import org.dragonflyclient.benchmarks.BenchmarkServer;

/**
 * Jedis 8 in one of its two recommended shapes: a plain {@link Jedis} connection for one thread
 * (no pool, no borrow/return, the fastest Jedis there is), or the thread-safe pooled
 * {@link RedisClient} (Jedis 8's replacement of {@code JedisPooled}) for many threads.
 */
final class JedisClientUnderTest implements ClientUnderTest {

    private final Jedis connection;
    private final RedisClient pooled;
    private final JedisBinaryCommands commands;
    private final String description;

    private JedisClientUnderTest(Jedis connection, RedisClient pooled, String description) {
        this.connection = connection;
        this.pooled = pooled;
        this.commands = connection != null ? connection : pooled;
        this.description = description;
    }

    static JedisClientUnderTest connection(BenchmarkServer server) {
        Jedis jedis = new Jedis(server.host(), server.port());
        jedis.ping();
        return new JedisClientUnderTest(jedis, null, "jedis " + Versions.JEDIS + ", one Jedis connection");
    }

    static JedisClientUnderTest pool(BenchmarkServer server, int size) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(size);
        pool.setMaxIdle(size);
        pool.setMinIdle(size);
        RedisClient client = RedisClient.builder()
                .hostAndPort(new HostAndPort(server.host(), server.port()))
                .poolConfig(pool)
                .build();
        client.ping();
        return new JedisClientUnderTest(null, client, "jedis " + Versions.JEDIS + ", RedisClient pool of " + size);
    }

    @Override
    public byte[] get(byte[] key) {
        return commands.get(key);
    }

    @Override
    public void set(byte[] key, byte[] value) {
        commands.set(key, value);
    }

    @Override
    public Object mget(byte[]... keys) {
        return commands.mget(keys);
    }

    @Override
    public List<byte[]> mgetValues(byte[]... keys) {
        return commands.mget(keys);
    }

    @Override
    public void pipelineSet(byte[][] keys, byte[] value) {
        if (connection == null) {
            throw new UnsupportedOperationException("pipelines are measured on a single Jedis connection");
        }
        Pipeline pipeline = connection.pipelined();
        for (byte[] key : keys) {
            pipeline.set(key, value);
        }
        pipeline.sync();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        } else {
            pooled.close();
        }
    }
}
