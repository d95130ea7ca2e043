package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TcpProxy;
import org.dragonflyclient.test.WithTestServer;

/**
 * The network between client and server goes away (a proxy in between is cut) while the server
 * keeps running with its data: nothing is queued, nothing runs late, memory stays bounded, and the
 * client comes back by itself with its whole handshake.
 */
@WithTestServer
class OutageTest {

    /** Length of the long outage; the issue asks for 60 s, overridable for quick local runs. */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 60));
    /** The stated bound on heap growth during the outage, measured after a full GC. */
    private static final long HEAP_BOUND_BYTES = 32L * 1024 * 1024;

    private static ClientOptions.Builder throughProxy(TcpProxy proxy) {
        return ClientOptions.fromUri(proxy.uri()).toBuilder()
                .timeout(Duration.ofMillis(500))
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(250));
    }

    @Test
    void commandThatFailedWhileDisconnected_neverRunsLater(ManagedServer server) throws Exception {
        try (TcpProxy proxy = TcpProxy.start(server);
                DragonflyClient client =
                        DragonflyClient.create(throughProxy(proxy).build())) {
            client.set("outage:counter", "0");

            proxy.cut();
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> client.incr("outage:counter"))
                        .isInstanceOfAny(DragonflyConnectionException.class, DragonflyTimeoutException.class);
            }
            assertThatThrownBy(() -> client.async().incr("outage:counter").join())
                    .hasCauseInstanceOf(DragonflyException.class);
            proxy.restore();

            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptionsInstanceOf(DragonflyException.class)
                    .untilAsserted(() -> assertThat(client.ping()).isEqualTo("PONG"));
            Thread.sleep(1000); // time for anything wrongly queued to run
            assertThat(client.get("outage:counter")).isEqualTo("0");
            assertThat(server.execute("GET", "outage:counter")).isEqualTo("$1\r\n0");
        }
    }

    @Test
    void longOutageUnderLoad_boundedHeapFailFastAndFullRecovery(ManagedServer server) throws Exception {
        assertThat(server.execute("ACL", "SETUSER", "svc", "on", ">svc-pass", "~*", "+@all"))
                .isEqualTo("+OK");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failFast = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong successes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (TcpProxy proxy = TcpProxy.start(server);
                DragonflyClient client =
                        DragonflyClient.create(ClientOptions.fromUri(
                                        "redis://svc:svc-pass@127.0.0.1:" + proxy.port() + "/2?clientName=outage-test")
                                .toBuilder()
                                .timeout(Duration.ofMillis(500))
                                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(500))
                                .build())) {
            AtomicBoolean outage = new AtomicBoolean();
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String key = "outage:" + t;
                load.add(pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            client.set(key, "v");
                            client.get(key);
                            successes.incrementAndGet();
                        } catch (DragonflyConnectionException e) {
                            if (outage.get()) {
                                failFast.incrementAndGet();
                            }
                        } catch (DragonflyTimeoutException e) {
                            if (outage.get()) {
                                timeouts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(500);
            long heapBefore = heapAfterGc(memory);

            outage.set(true);
            proxy.cut();
            long maxGrowth = 0;
            long end = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(5000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                maxGrowth = Math.max(maxGrowth, heapAfterGc(memory) - heapBefore);
                assertThat(client.openConnections()).isZero();
            }
            outage.set(false);
            proxy.restore();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> client.openConnections() == client.options().poolSize());
            long successesAfterRecovery = successes.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> successes.get() > successesAfterRecovery + 100);
            stop.set(true);
            for (Future<?> f : load) {
                f.get(10, TimeUnit.SECONDS);
            }

            assertThat(maxGrowth).as("heap growth during the outage").isLessThan(HEAP_BOUND_BYTES);
            // Calls fail at once while the server is known to be unreachable, rather than each
            // waiting for its timeout: timeouts only happen around the moment of the cut.
            assertThat(failFast.get()).isGreaterThan(10 * Math.max(1, timeouts.get()));
            assertThat(client.inFlightCommands()).isZero();
            String info = client.execute("CLIENT", "INFO").asString();
            assertThat(info).contains("user=svc").contains("db=2").contains("name=outage-test");
            assertThat(FailureTest.negotiatedProtocol(client))
                    .as("HELLO's proto after the recovery")
                    .isEqualTo(3);
            if (server.capabilities().clientListShowsResp()) {
                assertThat(info).contains("resp=3");
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void tenThousandFailedConnects_leaveFileDescriptorsAndThreadsFlat() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ClientOptions options = ClientOptions.builder().port(port).build();
        attemptConnect(options, 200); // warm-up: class loading, JIT
        long fdsBefore = openFileDescriptors();
        int threadsBefore = Thread.activeCount();

        attemptConnect(options, 10_000);

        assertThat(openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + 5);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
    }

    private static void attemptConnect(ClientOptions options, int times) {
        for (int i = 0; i < times; i++) {
            try {
                DragonflyClient.create(options).close();
                throw new AssertionError("connected to a closed port");
            } catch (DragonflyConnectionException expected) {
                // Refused, as it must be.
            }
        }
    }

    private static long openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    /**
     * The heap in use after a full GC, the least of three: the 16 load threads keep allocating
     * (exceptions, while failing fast) between the GC and the reading, and the least reading is
     * the one with the least of that garbage in it. Memory the client retains is in all three.
     */
    private static long heapAfterGc(MemoryMXBean memory) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
