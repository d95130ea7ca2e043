package org.dragonflyclient.spring;

import org.springframework.beans.factory.config.BeanDefinitionCustomizer;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.TestServers;

/** One client on the shared test server for the whole test JVM, closed when the JVM exits. */
public final class TestClients {

    private static DragonflyClient shared;

    private TestClients() {}

    /** @return the shared server, started on first use */
    public static TestServer server() {
        return TestServers.shared();
    }

    /**
     * Registers the shared client as a bean that the context must not close: Spring closes every
     * {@code AutoCloseable} bean by default.
     *
     * @return a customizer for {@code withBean(DragonflyClient.class, TestClients::shared, notClosed())}
     */
    public static BeanDefinitionCustomizer notClosed() {
        return definition -> definition.setDestroyMethodName("");
    }

    /** @return a client connected to the shared server; do not close it */
    public static synchronized DragonflyClient shared() {
        if (shared == null) {
            DragonflyClient client = DragonflyClient.create(server().uri());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "close-shared-test-client"));
            shared = client;
        }
        return shared;
    }
}
