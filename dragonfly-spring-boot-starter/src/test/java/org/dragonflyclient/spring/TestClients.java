package org.dragonflyclient.spring;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.TestServers;

/** One client on the shared test server for the whole test JVM, closed when the JVM exits. */
public final class TestClients {

    private static DragonflyClient shared;

    private TestClients() {
    }

    /** @return the shared server, started on first use */
    public static TestServer server() {
        return TestServers.shared();
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
