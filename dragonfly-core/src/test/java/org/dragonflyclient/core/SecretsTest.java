package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * With every logger of the client at its finest level, the password given in a URI, to AUTH or to
 * HELLO never appears in a log line, a {@code toString}, or an exception message or stack trace.
 */
@WithTestServer
class SecretsTest {

    private static final String PASSWORD = "Pa55-w0rd-that-must-never-leak";

    private final List<String> logged = new ArrayList<>();
    private final Logger clientLogger = Logger.getLogger("org.dragonflyclient");
    private Level previousLevel;
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureEverything() {
        previousLevel = clientLogger.getLevel();
        clientLogger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        clientLogger.addHandler(capture);
    }

    @AfterEach
    void restoreLogging() {
        clientLogger.removeHandler(capture);
        clientLogger.setLevel(previousLevel);
    }

    @Test
    void passwordNeverAppearsInLogsToStringOrExceptions(ManagedServer server) {
        server.execute("ACL", "SETUSER", "app", "on", ">" + PASSWORD, "~*", "+@all");
        server.execute("CONFIG", "SET", "requirepass", PASSWORD);
        List<String> seen = new ArrayList<>();
        String base = server.host() + ":" + server.port();

        for (Protocol protocol : Protocol.values()) {
            ClientOptions options = ClientOptions.fromUri("redis://app:" + PASSWORD + "@" + base).toBuilder()
                    .protocol(protocol)
                    .timeout(Duration.ofMillis(300))
                    .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(50))
                    .build();
            seen.add(options.toString());
            try (DragonflyClient client = DragonflyClient.create(options)) {
                seen.add(client.toString());
                client.set("secret:k", "v");
                // Reconnects repeat AUTH/HELLO with the password: they log, and must not leak it.
                server.execute("CLIENT", "KILL", "TYPE", "normal");
                await().atMost(Duration.ofSeconds(5))
                        .ignoreExceptionsInstanceOf(DragonflyException.class)
                        .untilAsserted(() -> assertThat(client.get("secret:k")).isEqualTo("v"));
                seen.add(describe(catchFailure(() -> client.execute("AUTH", "app", "wrong-" + PASSWORD))));
            }
            // Wrong password of the right length, and the right password with a wrong user.
            seen.add(describe(catchFailure(
                    () -> DragonflyClient.create("redis://app:" + PASSWORD.replace('P', 'Q') + "@" + base))));
            seen.add(describe(catchFailure(() -> DragonflyClient.create("redis://nobody:" + PASSWORD + "@" + base))));
            seen.add(
                    describe(catchFailure(() -> ClientOptions.fromUri("redis://app:" + PASSWORD + "@" + base + "/x"))));
            seen.add(describe(catchFailure(() -> ClientOptions.fromUri("ftp://app:" + PASSWORD + "@" + base))));
        }

        assertThat(logged).isNotEmpty();
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD));
        synchronized (logged) {
            assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD));
        }
    }

    @Test
    void wrongPasswordAndUnknownUser_areNamedClearly(ManagedServer server) {
        server.execute("ACL", "SETUSER", "app", "on", ">" + PASSWORD, "~*", "+@all");
        String base = server.host() + ":" + server.port();

        assertThatThrownBy(() -> DragonflyClient.create("redis://app:nope@" + base))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("user 'app'")
                .hasMessageContaining("username or password is wrong");
        assertThatThrownBy(() -> DragonflyClient.create("redis://ghost:" + PASSWORD + "@" + base))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("user 'ghost'");
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
            return new AssertionError("expected a failure");
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String describe(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return failure + "\n" + trace;
    }
}
