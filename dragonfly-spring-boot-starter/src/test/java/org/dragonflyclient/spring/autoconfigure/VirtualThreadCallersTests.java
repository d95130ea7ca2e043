package org.dragonflyclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.test.TestServer;

/**
 * Callers on virtual threads (Java 21+; skipped on 17), as with
 * {@code spring.threads.virtual.enabled=true}: many of them share the auto-configured client and
 * cache against the shared test server. Checks that every answer is right, that no virtual thread
 * is pinned with this project's code on its stack (JFR's {@code jdk.VirtualThreadPinned}, any
 * duration), and that the callers do not make the JVM start a platform thread per call.
 */
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need Java 21 or later")
class VirtualThreadCallersTests {

    private static final TestServer SERVER = TestClients.server();

    private static final int WARM_UP_CALLERS = 200;
    private static final int CALLERS = 1000;
    private static final int CALLS_EACH = 20;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DragonflyAutoConfiguration.class,
                    DragonflyCacheAutoConfiguration.class,
                    CacheAutoConfiguration.class))
            .withUserConfiguration(CachingApplication.class)
            .withPropertyValues("dragonfly.url=" + SERVER.uri());

    @Test
    void manyVirtualThreadCallers_getTheirOwnAnswers_withoutPinningOrAThreadPerCall() {
        runner.run(context -> {
            DragonflyClient client = context.getBean(DragonflyClient.class);
            Cache cache = context.getBean(CacheManager.class).getCache("virtual-" + UUID.randomUUID());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            // A first round loads and initialises the classes on the path: a virtual thread that
            // waits for another to finish loading or initialising a class is pinned meanwhile
            // (still so on Java 25), once per class and JVM. The recording is of the steady state.
            runCallers(WARM_UP_CALLERS, client, cache);
            try (Recording recording = new Recording()) {
                recording
                        .enable("jdk.VirtualThreadPinned")
                        .withThreshold(Duration.ZERO)
                        .withStackTrace();
                recording.start();
                int platformThreadsBefore = threads.getThreadCount();
                threads.resetPeakThreadCount();

                runCallers(CALLERS, client, cache);
                int extraPlatformThreads = threads.getPeakThreadCount() - platformThreadsBefore;
                recording.stop();

                // The carriers (one per core) and the client's own few threads, not one per caller.
                assertThat(extraPlatformThreads)
                        .as("platform threads started during %d callers", CALLERS)
                        .isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 8);
                assertThat(pinnedWithOurCode(recording))
                        .as("virtual threads pinned in this project's code")
                        .isEmpty();
            }
        });
    }

    @Test
    void virtualThread_cannotReadItsCpuTime_soTheSpinWaitCountsWallTime() throws Exception {
        // The premise of the core's spin-wait fallback (SpinWait): the JVM answers -1 here.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService executor = virtualThreadPerTaskExecutor();
        try {
            long cpu = executor.submit(threads::getCurrentThreadCpuTime).get();
            assertThat(cpu).isEqualTo(-1);
        } finally {
            executor.shutdownNow();
        }
        assertThat(threads.getCurrentThreadCpuTime())
                .as("a platform thread can read it")
                .isNotNegative();
    }

    /** Runs each caller on a virtual thread of its own and checks that each got all its answers right. */
    private static void runCallers(int callers, DragonflyClient client, Cache cache) throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        ExecutorService executor = virtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(executor.submit(callsOf(i, client, cache)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(CALLS_EACH);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** One caller: puts and reads its own keys through the cache, and through the client directly. */
    private static Callable<Integer> callsOf(int caller, DragonflyClient client, Cache cache) {
        return () -> {
            int correct = 0;
            for (int n = 0; n < CALLS_EACH; n++) {
                String key = caller + ":" + n;
                cache.put(key, caller * 1000 + n);
                Cache.ValueWrapper cached = cache.get(key);
                client.set("virtual-" + key, key);
                if (cached != null
                        && Integer.valueOf(caller * 1000 + n).equals(cached.get())
                        && key.equals(client.get("virtual-" + key))) {
                    correct++;
                }
                client.del("virtual-" + key);
            }
            return correct;
        };
    }

    /**
     * A wait for another thread to initialise a class: the JVM pins for it once per class, whoever
     * calls. The warm-up round initialises the classes of our path, but the recording itself makes
     * the first {@code Throwable} after its start initialise JFR's {@code ThrowableTracer} (seen on
     * Java 25 when two callers' reads timed out at once), so such waits are no monitor of ours.
     */
    private static boolean isClassInitialisation(RecordedEvent event) {
        return event.hasField("pinnedReason")
                && String.valueOf(event.getValue("pinnedReason")).startsWith("Waited for initialization of");
    }

    private static List<String> pinnedWithOurCode(Recording recording) throws Exception {
        Path file = Files.createTempFile("virtual-pinned", ".jfr");
        try {
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
                    .filter(event -> !isClassInitialisation(event))
                    .filter(VirtualThreadCallersTests::hasOurFrame)
                    .map(RecordedEvent::toString)
                    .collect(Collectors.toList());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean hasOurFrame(RecordedEvent event) {
        return event.getStackTrace() != null
                && event.getStackTrace().getFrames().stream()
                        .map(RecordedFrame::getMethod)
                        .anyMatch(method -> method.getType().getName().startsWith("org.dragonflyclient."));
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up because the build targets Java 17. */
    private static ExecutorService virtualThreadPerTaskExecutor() throws ReflectiveOperationException {
        return (ExecutorService)
                Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class CachingApplication {}
}
