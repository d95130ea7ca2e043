package org.dragonflyclient.benchmarks.cluster;

import java.util.List;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.Pipeline;

/**
 * This project's client started from every node of the cluster with {@code ?cluster=true}, default
 * options otherwise (its default command timeout is {@link ClusterClientUnderTest#COMMAND_TIMEOUT}).
 */
final class DragonflyClusterClientUnderTest implements ClusterClientUnderTest {

    private final DragonflyClient client;

    DragonflyClusterClientUnderTest(ClusterSeeds seeds) {
        this.client = DragonflyClient.create("redis://" + seeds + "?cluster=true");
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
        try (Pipeline pipeline = client.pipeline()) {
            for (byte[] key : keys) {
                pipeline.set(key, value);
            }
            pipeline.sync();
        }
    }

    @Override
    public String describe() {
        return "dragonfly-core cluster client, default options (timeout "
                + client.options().timeout().toMillis() + " ms)";
    }

    @Override
    public void close() {
        client.close();
    }
}
