package org.dragonflyclient.core.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.DragonflyTimeoutException;
import org.dragonflyclient.core.NearCacheOptions;
import org.dragonflyclient.test.ScriptedServer;

/**
 * The near cache's read path where a real server would not misbehave on purpose: a {@code GET}
 * that fails, a {@code PTTL} that fails, a reply that never comes. Whatever happens, the read
 * removes its token, so pending reads stay bounded by reads in flight.
 */
class DefaultNearCacheTest {

    private static final String HELLO_REPLY = "%1\r\n$6\r\nserver\r\n$8\r\nscripted\r\n";

    /** A tracking-capable server: GET "wrong" fails, "silent" is never answered, PTTL "nottl" fails. */
    private static ScriptedServer server() {
        return ScriptedServer.start((in, out) -> {
            for (List<String> command; (command = ScriptedServer.readCommand(in)) != null; ) {
                String key = command.size() > 1 ? command.get(1) : "";
                String reply = switch (command.get(0)) {
                    case "HELLO" -> HELLO_REPLY;
                    case "CLIENT" -> "+OK\r\n";
                    case "GET" ->
                        switch (key) {
                            case "wrong" -> "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
                            case "silent" -> null;
                            default -> "$1\r\nv\r\n";
                        };
                    case "PTTL" ->
                        switch (key) {
                            case "nottl" -> "-ERR unknown command 'PTTL'\r\n";
                            case "silent" -> null;
                            default -> ":-1\r\n";
                        };
                    case "PING" -> "+PONG\r\n";
                    default -> "+OK\r\n";
                };
                if (reply != null) {
                    ScriptedServer.write(out, reply);
                }
            }
        });
    }

    private static DragonflyClient client(ScriptedServer server) {
        return DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .poolSize(1)
                .timeout(Duration.ofMillis(300))
                .tracking(true)
                .build());
    }

    @Test
    void failedGet_throwsItsError_andLeavesNoToken() {
        try (ScriptedServer server = server();
                DragonflyClient client = client(server)) {
            DefaultNearCache near = (DefaultNearCache) client.nearCache(NearCacheOptions.defaults());

            assertThatThrownBy(() -> near.get("wrong"))
                    .isInstanceOf(DragonflyServerException.class)
                    .hasMessageContaining("WRONGTYPE");
            assertThatThrownBy(() -> near.getAsync("wrong".getBytes()).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(DragonflyServerException.class);

            assertThat(near.pendingReads()).isZero();
            assertThat(near.size()).isZero();
        }
    }

    @Test
    void failedPttl_returnsTheValue_butKeepsNothing() {
        try (ScriptedServer server = server();
                DragonflyClient client = client(server)) {
            DefaultNearCache near = (DefaultNearCache) client.nearCache(NearCacheOptions.defaults());

            assertThat(near.get("nottl")).isEqualTo("v");
            assertThat(near.getAsync("nottl".getBytes()).join()).containsExactly('v');

            assertThat(near.size()).isZero();
            assertThat(near.pendingReads()).isZero();
            assertThat(near.get("k")).isEqualTo("v"); // a key with a PTTL is kept
            assertThat(near.size()).isEqualTo(1);
        }
    }

    @Test
    void unansweredGet_timesOut_andLeavesNoToken() {
        try (ScriptedServer server = server();
                DragonflyClient client = client(server)) {
            DefaultNearCache near = (DefaultNearCache) client.nearCache(NearCacheOptions.defaults());

            assertThatThrownBy(() -> near.get("silent")).isInstanceOf(DragonflyTimeoutException.class);
            assertThat(near.pendingReads()).isZero();
        }
    }
}
