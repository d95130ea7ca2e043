package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

/** Stop, start, pause and resume on a dedicated server, checked with plain sockets. */
@WithTestServer
class ManagedServerTest {

    @Test
    void stopThenStart_comesBackOnTheSamePort(ManagedServer server) throws Exception {
        int port = server.port();

        server.stop();
        assertThat(Probes.accepts(port)).isFalse();

        server.start();
        assertThat(server.port()).isEqualTo(port);
        assertThat(Probes.ping(port, 1000)).isEqualTo("+PONG");
    }

    @Test
    void restart_losesTheData_becauseNothingIsPersisted(ManagedServer server) {
        assertThat(server.execute("SET", "greeting", "hello")).isEqualTo("+OK");
        assertThat(server.execute("GET", "greeting")).isEqualTo("$5\r\nhello");

        server.restart();

        assertThat(server.execute("GET", "greeting")).isEqualTo("$-1");
    }

    @Test
    void pause_makesPingTimeOut_andResume_answersIt(ManagedServer server) throws Exception {
        server.pause();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), 1000);
            socket.setSoTimeout(300);
            Probes.send(socket.getOutputStream(), Probes.PING);
            InputStream in = socket.getInputStream();

            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

            server.resume();
            socket.setSoTimeout(2000);
            assertThat(Probes.readLine(in)).isEqualTo("+PONG");
        }
        assertThat(Probes.ping(server.port(), 1000)).isEqualTo("+PONG");
    }

    @Test
    void stop_whilePaused_doesNotWaitForTheGracePeriod(ManagedServer server) {
        server.pause();
        long start = System.nanoTime();

        server.stop();

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
        assertThat(Probes.accepts(server.port())).isFalse();
    }

    @Test
    void execute_returnsRawReplies(ManagedServer server) throws Exception {
        try (Socket victim = new Socket(server.host(), server.port())) {
            assertThat(server.execute("CLIENT", "KILL", "TYPE", "normal")).isEqualTo(":1");
            victim.setSoTimeout(1000);
            assertThat(victim.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(server.execute("DEBUG", "SLEEP", "0")).isEqualTo("+OK");
        assertThat(server.execute("NO-SUCH-COMMAND")).startsWith("-ERR");
        assertThat(server.execute("INCRBY", "counter", "2")).isEqualTo(":2");
        assertThat(server.execute("RPUSH", "list", "a", "b")).isEqualTo(":2");
        assertThat(server.execute("LRANGE", "list", "0", "-1")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb");
    }

    @Test
    void pauseAndResume_requireARunningServer(ManagedServer server) {
        server.stop();

        assertThatThrownBy(server::pause)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertThatThrownBy(server::resume).isInstanceOf(IllegalStateException.class);
    }
}
