package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The scripted Dragonfly on its own: the SCAN walk keeps its promise while keys are deleted under
 * it, glob patterns match as Redis's do, and the protocol state of a connection is its own.
 */
class DragonflyModeTest {

    @Test
    void scan_returnsEveryKeyPresentThroughout_evenWhileTheWalkDeletesWhatItSaw() {
        ScriptedKeySpace keys = new ScriptedKeySpace();
        for (int i = 0; i < 1000; i++) {
            keys.put("k" + i, "v", 0);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        do {
            ScriptedKeySpace.Page page = keys.scan(cursor, "*", 7);
            page.keys().forEach(keys::remove);
            seen.addAll(page.keys());
            cursor = Long.parseUnsignedLong(page.cursor());
            assertThat(cursor == 0 || cursor < 0)
                    .as("a cursor above 2^63, or 0 at the end")
                    .isTrue();
        } while (cursor != 0);

        assertThat(seen).hasSize(1000);
        assertThat(keys.size()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> keys.scan(12345, "*", 10));
    }

    @Test
    void emptyShards_giveEmptyPagesWithACursor() {
        ScriptedKeySpace keys = new ScriptedKeySpace();
        ScriptedKeySpace.Page first = keys.scan(0, "*", 10);
        assertThat(first.keys()).isEmpty();
        assertThat(first.cursor()).isNotEqualTo("0");
    }

    @Test
    void globPatterns() {
        assertThat(ScriptedKeySpace.Glob.matches("books::*", "books::978")).isTrue();
        assertThat(ScriptedKeySpace.Glob.matches("books::*", "book::978")).isFalse();
        assertThat(ScriptedKeySpace.Glob.matches("h?llo", "hallo")).isTrue();
        assertThat(ScriptedKeySpace.Glob.matches("h[ae]llo", "hello")).isTrue();
        assertThat(ScriptedKeySpace.Glob.matches("h[^e]llo", "hello")).isFalse();
        assertThat(ScriptedKeySpace.Glob.matches("h[a-c]llo", "hbllo")).isTrue();
        assertThat(ScriptedKeySpace.Glob.matches("a\\*b", "a*b")).isTrue();
        assertThat(ScriptedKeySpace.Glob.matches("a\\*b", "axb")).isFalse();
        assertThat(ScriptedKeySpace.Glob.matches("*", "")).isTrue();
    }

    @Test
    void eachConnectionKeepsItsOwnProtocol_andTrackingFollowsDragonflysRules() throws Exception {
        DragonflyMode dragonfly = new DragonflyMode();
        try (ScriptedServer server = ScriptedServer.start(dragonfly);
                Socket resp2 = connect(server);
                Socket resp3 = connect(server)) {
            assertThat(call(resp3, "HELLO", "3")).startsWith("%7\r\n").contains("dragonfly_version");
            assertThat(call(resp2, "CLIENT", "TRACKING", "ON")).isEqualTo("-" + DragonflyMode.TRACKING_ON_RESP2);
            assertThat(call(resp3, "CLIENT", "TRACKING", "ON", "BCAST")).isEqualTo("-ERR syntax error");
            assertThat(call(resp3, "GET", "missing")).isEqualTo("_");
            assertThat(call(resp2, "GET", "missing")).isEqualTo("$-1");

            assertThat(call(resp3, "CLIENT", "TRACKING", "ON")).isEqualTo("+OK");
            assertThat(call(resp3, "GET", "watched")).isEqualTo("_");
            assertThat(call(resp2, "SET", "watched", "new")).isEqualTo("+OK");
            assertThat(Resp.readReply(new BufferedInputStream(resp3.getInputStream())))
                    .isEqualTo(">2\r\n$10\r\ninvalidate\r\n*1\r\n$7\r\nwatched");
            assertThat(dragonfly.commandCount("get")).isEqualTo(3);
        }
    }

    private static Socket connect(ScriptedServer server) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
        return socket;
    }

    /** One command and its reply on a connection that stays open; unbuffered so no reply is read ahead. */
    private static String call(Socket socket, String... command) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(Resp.encode(command));
        out.flush();
        InputStream in = socket.getInputStream();
        return Resp.readReply(in);
    }
}
