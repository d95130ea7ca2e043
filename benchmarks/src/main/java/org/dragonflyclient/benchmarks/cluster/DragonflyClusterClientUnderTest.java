package org.dragonflyclient.benchmarks.cluster;

import java.time.Duration;

import org.dragonflyclient.benchmarks.client.DragonflyClientUnderTest;
import org.dragonflyclient.core.DragonflyClient;

/**
 * This project's client started from every node of the cluster with {@code ?cluster=true}, default
 * options otherwise (its default command timeout is {@link ClusterClientUnderTest#COMMAND_TIMEOUT}).
 * The operations are the single-server adapter's: the same API serves both.
 */
final class DragonflyClusterClientUnderTest extends DragonflyClientUnderTest implements ClusterClientUnderTest {

    DragonflyClusterClientUnderTest(ClusterSeeds seeds) {
        super(DragonflyClient.create("redis://" + seeds + "?cluster=true" + spinWait()));
    }

    /** As the single-server adapter: {@code -Dbenchmark.spinWaitMicros=N} for A/B runs of the spin budget. */
    private static String spinWait() {
        Duration spinWait = spinWaitOverride();
        return spinWait == null ? "" : "&spinWait=" + spinWait.toNanos() / 1000 + "us";
    }

    @Override
    public long incr(byte[] key) {
        return client.incr(key);
    }

    @Override
    public String describe() {
        return "dragonfly-core cluster client, default options (timeout "
                + client.options().timeout().toMillis() + " ms)";
    }
}
