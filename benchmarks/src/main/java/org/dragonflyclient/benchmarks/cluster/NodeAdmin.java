package org.dragonflyclient.benchmarks.cluster;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.JedisClusterCRC16;

import org.dragonflyclient.test.ClusterNode;

/**
 * One plain connection to one node, for what a scenario does to the cluster behind the client's
 * back ({@code CLUSTER SETSLOT}, {@code MIGRATE}) and what it reads from the servers
 * ({@code INFO errorstats}: how many {@code MOVED} and {@code ASK} replies they sent). Not
 * thread-safe: one per thread that uses it.
 */
final class NodeAdmin implements AutoCloseable {

    private final ClusterNode node;
    private final Jedis jedis;

    NodeAdmin(ClusterNode node) {
        this.node = node;
        this.jedis = new Jedis(node.host(), node.port(), 5_000);
    }

    ClusterNode node() {
        return node;
    }

    /** @return {@code [MOVED, ASK]} replies this node sent since it started */
    long[] redirectsSent() {
        long moved = 0;
        long ask = 0;
        for (String line : jedis.info("errorstats").split("\r\n")) {
            if (line.startsWith("errorstat_MOVED:")) {
                moved = count(line);
            } else if (line.startsWith("errorstat_ASK:")) {
                ask = count(line);
            }
        }
        return new long[] {moved, ask};
    }

    private static long count(String line) {
        // errorstat_MOVED:count=123
        return Long.parseLong(line.substring(line.indexOf("count=") + 6).split(",")[0]);
    }

    String command(String... args) {
        Object reply = jedis.sendCommand(
                Protocol.Command.valueOf(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
        return reply instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(reply);
    }

    void set(String key, String value) {
        jedis.set(key, value);
    }

    List<String> keysInSlot(int slot, int count) {
        return new ArrayList<>(jedis.clusterGetKeysInSlot(slot, count));
    }

    /** @return a hash tag whose keys all hash to {@code slot}, e.g. {@code "m1234"} */
    static String tagFor(int slot) {
        for (int i = 0; ; i++) {
            String tag = "m" + i;
            if (JedisClusterCRC16.getSlot(tag) == slot) {
                return tag;
            }
        }
    }

    @Override
    public void close() {
        jedis.close();
    }
}
