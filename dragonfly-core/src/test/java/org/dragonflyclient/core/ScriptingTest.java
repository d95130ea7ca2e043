package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * Lua scripting. Each test has a server of its own because {@code SCRIPT FLUSH} empties the
 * script cache of the whole server.
 */
@WithTestServer
class ScriptingTest {

    /** Touches only the key it is given in KEYS, as Dragonfly requires by default. */
    private static final Script INCR_BY = Script.of("return redis.call('INCRBY', KEYS[1], ARGV[1])");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eval_returnsEveryLuaType(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(server.uri())) {
            client.set("lua:k", "v");

            assertThat(client.eval("return redis.call('GET', KEYS[1])", new String[] {"lua:k"})
                            .asString())
                    .isEqualTo("v");
            assertThat(client.eval("return tonumber(ARGV[1]) * 2", new String[0], "21")
                            .asLong())
                    .isEqualTo(42);
            assertThat(client.eval("return nil", new String[0])).isEqualTo(Reply.NULL);
            Reply table = client.eval("return {KEYS[1], ARGV[1], 3}", new String[] {"a"}, "b");
            assertThat(table).isInstanceOfSatisfying(Reply.Aggregate.class, a -> {
                assertThat(a.type()).isEqualTo(RespType.ARRAY);
                assertThat(a.elements()).extracting(Reply::asString).containsExactly("a", "b", "3");
            });
            byte[] binary = {0, (byte) 0xff, '\n'};
            Reply echoed = client.eval("return ARGV[1]", new byte[0][], binary);
            assertThat(((Reply.Bulk) echoed).value()).isEqualTo(binary);
            assertThatThrownBy(() -> client.eval("return redis.error_reply('CUSTOM went wrong')", new String[0]))
                    .isInstanceOf(DragonflyServerException.class)
                    .hasMessageContaining("CUSTOM went wrong");
        }
    }

    @Test
    void scriptLoadExistsFlush_andEvalsha(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(server.uri())) {
            String sha = client.scriptLoad(INCR_BY.source());

            assertThat(sha).isEqualTo(INCR_BY.sha());
            assertThat(client.scriptExists(sha, "0000000000000000000000000000000000000000"))
                    .containsExactly(true, false);
            assertThat(client.evalsha(sha, new String[] {"lua:n"}, "5").asLong())
                    .isEqualTo(5);
            assertThat(client.evalsha(sha, new byte[][] {bytes("lua:n")}, bytes("2"))
                            .asLong())
                    .isEqualTo(7);

            client.scriptFlush();

            assertThat(client.scriptExists(sha)).containsExactly(false);
            assertThatThrownBy(() -> client.evalsha(sha, new String[] {"lua:n"}, "1"))
                    .isInstanceOfSatisfying(
                            DragonflyServerException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("NOSCRIPT"));
            assertThat(client.get("lua:n")).isEqualTo("7");
        }
    }

    @Test
    void scriptObject_fallsBackToEvalAfterScriptFlush_andRunsOnce(ManagedServer server) throws Exception {
        try (DragonflyClient client = DragonflyClient.create(server.uri())) {
            // Never loaded: the first call falls back to EVAL, which also caches it.
            assertThat(client.eval(INCR_BY, new String[] {"lua:once"}, "1").asLong())
                    .isEqualTo(1);
            assertThat(client.scriptExists(INCR_BY.sha())).containsExactly(true);

            client.scriptFlush();
            assertThat(client.eval(INCR_BY, new byte[][] {bytes("lua:once")}, bytes("1"))
                            .asLong())
                    .isEqualTo(2);

            client.scriptFlush();
            assertThat(client.async()
                            .eval(INCR_BY, new String[] {"lua:once"}, "1")
                            .get(5, TimeUnit.SECONDS)
                            .asLong())
                    .isEqualTo(3);

            client.scriptFlush();
            Pipeline pipeline = client.pipeline();
            CompletableFuture<Reply> piped = pipeline.eval(INCR_BY, new String[] {"lua:once"}, "1");
            CompletableFuture<String> after = pipeline.get("lua:once");
            pipeline.sync();
            // The fallback EVAL went out after the pipeline's batch, so GET saw the value before it.
            assertThat(piped.get(5, TimeUnit.SECONDS).asLong()).isEqualTo(4);
            assertThat(after.join()).isEqualTo("3");

            // NOSCRIPT means the script did not run: every call incremented exactly once.
            assertThat(client.get("lua:once")).isEqualTo("4");
        }
    }

    @Test
    void keysPassedInKeys_work_andDragonflysFlagCommentIsHarmlessOnRedis(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(server.uri())) {
            Script transfer = Script.of("local from = tonumber(redis.call('GET', KEYS[1]) or '0')\n"
                    + "if from < tonumber(ARGV[1]) then return 0 end\n"
                    + "redis.call('DECRBY', KEYS[1], ARGV[1])\n"
                    + "redis.call('INCRBY', KEYS[2], ARGV[1])\n"
                    + "return 1");
            client.set("lua:{acct}:a", "100");

            assertThat(client.eval(transfer, new String[] {"lua:{acct}:a", "lua:{acct}:b"}, "30")
                            .asLong())
                    .isEqualTo(1);
            assertThat(client.mget("lua:{acct}:a", "lua:{acct}:b")).containsExactly("70", "30");

            // Dragonfly's opt-out for undeclared keys is a Lua comment: Redis runs the script unchanged.
            Script flagged = Script.of("--!df flags=allow-undeclared-keys\nreturn redis.call('GET', 'lua:{acct}:a')");
            assertThat(client.eval(flagged, new String[0]).asString()).isEqualTo("70");
        }
    }

    @Test
    void scriptInsideATransaction_isSentInFull(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(server.uri())) {
            client.scriptFlush();
            try (Transaction tx = client.transaction()) {
                CompletableFuture<Reply> result = tx.eval(INCR_BY, new String[] {"lua:tx"}, "10");
                assertThat(tx.exec()).isTrue();
                assertThat(result.join().asLong()).isEqualTo(10);
            }
        }
    }

    @Test
    void badArguments_failBeforeAnythingIsSent(ManagedServer server) {
        try (DragonflyClient client = DragonflyClient.create(server.uri())) {
            assertThatIllegalArgumentException().isThrownBy(() -> Script.of(" "));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.evalsha("abc", new String[0]))
                    .withMessageContaining("40-digit");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.eval((Script) null, new String[0]))
                    .withMessageContaining("Script.of");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.eval("return 1", new String[] {null}))
                    .withMessageContaining("script key 0");
        }
    }
}
