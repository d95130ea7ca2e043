package org.dragonflyclient.benchmarks.cluster;

import java.time.Duration;

import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * The single-node workloads' operations and {@code INCR}, over one library's cluster client each:
 * this project's client started from seed nodes with {@code ?cluster=true}, Lettuce's
 * {@code RedisClusterClient} and Jedis 8's {@code RedisClusterClient}. All three use the same
 * command timeout ({@link #COMMAND_TIMEOUT}), so the failover scenario can hold each to its own
 * promise; otherwise each is used as its documentation recommends (see the implementations).
 * {@code mget} and {@code pipelineSet} take keys of many slots.
 */
public interface ClusterClientUnderTest extends ClientUnderTest {

    /** Every client's command timeout: this project's default, set explicitly on the peers. */
    Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

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

    /**
     * @param key the counter
     * @return its value after {@code INCR}
     */
    long incr(byte[] key);
}
