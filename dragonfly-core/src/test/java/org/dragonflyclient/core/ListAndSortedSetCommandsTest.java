package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * List (non-blocking) and sorted-set commands in their text and binary forms, over RESP3 and
 * RESP2, whose scores arrive as doubles or as strings, and whose {@code WITHSCORES} replies are
 * pairs or a flat array.
 */
class ListAndSortedSetCommandsTest extends BothProtocolsTest {

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void list_textForm(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String l = key(test, protocol, "l");

        assertThat(client.lrange(l, 0, -1)).isEmpty();
        assertThat(client.lpop(l)).isNull();
        assertThat(client.lpop(l, 2)).isNull();
        assertThat(client.rpush(l, "c", "d")).isEqualTo(2);
        assertThat(client.lpush(l, "b", "a")).isEqualTo(4);
        assertThat(client.lrange(l, 0, -1)).containsExactly("a", "b", "c", "d");
        assertThat(client.lrange(l, -2, -1)).containsExactly("c", "d");
        assertThat(client.llen(l)).isEqualTo(4);
        assertThat(client.lpop(l)).isEqualTo("a");
        assertThat(client.rpop(l)).isEqualTo("d");
        client.rpush(l, "e", "f");
        assertThat(client.lpop(l, 2)).containsExactly("b", "c");
        assertThat(client.rpop(l, 5)).containsExactly("f", "e");
        assertThat(client.llen(l)).isZero();
        assertThat(client.rpop(l)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void list_binaryForm(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        byte[] l = bytes(key(test, protocol, "l"));
        byte[] odd = {0, '\r', '\n', (byte) 0xfe};

        assertThat(client.rpush(l, odd, bytes("x"))).isEqualTo(2);
        assertThat(client.lpush(l, bytes("w"))).isEqualTo(3);
        assertThat(client.lrange(l, 0, -1))
                .satisfiesExactly(
                        w -> assertThat(w).isEqualTo(bytes("w")),
                        o -> assertThat(o).isEqualTo(odd),
                        x -> assertThat(x).isEqualTo(bytes("x")));
        assertThat(client.llen(l)).isEqualTo(3);
        assertThat(client.lpop(l)).isEqualTo(bytes("w"));
        assertThat(client.rpop(l)).isEqualTo(bytes("x"));
        assertThat(client.lpop(l, 3)).singleElement().isEqualTo(odd);
        client.rpush(l, bytes("y"));
        assertThat(client.rpop(l, 1)).singleElement().isEqualTo(bytes("y"));
        assertThatIllegalArgumentException().isThrownBy(() -> client.lpop(l, 0)).withMessageContaining("positive");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void sortedSet_textForm(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String z = key(test, protocol, "z");

        assertThat(client.zrange(z, 0, -1)).isEmpty();
        assertThat(client.zscore(z, "a")).isNull();
        assertThat(client.zadd(z, 1.5, "a")).isEqualTo(1);
        Map<String, Double> more = new LinkedHashMap<>();
        more.put("b", 2.0);
        more.put("c", 3.25);
        more.put("low", Double.NEGATIVE_INFINITY);
        assertThat(client.zadd(z, more)).isEqualTo(3);
        assertThat(client.zadd(z, 2.5, "b")).isZero();

        assertThat(client.zcard(z)).isEqualTo(4);
        assertThat(client.zrange(z, 0, -1)).containsExactly("low", "a", "b", "c");
        assertThat(client.zrangeWithScores(z, 1, 2))
                .containsExactly(new ScoredValue<>("a", 1.5), new ScoredValue<>("b", 2.5));
        assertThat(client.zrangeWithScores(z, 0, 0))
                .containsExactly(new ScoredValue<>("low", Double.NEGATIVE_INFINITY));
        assertThat(client.zscore(z, "c")).isEqualTo(3.25);
        assertThat(client.zscore(z, "missing")).isNull();
        assertThat(client.zincrby(z, 0.75, "c")).isEqualTo(4.0);
        assertThat(client.zincrby(z, 1, "new")).isEqualTo(1.0);
        assertThat(client.zrem(z, "new", "nope")).isEqualTo(1);
        assertThat(client.zcard(key(test, protocol, "missing"))).isZero();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void zrangeByScore_honoursInclusiveExclusiveAndLimit(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        String z = key(test, protocol, "z");
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            scores.put("m" + i, (double) i);
        }
        client.zadd(z, scores);

        assertThat(client.zrangeByScore(z, ScoreRange.closed(3, 5))).containsExactly("m3", "m4", "m5");
        assertThat(client.zrangeByScore(z, ScoreRange.open(3, 5))).containsExactly("m4");
        assertThat(client.zrangeByScore(z, ScoreRange.greaterThan(8))).containsExactly("m9", "m10");
        assertThat(client.zrangeByScore(z, ScoreRange.atLeast(9.5))).containsExactly("m10");
        assertThat(client.zrangeByScore(z, ScoreRange.lessThan(2))).containsExactly("m1");
        assertThat(client.zrangeByScore(z, ScoreRange.atMost(2))).containsExactly("m1", "m2");
        assertThat(client.zrangeByScore(z, ScoreRange.all(), 2, 3)).containsExactly("m3", "m4", "m5");
        assertThat(client.zrangeByScore(z, ScoreRange.all(), 8, -1)).containsExactly("m9", "m10");
        assertThat(client.zrangeByScoreWithScores(z, ScoreRange.closed(9, 100)))
                .containsExactly(new ScoredValue<>("m9", 9.0), new ScoredValue<>("m10", 10.0));
        assertThat(client.zrangeByScore(z, ScoreRange.closed(50, 60))).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.zrangeByScore(z, ScoreRange.all(), -1, 5))
                .withMessageContaining("offset");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void sortedSet_binaryForm(Protocol protocol, TestInfo test) {
        DragonflyClient client = client(protocol);
        byte[] z = bytes(key(test, protocol, "z"));
        byte[] member = {(byte) 0xff, 0, 7};

        assertThat(client.zadd(z, 1, member)).isEqualTo(1);
        Map<byte[], Double> more = new LinkedHashMap<>();
        more.put(bytes("two"), 2.0);
        assertThat(client.zadd(z, more)).isEqualTo(1);
        assertThat(client.zrange(z, 0, -1))
                .satisfiesExactly(
                        m -> assertThat(m).isEqualTo(member), t -> assertThat(t).isEqualTo(bytes("two")));
        List<ScoredValue<byte[]>> scored = client.zrangeWithScores(z, 0, 0);
        assertThat(scored).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(member);
            assertThat(s.score()).isEqualTo(1.0);
        });
        assertThat(client.zrangeByScore(z, ScoreRange.greaterThan(1)))
                .singleElement()
                .isEqualTo(bytes("two"));
        assertThat(client.zrangeByScore(z, ScoreRange.all(), 0, 1))
                .singleElement()
                .isEqualTo(member);
        assertThat(client.zrangeByScoreWithScores(z, ScoreRange.atMost(1)))
                .singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(member));
        assertThat(client.zscore(z, member.clone())).isEqualTo(1.0);
        assertThat(client.zincrby(z, -3, member)).isEqualTo(-2.0);
        assertThat(client.zrem(z, member)).isEqualTo(1);
        assertThat(client.zcard(z)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void asyncAndPipeline_sameResults(Protocol protocol, TestInfo test) throws Exception {
        DragonflyClient client = client(protocol);
        String l = key(test, protocol, "l");
        String z = key(test, protocol, "z");

        assertThat(client.async().rpush(l, "a", "b").get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(client.async().lrange(l, 0, -1).get(5, TimeUnit.SECONDS)).containsExactly("a", "b");
        assertThat(client.async().zadd(z, 1, "one").get(5, TimeUnit.SECONDS)).isEqualTo(1);

        Pipeline pipeline = client.pipeline();
        var llen = pipeline.llen(l);
        var popped = pipeline.lpop(bytes(l));
        var scores = pipeline.zrangeWithScores(z, 0, -1);
        var score = pipeline.zscore(z, "one");
        var incr = pipeline.zincrby(bytes(z), 1, bytes("one"));
        pipeline.sync();

        assertThat(llen).isCompletedWithValue(2L);
        assertThat(popped.join()).isEqualTo(bytes("a"));
        assertThat(scores.join()).containsExactly(new ScoredValue<>("one", 1.0));
        assertThat(score).isCompletedWithValue(1.0);
        assertThat(incr).isCompletedWithValue(2.0);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void badScores_failBeforeAnythingIsSent(Protocol protocol) {
        DragonflyClient client = client(protocol);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.zadd("z", Double.NaN, "m"))
                .withMessageContaining("NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScoreRange.closed(Double.NaN, 1))
                .withMessageContaining("NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.zadd("z", Map.of()))
                .withMessageContaining("ZADD");
    }
}
