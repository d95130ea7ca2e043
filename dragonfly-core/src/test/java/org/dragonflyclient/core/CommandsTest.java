package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/** Every typed command, in both its binary and text form, against a real server. */
@WithTestServer
class CommandsTest {

    private static DragonflyClient client;
    private String prefix;

    @BeforeAll
    static void connect(TestServer server) {
        client = DragonflyClient.create(server.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void keyPrefix(TestInfo test) {
        prefix = "commands:" + test.getDisplayName() + ":";
    }

    private String key(String name) {
        return prefix + name;
    }

    private byte[] bkey(String name) {
        return key(name).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void getAndSet_textForm() {
        assertThat(client.get(key("a"))).isNull();

        client.set(key("a"), "héllo wörld €");

        assertThat(client.get(key("a"))).isEqualTo("héllo wörld €");
        assertThat(client.ttl(key("a"))).isEqualTo(-1);
    }

    @Test
    void getAndSet_binaryFormRoundTripsEveryByteValue() {
        byte[] all = new byte[256 * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        byte[] binaryKey = {0, '\r', '\n', (byte) 0xff, '*', '$'};

        client.set(binaryKey, all);

        assertThat(client.get(binaryKey)).isEqualTo(all);
        client.del(binaryKey);
    }

    @Test
    void emptyValueIsNotNull() {
        client.set(key("empty"), "");

        assertThat(client.get(key("empty"))).isEmpty();
        assertThat(client.get(bkey("empty"))).isEmpty();
    }

    @Test
    void tenMebibyteValue() {
        byte[] big = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(big);

        client.set(bkey("big"), big);

        assertThat(client.get(bkey("big"))).isEqualTo(big);
        assertThat(client.getdel(bkey("big"))).isEqualTo(big);
        assertThat(client.exists(bkey("big"))).isZero();
    }

    @Test
    void set_withExpiryOptions() {
        assertThat(client.set(key("ex"), "v", SetArgs.ex(100))).isTrue();
        assertThat(client.ttl(key("ex"))).isBetween(90L, 100L);

        assertThat(client.set(bkey("px"), bytes("v"), SetArgs.px(50_000))).isTrue();
        assertThat(client.pttl(bkey("px"))).isBetween(40_000L, 50_000L);

        long inOneHour = System.currentTimeMillis() / 1000 + 3600;
        assertThat(client.set(key("exat"), "v", SetArgs.exAt(inOneHour))).isTrue();
        assertThat(client.ttl(key("exat"))).isBetween(3500L, 3600L);

        assertThat(client.set(key("pxat"), "v", SetArgs.pxAt(System.currentTimeMillis() + 60_000)))
                .isTrue();
        assertThat(client.pttl(key("pxat"))).isBetween(50_000L, 60_000L);

        assertThat(client.set(key("ex"), "v2", SetArgs.keepTtl())).isTrue();
        assertThat(client.ttl(key("ex"))).isBetween(90L, 100L);
        assertThat(client.get(key("ex"))).isEqualTo("v2");
    }

    @Test
    void set_nxAndXxReportWhetherTheyWrote() {
        assertThat(client.set(key("c"), "first", SetArgs.ifPresent())).isFalse();
        assertThat(client.get(key("c"))).isNull();

        assertThat(client.set(key("c"), "first", SetArgs.ifAbsent())).isTrue();
        assertThat(client.set(key("c"), "second", SetArgs.ex(10).nx())).isFalse();
        assertThat(client.get(key("c"))).isEqualTo("first");

        assertThat(client.set(bkey("c"), bytes("third"), SetArgs.ifPresent())).isTrue();
        assertThat(client.get(key("c"))).isEqualTo("third");
    }

    @Test
    void setGet_returnsThePreviousValue() {
        assertThat(client.setGet(key("sg"), "one", SetArgs.none())).isNull();
        assertThat(client.setGet(key("sg"), "two", SetArgs.ex(100))).isEqualTo("one");
        assertThat(client.setGet(bkey("sg"), bytes("three"), SetArgs.none())).isEqualTo(bytes("two"));
        assertThat(client.get(key("sg"))).isEqualTo("three");
    }

    @Test
    void msetAndMget() {
        client.mset(key("m1"), "1", key("m2"), "2");
        client.mset(bkey("m3"), bytes("3"));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(key("m4"), "4");
        client.mset(entries);

        assertThat(client.mget(key("m1"), key("missing"), key("m2"), key("m3"), key("m4")))
                .containsExactly("1", null, "2", "3", "4");
        List<byte[]> binary = client.mget(bkey("m1"), bkey("missing"));
        assertThat(binary).hasSize(2);
        assertThat(binary.get(0)).isEqualTo(bytes("1"));
        assertThat(binary.get(1)).isNull();
    }

    @Test
    void mset_rejectsOddArguments() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.mset(key("only-key")))
                .withMessageContaining("even");
    }

    @Test
    void delUnlinkExists() {
        client.mset(key("d1"), "1", key("d2"), "2", key("d3"), "3");

        assertThat(client.exists(key("d1"), key("d2"), key("d1"), key("nope"))).isEqualTo(3);
        assertThat(client.del(key("d1"), key("nope"))).isEqualTo(1);
        assertThat(client.unlink(bkey("d2"), bkey("d3"))).isEqualTo(2);
        assertThat(client.exists(bkey("d1"), bkey("d2"), bkey("d3"))).isZero();
        assertThat(client.del(bkey("d1"))).isZero();
    }

    @Test
    void expireTtlPersist() {
        assertThat(client.expire(key("none"), 10)).isFalse();
        assertThat(client.ttl(key("none"))).isEqualTo(-2);
        assertThat(client.pttl(bkey("none"))).isEqualTo(-2);

        client.set(key("e"), "v");
        assertThat(client.expire(key("e"), 100)).isTrue();
        assertThat(client.ttl(bkey("e"))).isBetween(90L, 100L);
        assertThat(client.pexpire(bkey("e"), 200_000)).isTrue();
        assertThat(client.pttl(key("e"))).isBetween(190_000L, 200_000L);

        assertThat(client.persist(key("e"))).isTrue();
        assertThat(client.persist(bkey("e"))).isFalse();
        assertThat(client.ttl(key("e"))).isEqualTo(-1);

        assertThat(client.expire(bkey("e"), 0)).isTrue();
        assertThat(client.get(key("e"))).isNull();
    }

    @Test
    void getexChangesTheExpiryAsItReads() {
        assertThat(client.getex(key("gx"), GetExArgs.ex(10))).isNull();
        client.set(key("gx"), "v");

        assertThat(client.getex(key("gx"), GetExArgs.ex(100))).isEqualTo("v");
        assertThat(client.ttl(key("gx"))).isBetween(90L, 100L);
        assertThat(client.getex(bkey("gx"), GetExArgs.px(300_000))).isEqualTo(bytes("v"));
        assertThat(client.pttl(key("gx"))).isBetween(290_000L, 300_000L);
        assertThat(client.getex(key("gx"), GetExArgs.exAt(System.currentTimeMillis() / 1000 + 1000)))
                .isEqualTo("v");
        assertThat(client.ttl(key("gx"))).isBetween(990L, 1000L);
        assertThat(client.getex(key("gx"), GetExArgs.persist())).isEqualTo("v");
        assertThat(client.ttl(key("gx"))).isEqualTo(-1);
    }

    @Test
    void getdel() {
        client.set(key("gd"), "v");

        assertThat(client.getdel(key("gd"))).isEqualTo("v");
        assertThat(client.getdel(key("gd"))).isNull();
    }

    @Test
    void counters() {
        assertThat(client.incr(key("n"))).isEqualTo(1);
        assertThat(client.incrBy(key("n"), 41)).isEqualTo(42);
        assertThat(client.decr(bkey("n"))).isEqualTo(41);
        assertThat(client.decrBy(bkey("n"), 50)).isEqualTo(-9);
        assertThat(client.incrBy(bkey("n"), Long.MAX_VALUE - 100)).isEqualTo(Long.MAX_VALUE - 109);
        assertThat(client.incr(bkey("n"))).isEqualTo(Long.MAX_VALUE - 108);
        assertThat(client.get(key("n"))).isEqualTo(Long.toString(Long.MAX_VALUE - 108));
    }

    @Test
    void serverErrorsCarryTheirCodeAndLeaveTheConnectionUsable() {
        client.set(key("text"), "not a number");

        assertThatThrownBy(() -> client.incr(key("text")))
                .isInstanceOf(DragonflyServerException.class)
                .hasMessageContaining("not an integer");

        client.execute("RPUSH", key("list"), "x");
        assertThatThrownBy(() -> client.get(key("list")))
                .isInstanceOfSatisfying(
                        DragonflyServerException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("WRONGTYPE"));

        assertThat(client.get(key("text"))).isEqualTo("not a number");
    }

    @Test
    void scanWalksEveryMatchingKeyInPagesAndBatches() {
        Set<String> expected = new HashSet<>();
        String[] pairs = new String[2 * 1200];
        for (int i = 0; i < 1200; i++) {
            expected.add(key("s:" + i));
            pairs[2 * i] = key("s:" + i);
            pairs[2 * i + 1] = "v";
        }
        client.mset(pairs);
        client.set(key("other"), "v");

        Set<String> seen = new HashSet<>();
        client.scan(ScanArgs.match(prefix + "s:*").count(100)).forEachRemaining(seen::add);
        assertThat(seen).isEqualTo(expected);

        Set<String> batched = new HashSet<>();
        KeyScanner<byte[]> scanner = client.scanBinary(
                ScanArgs.match(bytes(prefix + "s:*")).count(250).type("string"));
        for (List<byte[]> batch = scanner.nextBatch(); !batch.isEmpty(); batch = scanner.nextBatch()) {
            batch.forEach(k -> batched.add(new String(k, StandardCharsets.UTF_8)));
            client.unlink(batch.toArray(new byte[0][]));
        }
        assertThat(batched).isEqualTo(expected);
        assertThat(client.scan(ScanArgs.match(prefix + "s:*")).hasNext()).isFalse();
    }

    @Test
    void scan_singlePageApiKeepsTheCursorAsText() {
        client.set(key("p"), "v");
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            ScanPage<String> page = client.scan(cursor, ScanArgs.match(prefix + "*"));
            keys.addAll(page.keys());
            cursor = page.cursor();
        } while (!"0".equals(cursor));

        assertThat(keys).containsExactly(key("p"));
    }

    @Test
    void serverCommands() {
        assertThat(client.ping()).isEqualTo("PONG");
        assertThat(client.echo("hi there")).isEqualTo("hi there");
        assertThat(client.echo(new byte[] {0, 1, 2})).containsExactly(0, 1, 2);
        assertThat(client.info()).contains("# Server");
        assertThat(client.info("server")).containsPattern("(redis|dragonfly)_version:");
        client.set(key("size"), "v");
        assertThat(client.dbsize()).isPositive();
    }

    @Test
    void flushdbAndFlushallOnlyInTheirScope(TestServer server) {
        try (DragonflyClient db7 = DragonflyClient.create(server.uri() + "/7")) {
            db7.set("flush-me", "v");
            client.set(key("keep"), "v");

            db7.flushdb();

            assertThat(db7.dbsize()).isZero();
            assertThat(client.get(key("keep"))).isEqualTo("v");
        }
    }

    @Test
    void execute_returnsTypedReplies() {
        client.execute("HSET", key("h"), "f1", "v1", "f2", "v2");

        Reply all = client.execute("HGETALL", key("h"));
        assertThat(all.asList()).hasSize(4);
        assertThat(client.execute("HGET", key("h"), "f1").asString()).isEqualTo("v1");
        assertThat(client.execute("HLEN", key("h")).asLong()).isEqualTo(2);
        assertThat(client.execute("HGET", key("h"), "none")).isEqualTo(Reply.NULL);
        assertThatThrownBy(() -> client.execute("NO_SUCH_COMMAND")).isInstanceOf(DragonflyServerException.class);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.execute("CLIENT LIST"))
                .withMessageContaining("own argument");
    }

    @Test
    void nullArgumentsAreRejectedBeforeAnythingIsSent() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.set(key("x"), (String) null));
        assertThatIllegalArgumentException().isThrownBy(() -> client.get((String) null));
        assertThatIllegalArgumentException().isThrownBy(() -> client.del(new String[0]));
        assertThat(client.ping()).isEqualTo("PONG");
    }

    @Test
    void resp2ClientReadsTheSameValues(TestServer server) {
        try (DragonflyClient resp2 = DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .protocol(Protocol.RESP2)
                .build())) {
            assertThat(resp2.protocol()).isEqualTo(Protocol.RESP2);
            resp2.mset(key("r1"), "1", key("r2"), "2");
            assertThat(resp2.mget(key("r1"), key("nope"), key("r2"))).containsExactly("1", null, "2");
            assertThat(resp2.get(key("nope"))).isNull();
            assertThat(resp2.execute("HELLO").asList()).isNotEmpty();
        }
    }
}
