package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.ScoreRange;
import org.dragonflyclient.core.ScoredValue;
import org.dragonflyclient.core.SortedSetCommands;
import org.dragonflyclient.core.internal.command.SortedSetCommandBuilder;

/**
 * The sorted-set commands of {@link SortedSetCommands}: each builds its command with
 * {@link SortedSetCommandBuilder} and waits for each reply through {@link SyncMode#call}.
 */
interface SyncSortedSets extends SortedSetCommands, SyncMode {

    /** Shared, stateless. */
    SortedSetCommandBuilder SORTED_SETS = SortedSetCommandBuilder.INSTANCE;

    @Override
    default long zadd(byte[] key, double score, byte[] member) {
        return call(SORTED_SETS.zadd(key, score, member));
    }

    @Override
    default long zadd(String key, double score, String member) {
        return call(SORTED_SETS.zadd(key, score, member));
    }

    @Override
    default long zadd(byte[] key, Map<byte[], Double> scores) {
        return call(SORTED_SETS.zadd(key, scores));
    }

    @Override
    default long zadd(String key, Map<String, Double> scores) {
        return call(SORTED_SETS.zadd(key, scores));
    }

    @Override
    default List<byte[]> zrange(byte[] key, long start, long stop) {
        return call(SORTED_SETS.zrange(key, start, stop, BYTES));
    }

    @Override
    default List<String> zrange(String key, long start, long stop) {
        return call(SORTED_SETS.zrange(key, start, stop, UTF8));
    }

    @Override
    default List<ScoredValue<byte[]>> zrangeWithScores(byte[] key, long start, long stop) {
        return call(SORTED_SETS.zrangeWithScores(key, start, stop, BYTES));
    }

    @Override
    default List<ScoredValue<String>> zrangeWithScores(String key, long start, long stop) {
        return call(SORTED_SETS.zrangeWithScores(key, start, stop, UTF8));
    }

    @Override
    default List<byte[]> zrangeByScore(byte[] key, ScoreRange range) {
        return call(SORTED_SETS.zrangeByScore(key, range, -1, -1, BYTES));
    }

    @Override
    default List<String> zrangeByScore(String key, ScoreRange range) {
        return call(SORTED_SETS.zrangeByScore(key, range, -1, -1, UTF8));
    }

    @Override
    default List<byte[]> zrangeByScore(byte[] key, ScoreRange range, long offset, long count) {
        return call(SORTED_SETS.zrangeByScore(key, range, SortedSetCommandBuilder.requireOffset(offset), count, BYTES));
    }

    @Override
    default List<String> zrangeByScore(String key, ScoreRange range, long offset, long count) {
        return call(SORTED_SETS.zrangeByScore(key, range, SortedSetCommandBuilder.requireOffset(offset), count, UTF8));
    }

    @Override
    default List<ScoredValue<byte[]>> zrangeByScoreWithScores(byte[] key, ScoreRange range) {
        return call(SORTED_SETS.zrangeByScoreWithScores(key, range, -1, -1, BYTES));
    }

    @Override
    default List<ScoredValue<String>> zrangeByScoreWithScores(String key, ScoreRange range) {
        return call(SORTED_SETS.zrangeByScoreWithScores(key, range, -1, -1, UTF8));
    }

    @Override
    default long zrem(byte[] key, byte[]... members) {
        return call(SORTED_SETS.zrem(key, members));
    }

    @Override
    default long zrem(String key, String... members) {
        return call(SORTED_SETS.zrem(key, members));
    }

    @Override
    default Double zscore(byte[] key, byte[] member) {
        return call(SORTED_SETS.zscore(key, member));
    }

    @Override
    default Double zscore(String key, String member) {
        return call(SORTED_SETS.zscore(key, member));
    }

    @Override
    default double zincrby(byte[] key, double increment, byte[] member) {
        return call(SORTED_SETS.zincrby(key, increment, member));
    }

    @Override
    default double zincrby(String key, double increment, String member) {
        return call(SORTED_SETS.zincrby(key, increment, member));
    }

    @Override
    default long zcard(byte[] key) {
        return call(SORTED_SETS.zcard(key));
    }

    @Override
    default long zcard(String key) {
        return call(SORTED_SETS.zcard(key));
    }
}
