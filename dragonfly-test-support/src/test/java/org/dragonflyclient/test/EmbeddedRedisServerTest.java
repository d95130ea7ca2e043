package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ServerSettings.Source;
import org.dragonflyclient.test.TestServer.Kind;

/** The binary inside the embedded-redis jar, forced with {@code DRAGONFLY_TEST_SERVER=embedded}. */
class EmbeddedRedisServerTest {

    private static final ServerResolver EMBEDDED =
            new ServerResolver(ServerSettings.defaults().withForced(Source.EMBEDDED));

    @Test
    void extractsTheBinaryForThisPlatform() throws Exception {
        assertThat(Files.isExecutable(EmbeddedRedisBinary.path())).isTrue();
        assertThat(EmbeddedRedisBinary.path().getFileName().toString()).startsWith("redis-server-");
        assertThat(EmbeddedRedisBinary.path()).isSameAs(EmbeddedRedisBinary.path());
    }

    @Test
    void startsEmbeddedRedis_withDebugAllowedAndNoPersistence() throws Exception {
        try (ManagedServer server = EMBEDDED.startDedicated()) {
            assertThat(server.kind()).isEqualTo(Kind.EMBEDDED_REDIS);
            assertThat(server.isDragonfly()).isFalse();
            assertThat(server.version()).startsWith("6.");
            assertThat(Probes.ping(server.port(), 1000)).isEqualTo("+PONG");
            // Redis 6 allows DEBUG by default and rejects enable-debug-command as unknown.
            assertThat(server.execute("DEBUG", "SLEEP", "0")).isEqualTo("+OK");
            assertThat(server.execute("CONFIG", "GET", "save")).isEqualTo("*2\r\n$4\r\nsave\r\n$0\r\n");
        }
    }

    @Test
    void close_killsTheProcess() {
        ManagedServer server = EMBEDDED.startDedicated();
        long pid = ((LocalServerProcess) server).pid();

        server.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Probes.accepts(server.port())).isFalse();
    }
}
