package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small test classes through a JUnit launcher of their own, so that what happens after
 * them (servers closed at the end of a test, of a class, of the run) can be checked.
 */
class TestServerExtensionTest {

    @Test
    void methodAndBeforeAllParameters_areClosedWithTheirScope_andTheSharedServerWithTheRun() {
        MethodAndClassScoped.reset();

        TestExecutionSummary summary = run(MethodAndClassScoped.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(MethodAndClassScoped.methodPorts)
                .hasSize(2)
                .doesNotHaveDuplicates()
                .noneMatch(Probes::accepts);
        assertThat(MethodAndClassScoped.classPorts).hasSize(1).noneMatch(Probes::accepts);
        // Both tests saw the same shared server, and the end of the run stopped it.
        assertThat(MethodAndClassScoped.sharedPorts).hasSize(2).containsOnly(MethodAndClassScoped.sharedPorts.get(0));
        if (MethodAndClassScoped.sharedKind != TestServer.Kind.EXTERNAL) {
            assertThat(Probes.accepts(MethodAndClassScoped.sharedPorts.get(0))).isFalse();
        }
    }

    @Test
    void constructorParameters_liveAsLongAsTheTestInstance() {
        ConstructorScoped.ports.clear();

        TestExecutionSummary summary = run(ConstructorScoped.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(ConstructorScoped.ports).hasSize(2).doesNotHaveDuplicates().noneMatch(Probes::accepts);
    }

    @Test
    void sharedServer_isTheSameObjectEachTime_andIgnoresClose() {
        TestServer shared = TestServers.shared();

        shared.close();

        assertThat(TestServers.shared()).isSameAs(shared);
        assertThat(Probes.accepts(shared.port())).isTrue();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(testClass))
                                .build(),
                        listener);
        return listener.getSummary();
    }

    /** Not run by the build (a nested class); run by the tests above. */
    @WithTestServer
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class MethodAndClassScoped {

        static final List<Integer> methodPorts = new CopyOnWriteArrayList<>();
        static final List<Integer> classPorts = new CopyOnWriteArrayList<>();
        static final List<Integer> sharedPorts = new CopyOnWriteArrayList<>();
        static volatile TestServer.Kind sharedKind;
        private static ManagedServer classServer;

        static void reset() {
            methodPorts.clear();
            classPorts.clear();
            sharedPorts.clear();
        }

        @BeforeAll
        static void startClassServer(ManagedServer server) {
            classServer = server;
            classPorts.add(server.port());
        }

        @Test
        void first(ManagedServer server, TestServer shared) throws Exception {
            record(server, shared);
        }

        @Test
        void second(ManagedServer server, TestServer shared) throws Exception {
            assertThat(Probes.accepts(methodPorts.get(0)))
                    .as("the first test's server is closed")
                    .isFalse();
            record(server, shared);
        }

        private static void record(ManagedServer server, TestServer shared) throws Exception {
            assertThat(server.port()).isNotEqualTo(classServer.port()).isNotEqualTo(shared.port());
            assertThat(Probes.ping(classServer.port(), 1000)).isEqualTo("+PONG");
            methodPorts.add(server.port());
            sharedPorts.add(shared.port());
            sharedKind = shared.kind();
        }
    }

    /** Not run by the build (a nested class); run by the tests above. */
    @WithTestServer
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ConstructorScoped {

        static final List<Integer> ports = new CopyOnWriteArrayList<>();
        private final ManagedServer server;

        ConstructorScoped(ManagedServer server) {
            this.server = server;
            ports.add(server.port());
        }

        @Test
        void first() throws Exception {
            assertThat(Probes.ping(server.port(), 1000)).isEqualTo("+PONG");
        }

        @Test
        void second() throws Exception {
            assertThat(Probes.ping(server.port(), 1000)).isEqualTo("+PONG");
            assertThat(Probes.accepts(ports.get(0)))
                    .as("the first instance's server is closed")
                    .isFalse();
        }
    }
}
