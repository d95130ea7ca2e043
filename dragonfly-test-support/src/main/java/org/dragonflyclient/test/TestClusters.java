package org.dragonflyclient.test;

/**
 * Where tests get a {@link TestCluster}: six {@code redis-server} processes on loopback, formed
 * into three masters with one replica each. The binary is the one {@link TestServers} would run:
 * the {@code redis-server} on the {@code PATH}, or embedded-redis's with
 * {@code DRAGONFLY_TEST_SERVER=embedded} (or when none is on the {@code PATH}). Dragonfly's own
 * cluster mode is managed by an outside controller and is not started here.
 *
 * <p>Forming takes a few seconds (Redis lets a fresh master report {@code cluster_state:ok} only
 * after about two seconds), so the {@linkplain #shared() shared} cluster is formed once per JVM.
 */
public final class TestClusters {

    private static final Object LOCK = new Object();
    private static LocalCluster shared;
    private static RuntimeException sharedFailure;

    private TestClusters() {}

    /**
     * Returns the cluster shared by every test in this JVM, forming it on first use. Tests may
     * stop, pause or fail over its nodes if they bring them back and call
     * {@link TestCluster#awaitStable()}; ones that leave it changed should use
     * {@link #startDedicated()}. {@link TestCluster#close() close()} does nothing on it; it is
     * stopped when the test run ends or the JVM exits.
     *
     * @return the shared cluster, formed
     * @throws IllegalStateException if no {@code redis-server} is allowed, or the cluster did not
     *     form; a second call fails the same way at once instead of trying again
     */
    public static TestCluster shared() {
        synchronized (LOCK) {
            if (sharedFailure != null) {
                throw new IllegalStateException(
                        "The shared test cluster failed to form earlier: " + sharedFailure.getMessage(), sharedFailure);
            }
            if (shared == null) {
                try {
                    shared = LocalCluster.form(TestServers.redisBinary(), true);
                } catch (RuntimeException e) {
                    sharedFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /**
     * Forms a cluster of its own, for tests that leave it changed.
     *
     * @return a formed cluster; the caller must {@linkplain TestCluster#close() close} it
     * @throws IllegalStateException if no {@code redis-server} is allowed, or the cluster did not
     *     form within a minute
     */
    public static TestCluster startDedicated() {
        return LocalCluster.form(TestServers.redisBinary(), false);
    }

    /** Stops the shared cluster; the next {@link #shared()} forms a new one. */
    static void stopShared() {
        LocalCluster stopping;
        synchronized (LOCK) {
            stopping = shared;
            shared = null;
        }
        if (stopping != null) {
            stopping.stop();
        }
    }
}
