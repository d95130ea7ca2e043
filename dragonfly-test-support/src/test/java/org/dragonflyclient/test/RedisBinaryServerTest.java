package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ServerSettings.Source;
import org.dragonflyclient.test.TestServer.Kind;

/** The {@code redis-server} on the PATH, forced with {@code DRAGONFLY_TEST_SERVER=binary}. */
class RedisBinaryServerTest {

    private static final ServerResolver BINARY =
            new ServerResolver(ServerSettings.defaults().withForced(Source.BINARY));

    @BeforeAll
    static void requireRedisServerOnPath() {
        assumeTrue(Executables.findOnPath("redis-server").isPresent(), "no redis-server on the PATH");
        assumeTrue(Executables.findOnPath("dragonfly").isEmpty(), "a dragonfly binary would be preferred");
    }

    @Test
    void startsRedisServerFromPath_withTheConfiguredOptions() throws Exception {
        Path executable = Executables.findOnPath("redis-server").orElseThrow();
        try (ManagedServer server = BINARY.startDedicated()) {
            assertThat(server.kind()).isEqualTo(Kind.REDIS_BINARY);
            assertThat(server.isDragonfly()).isFalse();
            assertThat(server.version())
                    .isEqualTo(Executables.redisVersion(executable).toString());
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isNotEqualTo(6379);
            assertThat(server.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
            assertThat(Probes.ping(server.port(), 1000)).isEqualTo("+PONG");
            assertThat(server.execute("CONFIG", "GET", "save")).isEqualTo("*2\r\n$4\r\nsave\r\n$0\r\n");
            assertThat(server.execute("CONFIG", "GET", "appendonly")).endsWith("$2\r\nno");
            assertThat(server.execute("CONFIG", "GET", "protected-mode")).endsWith("$2\r\nno");
            assertThat(server.execute("DEBUG", "SLEEP", "0")).isEqualTo("+OK");
        }
    }

    @Test
    void close_killsTheProcessAndFreesThePort() {
        ManagedServer server = BINARY.startDedicated();
        long pid = ((LocalServerProcess) server).pid();
        int port = server.port();

        server.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Probes.accepts(port)).isFalse();
    }

    @Test
    void dedicatedServers_getPortsOfTheirOwn() {
        try (ManagedServer first = BINARY.startDedicated();
                ManagedServer second = BINARY.startDedicated()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            first.execute("SET", "owner", "first");
            assertThat(second.execute("GET", "owner")).isEqualTo("$-1");
        }
    }
}
