package org.dragonflyclient.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects test servers into test methods, constructors and lifecycle methods:
 * <ul>
 *   <li>a {@link TestServer} parameter gets the {@linkplain TestServers#shared() shared} server,
 *       which is stopped when the whole test run ends;</li>
 *   <li>a {@link ManagedServer} parameter gets a {@linkplain TestServers#startDedicated() dedicated}
 *       server, closed when the scope that asked for it ends: after the test for a test,
 *       {@code @BeforeEach} or constructor parameter (one test instance per test), after the class
 *       for a {@code @BeforeAll} parameter or a constructor under
 *       {@code @TestInstance(PER_CLASS)}.</li>
 *   <li>a {@link TestCluster} parameter gets the {@linkplain TestClusters#shared() shared}
 *       cluster, which is stopped when the whole test run ends.</li>
 * </ul>
 * Servers are held in JUnit's {@link ExtensionContext.Store} as {@link AutoCloseable} values, the
 * shared one in the root context's store, so JUnit closes them when their context ends.
 * Usually applied through {@link WithTestServer}.
 */
public final class TestServerExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(TestServerExtension.class);

    /** Creates the extension; JUnit calls this. */
    public TestServerExtension() {}

    /**
     * Supports parameters declared exactly as {@link TestServer}, {@link ManagedServer} or
     * {@link TestCluster}.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current context
     * @return {@code true} for the two server types and the cluster
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestServer.class || type == ManagedServer.class || type == TestCluster.class;
    }

    /**
     * Returns the shared server, a new dedicated one registered to be closed with its context, or
     * the shared cluster.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current context
     * @return the server or cluster
     * @throws IllegalStateException if no server could be started or the cluster did not form
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == TestCluster.class) {
            extensionContext
                    .getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(
                            SharedClusterLease.class, key -> new SharedClusterLease(), SharedClusterLease.class);
            return TestClusters.shared();
        }
        if (parameterContext.getParameter().getType() == TestServer.class) {
            extensionContext
                    .getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(SharedServerLease.class, key -> new SharedServerLease(), SharedServerLease.class);
            return TestServers.shared();
        }
        ManagedServer server = TestServers.startDedicated();
        extensionContext.getStore(NAMESPACE).put(new Object(), server);
        return server;
    }

    /**
     * Gives a constructor the context of the test it is created for, so that a {@link ManagedServer}
     * constructor parameter lives as long as the test instance: one test under the default
     * per-method lifecycle.
     *
     * @param rootContext the root context
     * @return {@link ExtensionContextScope#TEST_METHOD}
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    /** Stops the shared server when the root context, that is the whole test run, ends. */
    private static final class SharedServerLease implements AutoCloseable {

        @Override
        public void close() {
            TestServers.stopShared();
        }
    }

    /** Stops the shared cluster when the root context, that is the whole test run, ends. */
    private static final class SharedClusterLease implements AutoCloseable {

        @Override
        public void close() {
            TestClusters.stopShared();
        }
    }
}
