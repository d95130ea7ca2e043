package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ScriptedServer;

/**
 * The tracking handshake and invalidation pushes on scripted servers, for what no real server at
 * hand does: refusing {@code HELLO 3} or {@code CLIENT TRACKING}, and sending a push right before a
 * reply.
 */
class TrackingHandshakeTest {

    private static final String HELLO_REPLY = "%1\r\n$6\r\nserver\r\n$8\r\nscripted\r\n";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final RecordingTrackingListener heard = new RecordingTrackingListener();

    private static ClientOptions.Builder options(ScriptedServer server) {
        return ClientOptions.fromUri(server.uri()).toBuilder().poolSize(1).timeout(Duration.ofSeconds(5));
    }

    private ClientOptions.Builder tracked(ScriptedServer server) {
        return options(server).tracking(true).trackingListener(heard);
    }

    @Test
    void serverRefusingHello_failsStartUpWithWhatToChange_whileWithoutTrackingItFallsBackToResp2() {
        try (ScriptedServer server = ScriptedServer.start((in, out) -> {
            for (List<String> command; (command = ScriptedServer.readCommand(in)) != null; ) {
                received.add(String.join(" ", command));
                ScriptedServer.write(
                        out, command.get(0).equals("HELLO") ? "-ERR unknown command 'HELLO'\r\n" : "+PONG\r\n");
            }
        })) {
            assertThatThrownBy(() -> DragonflyClient.create(tracked(server).build()))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("the server refused HELLO 3")
                    .hasMessageContaining("tracking needs RESP3")
                    .hasMessageContaining("turn tracking off");
            assertThat(received).noneMatch(c -> c.startsWith("CLIENT"));

            try (DragonflyClient untracked =
                    DragonflyClient.create(options(server).build())) {
                assertThat(untracked.protocol()).isEqualTo(Protocol.RESP2);
            }
        }
    }

    @Test
    void serverRefusingClientTracking_failsStartUp_evenWhenTheServerIsNotRequired() {
        try (ScriptedServer server = ScriptedServer.start((in, out) -> {
            for (List<String> command; (command = ScriptedServer.readCommand(in)) != null; ) {
                received.add(String.join(" ", command));
                ScriptedServer.write(
                        out,
                        switch (command.get(0)) {
                            case "HELLO" -> HELLO_REPLY;
                            case "CLIENT" -> "-ERR unknown subcommand 'TRACKING'\r\n";
                            default -> "+PONG\r\n";
                        });
            }
        })) {
            assertThatThrownBy(() -> DragonflyClient.create(
                            tracked(server).requireServerAtStartup(false).build()))
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("refused CLIENT TRACKING ON")
                    .hasMessageContaining("turn tracking off")
                    .hasMessageContaining("unknown subcommand 'TRACKING'");
            // HELLO first and alone; then tracking in default mode, with no NOLOOP/BCAST/REDIRECT.
            assertThat(received).containsExactly("HELLO 3", "CLIENT TRACKING ON");
        }
    }

    @Test
    void pushesBeforeReplies_goToTheListener_andEveryReplyToItsOwnCommand() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((in, out) -> {
            for (List<String> command; (command = ScriptedServer.readCommand(in)) != null; ) {
                switch (command.get(0)) {
                    case "HELLO" -> ScriptedServer.write(out, HELLO_REPLY);
                    case "CLIENT" -> ScriptedServer.write(out, "+OK\r\n");
                    case "GET" -> {
                        if (command.get(1).equals("one")) {
                            ScriptedServer.write(
                                    out, ">2\r\n$10\r\ninvalidate\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n$3\r\nv-1\r\n");
                        } else {
                            ScriptedServer.write(out, ">2\r\n$10\r\ninvalidate\r\n_\r\n$3\r\nv-2\r\n");
                        }
                    }
                    default -> ScriptedServer.write(out, "+PONG\r\n");
                }
            }
        })) {
            try (DragonflyClient client = DragonflyClient.create(tracked(server).build())) {
                assertThat(client.get("one")).isEqualTo("v-1");
                assertThat(heard.next(e -> true)).isEqualTo("invalidated:a");
                assertThat(heard.next(e -> true)).isEqualTo("invalidated:b");
                assertThat(client.async().get("two").get()).isEqualTo("v-2");
                assertThat(heard.next(e -> true)).isEqualTo("invalidatedAll");
                assertThat(client.ping()).isEqualTo("PONG");
            }
            assertThat(heard.next(e -> true)).isEqualTo("trackingLost"); // closing the client ends tracking
        }
    }
}
