package org.dragonflyclient.core.internal.client;

import static org.dragonflyclient.core.internal.output.ValueDecoder.BYTES;
import static org.dragonflyclient.core.internal.output.ValueDecoder.UTF8;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.ScoreRange;
import org.dragonflyclient.core.ScoredValue;
import org.dragonflyclient.core.SortedSetAsyncCommands;
import org.dragonflyclient.core.internal.command.SortedSetCommandBuilder;

/**
 * The sorted-set commands of {@link SortedSetAsyncCommands}: each builds its command with
 * {@link SortedSetCommandBuilder} and hands each command to {@link AsyncMode#send}: sent at once, kept for a pipeline's next write, or queued for a transaction's {@code EXEC}.
 */
interface AsyncSortedSets extends SortedSetAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    SortedSetCommandBuilder SORTED_SETS = SortedSetCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<Long> zadd(byte[] key, double score, byte[] member) {
        return send(SORTED_SETS.zadd(key, score, member));
    }

    @Override
    default CompletableFuture<Long> zadd(String key, double score, String member) {
        return send(SORTED_SETS.zadd(key, score, member));
    }

    @Override
    default CompletableFuture<Long> zadd(byte[] key, Map<byte[], Double> scores) {
        return send(SORTED_SETS.zadd(key, scores));
    }

    @Override
    default CompletableFuture<Long> zadd(String key, Map<String, Double> scores) {
        return send(SORTED_SETS.zadd(key, scores));
    }

    @Override
    default CompletableFuture<List<byte[]>> zrange(byte[] key, long start, long stop) {
        return send(SORTED_SETS.zrange(key, start, stop, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> zrange(String key, long start, long stop) {
        return send(SORTED_SETS.zrange(key, start, stop, UTF8));
    }

    @Override
    default CompletableFuture<List<ScoredValue<byte[]>>> zrangeWithScores(byte[] key, long start, long stop) {
        return send(SORTED_SETS.zrangeWithScores(key, start, stop, BYTES));
    }

    @Override
    default CompletableFuture<List<ScoredValue<String>>> zrangeWithScores(String key, long start, long stop) {
        return send(SORTED_SETS.zrangeWithScores(key, start, stop, UTF8));
    }

    @Override
    default CompletableFuture<List<byte[]>> zrangeByScore(byte[] key, ScoreRange range) {
        return send(SORTED_SETS.zrangeByScore(key, range, -1, -1, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> zrangeByScore(String key, ScoreRange range) {
        return send(SORTED_SETS.zrangeByScore(key, range, -1, -1, UTF8));
    }

    @Override
    default CompletableFuture<List<byte[]>> zrangeByScore(byte[] key, ScoreRange range, long offset, long count) {
        return send(SORTED_SETS.zrangeByScore(key, range, SortedSetCommandBuilder.requireOffset(offset), count, BYTES));
    }

    @Override
    default CompletableFuture<List<String>> zrangeByScore(String key, ScoreRange range, long offset, long count) {
        return send(SORTED_SETS.zrangeByScore(key, range, SortedSetCommandBuilder.requireOffset(offset), count, UTF8));
    }

    @Override
    default CompletableFuture<List<ScoredValue<byte[]>>> zrangeByScoreWithScores(byte[] key, ScoreRange range) {
        return send(SORTED_SETS.zrangeByScoreWithScores(key, range, -1, -1, BYTES));
    }

    @Override
    default CompletableFuture<List<ScoredValue<String>>> zrangeByScoreWithScores(String key, ScoreRange range) {
        return send(SORTED_SETS.zrangeByScoreWithScores(key, range, -1, -1, UTF8));
    }

    @Override
    default CompletableFuture<Long> zrem(byte[] key, byte[]... members) {
        return send(SORTED_SETS.zrem(key, members));
    }

    @Override
    default CompletableFuture<Long> zrem(String key, String... members) {
        return send(SORTED_SETS.zrem(key, members));
    }

    @Override
    default CompletableFuture<Double> zscore(byte[] key, byte[] member) {
        return send(SORTED_SETS.zscore(key, member));
    }

    @Override
    default CompletableFuture<Double> zscore(String key, String member) {
        return send(SORTED_SETS.zscore(key, member));
    }

    @Override
    default CompletableFuture<Double> zincrby(byte[] key, double increment, byte[] member) {
        return send(SORTED_SETS.zincrby(key, increment, member));
    }

    @Override
    default CompletableFuture<Double> zincrby(String key, double increment, String member) {
        return send(SORTED_SETS.zincrby(key, increment, member));
    }

    @Override
    default CompletableFuture<Long> zcard(byte[] key) {
        return send(SORTED_SETS.zcard(key));
    }

    @Override
    default CompletableFuture<Long> zcard(String key) {
        return send(SORTED_SETS.zcard(key));
    }
}
