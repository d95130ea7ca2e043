package org.dragonflyclient.core;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Base of tests that run each case over RESP3 and RESP2, whose replies to the same command can
 * have different types: one client per protocol on the shared server, and keys unique per test
 * method and protocol.
 */
@WithTestServer
abstract class BothProtocolsTest {

    private static final Map<Protocol, DragonflyClient> CLIENTS = new EnumMap<>(Protocol.class);

    @BeforeAll
    static void connect(TestServer server) {
        for (Protocol protocol : Protocol.values()) {
            CLIENTS.put(
                    protocol,
                    DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                            .protocol(protocol)
                            .build()));
        }
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(DragonflyClient::close);
        CLIENTS.clear();
    }

    static DragonflyClient client(Protocol protocol) {
        return CLIENTS.get(protocol);
    }

    static String key(TestInfo test, Protocol protocol, String name) {
        return "types:" + test.getTestClass().orElseThrow().getSimpleName() + ":"
                + test.getTestMethod().orElseThrow().getName() + ":" + protocol + ":" + name;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
