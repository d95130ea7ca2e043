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
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hash and set commands in their text and binary forms, over RESP3 and RESP2: the two protocols
 * answer {@code HGETALL} and {@code SMEMBERS} with different types (map and set, or flat arrays).
 */
class HashAndSetCommandsTest extends BothProtocolsTest {

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void hash_textForm(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String h = key(test, protocol, "h");

        assertThat(client.hgetall(h)).isEmpty();
        assertThat(client.hget(h, "f")).isNull();
        assertThat(client.hset(h, "f1", "v1")).isEqualTo(1);
        assertThat(client.hset(h, "f1", "v1b")).isZero();
        Map<String, String> more = new LinkedHashMap<>();
        more.put("f2", "v2");
        more.put("f3", "€");
        assertThat(client.hset(h, more)).isEqualTo(2);

        assertThat(client.hget(h, "f1")).isEqualTo("v1b");
        assertThat(client.hmget(h, "f3", "missing", "f2")).containsExactly("€", null, "v2");
        assertThat(client.hgetall(h)).containsExactlyInAnyOrderEntriesOf(Map.of("f1", "v1b", "f2", "v2", "f3", "€"));
        assertThat(client.hexists(h, "f2")).isTrue();
        assertThat(client.hexists(h, "nope")).isFalse();
        assertThat(client.hlen(h)).isEqualTo(3);
        assertThat(client.hincrBy(h, "n", 5)).isEqualTo(5);
        assertThat(client.hincrBy(h, "n", -7)).isEqualTo(-2);
        assertThat(client.hdel(h, "f1", "nope")).isEqualTo(1);
        assertThat(client.hlen(h)).isEqualTo(3);
        assertThat(client.hlen(key(test, protocol, "missing"))).isZero();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void hash_binaryFormFindsFieldsByContent(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        byte[] h = bytes(key(test, protocol, "h"));
        byte[] field = {0, (byte) 0xff, '\r', '\n'};
        byte[] value = {1, 2, 3, 0};

        assertThat(client.hset(h, field, value)).isEqualTo(1);
        Map<byte[], byte[]> fields = new LinkedHashMap<>();
        fields.put(bytes("b"), bytes("B"));
        assertThat(client.hset(h, fields)).isEqualTo(1);

        assertThat(client.hget(h, field.clone())).isEqualTo(value);
        assertThat(client.hmget(h, bytes("b"), bytes("x")))
                .satisfiesExactly(
                        b -> assertThat(b).isEqualTo(bytes("B")),
                        x -> assertThat(x).isNull());
        Map<byte[], byte[]> all = client.hgetall(h);
        // New arrays with the same content find their entries: the map compares bytes, not identity.
        assertThat(all).hasSize(2).containsKey(field.clone()).containsKey(bytes("b"));
        assertThat(all.get(field.clone())).isEqualTo(value);
        assertThat(client.hexists(h, field.clone())).isTrue();
        assertThat(client.hincrBy(h, bytes("n"), 3)).isEqualTo(3);
        assertThat(client.hlen(h)).isEqualTo(3);
        assertThat(client.hdel(h, field, bytes("n"))).isEqualTo(2);
        assertThat(client.hgetall(bytes(key(test, protocol, "missing")))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void hscan_walksEveryFieldInBothForms(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String h = key(test, protocol, "h");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            fields.put("field:" + i, "value:" + i);
        }
        fields.put("other", "x");
        client.hset(h, fields);

        Map<String, String> seen = new LinkedHashMap<>();
        String cursor = "0";
        do {
            ScanPage<Map.Entry<String, String>> page =
                    client.hscan(h, cursor, ScanArgs.match("field:*").count(50));
            page.keys().forEach(e -> seen.put(e.getKey(), e.getValue()));
            cursor = page.cursor();
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(300).containsEntry("field:7", "value:7").doesNotContainKey("other");

        ScanPage<Map.Entry<byte[], byte[]>> binary = client.hscan(bytes(h), "0", ScanArgs.match("other"));
        List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(binary.keys());
        for (String c = binary.cursor(); !c.equals("0"); ) {
            ScanPage<Map.Entry<byte[], byte[]>> next = client.hscan(bytes(h), c, ScanArgs.match("other"));
            entries.addAll(next.keys());
            c = next.cursor();
        }
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(bytes("other"));
            assertThat(e.getValue()).isEqualTo(bytes("x"));
        });
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.hscan(h, "0", ScanArgs.all().type("hash")))
                .withMessageContaining("TYPE");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void set_textAndBinaryForms(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String s = key(test, protocol, "s");

        assertThat(client.smembers(s)).isEmpty();
        assertThat(client.sadd(s, "a", "b", "c", "a")).isEqualTo(3);
        assertThat(client.sadd(s, "c")).isZero();
        assertThat(client.smembers(s)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(client.sismember(s, "b")).isTrue();
        assertThat(client.sismember(s, "z")).isFalse();
        assertThat(client.scard(s)).isEqualTo(3);
        assertThat(client.srem(s, "a", "z")).isEqualTo(1);
        assertThat(client.scard(s)).isEqualTo(2);

        byte[] bs = bytes(key(test, protocol, "bs"));
        byte[] member = {0, 1, (byte) 0x80};
        assertThat(client.sadd(bs, member, bytes("m"))).isEqualTo(2);
        Set<byte[]> members = client.smembers(bs);
        assertThat(members).hasSize(2);
        assertThat(members.contains(member.clone())).isTrue();
        assertThat(client.sismember(bs, member.clone())).isTrue();
        assertThat(client.scard(bs)).isEqualTo(2);
        assertThat(client.srem(bs, member)).isEqualTo(1);
        assertThat(client.smembers(bytes(key(test, protocol, "missing")))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void sscan_walksEveryMember(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String s = key(test, protocol, "s");
        String[] members = new String[500];
        for (int i = 0; i < members.length; i++) {
            members[i] = "m" + i;
        }
        client.sadd(s, members);

        Set<String> seen = new HashSet<>();
        String cursor = "0";
        do {
            ScanPage<String> page = client.sscan(s, cursor, ScanArgs.all().count(100));
            seen.addAll(page.keys());
            cursor = page.cursor();
        } while (!cursor.equals("0"));
        assertThat(seen).containsExactlyInAnyOrder(members);

        Set<String> binarySeen = new HashSet<>();
        cursor = "0";
        do {
            ScanPage<byte[]> page = client.sscan(bytes(s), cursor, ScanArgs.match("m1*"));
            page.keys().forEach(m -> binarySeen.add(new String(m, StandardCharsets.UTF_8)));
            cursor = page.cursor();
        } while (!cursor.equals("0"));
        assertThat(binarySeen).hasSize(111).allMatch(m -> m.startsWith("m1"));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void wrongType_failsWithAdvice(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String k = key(test, protocol, "string");
        client.set(k, "v");

        assertThatThrownBy(() -> client.hgetall(k))
                .isInstanceOf(DragonflyServerException.class)
                .hasMessageContaining("WRONGTYPE");
        assertThatThrownBy(() -> client.smembers(k)).isInstanceOf(DragonflyServerException.class);
        assertThat(client.get(k)).isEqualTo("v");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void asyncAndPipeline_sameResults(Protocol protocol, TestInfo test) throws Exception {
        DragonflyClient client = client(protocol);
        String h = key(test, protocol, "h");
        String s = key(test, protocol, "s");

        assertThat(client.async().hset(h, "f", "v").get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(client.async().hgetall(h).get(5, TimeUnit.SECONDS)).containsExactly(Map.entry("f", "v"));
        assertThat(client.async().sadd(s, "x").get(5, TimeUnit.SECONDS)).isEqualTo(1);

        Pipeline pipeline = client.pipeline();
        var hget = pipeline.hget(h, "f");
        var hexists = pipeline.hexists(bytes(h), bytes("f"));
        var members = pipeline.smembers(s);
        var card = pipeline.scard(bytes(s));
        pipeline.sync();

        assertThat(hget).isCompletedWithValue("v");
        assertThat(hexists).isCompletedWithValue(true);
        assertThat(members.join()).containsExactly("x");
        assertThat(card).isCompletedWithValue(1L);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void badArguments_failBeforeAnythingIsSent(Protocol protocol) {
        DragonflyClient client = client(protocol);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.hmget("h"))
                .withMessageContaining("HMGET needs at least one field");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.hset("h", Map.of()))
                .withMessageContaining("HSET");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.sadd("s", "a", null))
                .withMessageContaining("member 1 is null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.hget((String) null, "f"))
                .withMessageContaining("key");
    }
}
