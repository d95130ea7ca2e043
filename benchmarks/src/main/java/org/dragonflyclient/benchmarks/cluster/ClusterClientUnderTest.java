package org.dragonflyclient.benchmarks.cluster;

import java.time.Duration;
import java.util.List;

/**
 * The operations the cluster workloads and scenarios need, over one library's cluster client each:
 * this project's client started from seed nodes with {@code ?cluster=true}, Lettuce's
 * {@code RedisClusterClient} and Jedis 8's {@code RedisClusterClient}. All three use the same
 * command timeout ({@link #COMMAND_TIMEOUT}), so the failover scenario can hold each to its own
 * promise; otherwise each is used as its documentation recommends (see the implementations).
 */
public interface ClusterClientUnderTest extends AutoCloseable {

    /** {@code @Param} value of this project's client. */
    String DRAGONFLY = "dragonfly";
    /** {@code @Param} value of Jedis. */
    String JEDIS = "jedis";
    /** {@code @Param} value of Lettuce. */
    String LETTUCE = "lettuce";

    /** Every client's command timeout: this project's default, set explicitly on the peers. */
    Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    /** Connections per node in Jedis's pools: as the single-node workloads' Jedis pool. */
    int JEDIS_POOL_SIZE = 16;

    /**
     * @param library {@link #DRAGONFLY}, {@link #JEDIS} or {@link #LETTUCE}
     * @param seeds where the cluster is
     * @return a connected client that has read the cluster's topology
     */
    static ClusterClientUnderTest open(String library, ClusterSeeds seeds) {
        return switch (library) {
            case DRAGONFLY -> new DragonflyClusterClientUnderTest(seeds);
            case JEDIS -> new JedisClusterClientUnderTest(seeds);
            case LETTUCE -> new LettuceClusterClientUnderTest(seeds);
            default ->
                throw new IllegalArgumentException(
                        "Unknown library " + library + "; expected " + DRAGONFLY + ", " + JEDIS + " or " + LETTUCE);
        };
    }

    /** @return the value of {@code key}, or {@code null} */
    byte[] get(byte[] key);

    /** Sets {@code key} to {@code value}. */
    void set(byte[] key, byte[] value);

    /** @return {@code key}'s value after {@code INCR} */
    long incr(byte[] key);

    /**
     * {@code MGET} over keys of many slots, returning the library's own reply unconverted.
     *
     * @return the library's reply, to be consumed by a {@code Blackhole}
     */
    Object mget(byte[]... keys);

    /** @return {@code MGET}'s values in key order, for checks outside the measurement */
    List<byte[]> mgetValues(byte[]... keys);

    /** Sends one {@code SET} per key (keys of many slots) as one explicit pipeline and awaits every reply. */
    void pipelineSet(byte[][] keys, byte[] value);

    /** @return a one-line description: library, version, settings that differ from its defaults */
    String describe();

    @Override
    void close();
}
