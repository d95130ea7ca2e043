package org.dragonflyclient.benchmarks.client;

import java.util.List;

import org.dragonflyclient.benchmarks.BenchmarkServer;

/**
 * The few operations the workloads need, over one library each. A fork loads a single
 * implementation, so the JIT sees one receiver type and inlines the call: the adapter costs
 * nothing measurable. Each implementation uses its library the way its documentation recommends
 * for the situation (see the factory methods), without tuning that an application would not do.
 */
public interface ClientUnderTest extends AutoCloseable {

    /** {@code @Param} value of this project's client. */
    String DRAGONFLY = "dragonfly";
    /** {@code @Param} value of Jedis. */
    String JEDIS = "jedis";
    /** {@code @Param} value of Lettuce. */
    String LETTUCE = "lettuce";

    /** Connections in the Jedis pool of the multi-threaded workloads, as the issue asks. */
    int JEDIS_POOL_SIZE = 16;

    /**
     * A client for workloads with a single calling thread. Jedis is a plain {@code Jedis}
     * connection (its fastest form, no pool); Lettuce one connection; ours with its default pool.
     *
     * @param library {@link #DRAGONFLY}, {@link #JEDIS} or {@link #LETTUCE}
     * @param server where to connect
     * @return a connected client
     */
    static ClientUnderTest forOneThread(String library, BenchmarkServer server) {
        return switch (library) {
            case DRAGONFLY -> new DragonflyClientUnderTest(server, 0);
            case JEDIS -> JedisClientUnderTest.connection(server);
            case LETTUCE -> new LettuceClientUnderTest(server);
            default -> throw unknown(library);
        };
    }

    /**
     * One client object shared by every benchmark thread. Jedis is Jedis 8's pooled
     * {@code RedisClient} with {@value #JEDIS_POOL_SIZE} connections; Lettuce one shared
     * connection (its recommended use); ours with its default pool.
     *
     * @param library {@link #DRAGONFLY}, {@link #JEDIS} or {@link #LETTUCE}
     * @param server where to connect
     * @return a connected client
     */
    static ClientUnderTest sharedByThreads(String library, BenchmarkServer server) {
        return switch (library) {
            case DRAGONFLY -> new DragonflyClientUnderTest(server, 0);
            case JEDIS -> JedisClientUnderTest.pool(server, JEDIS_POOL_SIZE);
            case LETTUCE -> new LettuceClientUnderTest(server);
            default -> throw unknown(library);
        };
    }

    /**
     * This project's client with an explicit pool size, for the pool-size comparison.
     *
     * @param server where to connect
     * @param poolSize number of multiplexed connections
     * @return a connected client
     */
    static ClientUnderTest dragonfly(BenchmarkServer server, int poolSize) {
        return new DragonflyClientUnderTest(server, poolSize);
    }

    private static IllegalArgumentException unknown(String library) {
        return new IllegalArgumentException(
                "Unknown library " + library + "; expected " + DRAGONFLY + ", " + JEDIS + " or " + LETTUCE);
    }

    /**
     * @param key the key
     * @return the value, or {@code null}
     */
    byte[] get(byte[] key);

    /**
     * @param key the key
     * @param value the value
     */
    void set(byte[] key, byte[] value);

    /**
     * MGET, returning the library's own reply type unconverted, so only the library's work is
     * measured.
     *
     * @param keys the keys
     * @return the library's reply, to be consumed by a {@code Blackhole}
     */
    Object mget(byte[]... keys);

    /**
     * MGET converted to plain values, for checks outside the measurement.
     *
     * @param keys the keys
     * @return the values in key order
     */
    List<byte[]> mgetValues(byte[]... keys);

    /**
     * Sends one SET per key in a single explicit pipeline and waits for every reply.
     *
     * @param keys the keys
     * @param value the value written to each key
     */
    void pipelineSet(byte[][] keys, byte[] value);

    /** @return a one-line description for the benchmark log: library, version, connections */
    String describe();

    @Override
    void close();
}
