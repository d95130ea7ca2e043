package org.dragonflyclient.core.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.ScoreRange;
import org.dragonflyclient.core.ScoredValue;
import org.dragonflyclient.core.internal.output.DoubleOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ScoredValueListOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueListOutput;

/** Builds the sorted-set commands ({@code ZADD}, {@code ZRANGE}, ...). */
public final class SortedSetCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final SortedSetCommandBuilder INSTANCE = new SortedSetCommandBuilder();

    private SortedSetCommandBuilder() {}

    /**
     * {@code ZADD key score member}.
     *
     * @param key the key
     * @param score the score
     * @param member the member
     * @return the command, answering the number of members added (not updated)
     */
    public Command<Long> zadd(Object key, double score, Object member) {
        return new Command<>(
                Keyword.ZADD,
                new Object[] {Arguments.key(key), Arguments.score(score), Arguments.notNull(member, "member")},
                new LongOutput());
    }

    /**
     * {@code ZADD key score member [score member ...]}.
     *
     * @param key the key
     * @param scores members and their scores
     * @return the command, answering the number of members added (not updated)
     */
    public Command<Long> zadd(Object key, Map<?, Double> scores) {
        Arguments.key(key);
        if (scores == null || scores.isEmpty()) {
            throw new IllegalArgumentException("ZADD needs at least one member and score");
        }
        Object[] args = new Object[1 + 2 * scores.size()];
        args[0] = key;
        int i = 1;
        for (Map.Entry<?, Double> e : scores.entrySet()) {
            args[i++] = Arguments.score((Double) Arguments.notNull(e.getValue(), "ZADD score"));
            args[i++] = Arguments.notNull(e.getKey(), "ZADD member");
        }
        return new Command<>(Keyword.ZADD, args, new LongOutput());
    }

    /**
     * {@code ZRANGE key start stop}, by rank.
     *
     * @param key the key
     * @param start first rank, negative counts from the end
     * @param stop last rank, included; {@code -1} for the last member
     * @param decoder how members are decoded
     * @param <V> the member type
     * @return the command
     */
    public <V> Command<List<V>> zrange(Object key, long start, long stop, ValueDecoder<V> decoder) {
        return new Command<>(
                Keyword.ZRANGE, new Object[] {Arguments.key(key), start, stop}, new ValueListOutput<>(decoder));
    }

    /**
     * {@code ZRANGE key start stop WITHSCORES}.
     *
     * @param key the key
     * @param start first rank
     * @param stop last rank, included
     * @param decoder how members are decoded
     * @param <V> the member type
     * @return the command
     */
    public <V> Command<List<ScoredValue<V>>> zrangeWithScores(
            Object key, long start, long stop, ValueDecoder<V> decoder) {
        return new Command<>(
                Keyword.ZRANGE,
                new Object[] {Arguments.key(key), start, stop, Keyword.WITHSCORES},
                new ScoredValueListOutput<>(decoder));
    }

    /**
     * {@code ZRANGE key min max BYSCORE [LIMIT offset count]}.
     *
     * @param key the key
     * @param range the score bounds
     * @param offset members to skip, or {@code -1} with {@code count -1} for no {@code LIMIT}
     * @param count members to return at most, negative for all after the offset
     * @param decoder how members are decoded
     * @param <V> the member type
     * @return the command
     */
    public <V> Command<List<V>> zrangeByScore(
            Object key, ScoreRange range, long offset, long count, ValueDecoder<V> decoder) {
        return new Command<>(Keyword.ZRANGE, byScore(key, range, offset, count, false), new ValueListOutput<>(decoder));
    }

    /**
     * {@code ZRANGE key min max BYSCORE [LIMIT offset count] WITHSCORES}.
     *
     * @param key the key
     * @param range the score bounds
     * @param offset members to skip, or {@code -1} with {@code count -1} for no {@code LIMIT}
     * @param count members to return at most, negative for all after the offset
     * @param decoder how members are decoded
     * @param <V> the member type
     * @return the command
     */
    public <V> Command<List<ScoredValue<V>>> zrangeByScoreWithScores(
            Object key, ScoreRange range, long offset, long count, ValueDecoder<V> decoder) {
        return new Command<>(
                Keyword.ZRANGE, byScore(key, range, offset, count, true), new ScoredValueListOutput<>(decoder));
    }

    private static Object[] byScore(Object key, ScoreRange range, long offset, long count, boolean withScores) {
        Arguments.key(key);
        if (range == null) {
            throw new IllegalArgumentException("A score range is needed; use ScoreRange.all() for every member");
        }
        List<Object> args = new ArrayList<>(8);
        args.add(key);
        args.add(bound(range.min(), range.isMinInclusive()));
        args.add(bound(range.max(), range.isMaxInclusive()));
        args.add(Keyword.BYSCORE);
        if (offset >= 0) {
            args.add(Keyword.LIMIT);
            args.add(offset);
            args.add(count < 0 ? -1 : count);
        } else if (count >= 0) {
            throw new IllegalArgumentException("LIMIT needs an offset of 0 or more, got " + offset);
        }
        if (withScores) {
            args.add(Keyword.WITHSCORES);
        }
        return args.toArray();
    }

    private static String bound(double score, boolean inclusive) {
        String text = Arguments.score(score);
        return inclusive || Double.isInfinite(score) ? text : "(" + text;
    }

    /**
     * {@code ZREM key member [member ...]}.
     *
     * @param key the key
     * @param members the members
     * @return the command, answering the number of members removed
     */
    public Command<Long> zrem(Object key, Object[] members) {
        return new Command<>(Keyword.ZREM, Arguments.keyAndItems(key, members, "ZREM", "member"), new LongOutput());
    }

    /**
     * {@code ZSCORE key member}.
     *
     * @param key the key
     * @param member the member
     * @return the command, answering {@code null} for a missing member or key
     */
    public Command<Double> zscore(Object key, Object member) {
        return new Command<>(
                Keyword.ZSCORE,
                new Object[] {Arguments.key(key), Arguments.notNull(member, "member")},
                new DoubleOutput());
    }

    /**
     * {@code ZINCRBY key increment member}.
     *
     * @param key the key
     * @param increment the amount to add to the score
     * @param member the member, added with score {@code increment} when missing
     * @return the command, answering the new score
     */
    public Command<Double> zincrby(Object key, double increment, Object member) {
        return new Command<>(
                Keyword.ZINCRBY,
                new Object[] {Arguments.key(key), Arguments.score(increment), Arguments.notNull(member, "member")},
                new DoubleOutput());
    }

    /**
     * {@code ZCARD key}.
     *
     * @param key the key
     * @return the command
     */
    public Command<Long> zcard(Object key) {
        return new Command<>(Keyword.ZCARD, new Object[] {Arguments.key(key)}, new LongOutput());
    }

    /**
     * Checks the {@code LIMIT} offset a caller passed (the builders use {@code -1} internally for
     * "no {@code LIMIT}").
     *
     * @param offset members to skip
     * @return the offset
     */
    public static long requireOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("The LIMIT offset must be 0 or more, got " + offset);
        }
        return offset;
    }
}
