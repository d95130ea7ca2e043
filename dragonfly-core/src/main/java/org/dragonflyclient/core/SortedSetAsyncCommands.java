package org.dragonflyclient.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The asynchronous forms of {@link SortedSetCommands}: the same commands, arguments and results,
 * as futures. Part of {@link DragonflyAsyncCommands}, which says how futures complete and fail.
 */
public interface SortedSetAsyncCommands {

    /**
     * {@code ZADD key score member}.
     *
     * @param key the key
     * @param score the score
     * @param member the member
     * @return a future of 1 when the member was added, 0 when only its score was updated
     */
    CompletableFuture<Long> zadd(byte[] key, double score, byte[] member);

    /**
     * {@code ZADD key score member}, as text.
     *
     * @param key the key
     * @param score the score
     * @param member the member
     * @return a future of 1 when the member was added, 0 when only its score was updated
     */
    CompletableFuture<Long> zadd(String key, double score, String member);

    /**
     * {@code ZADD key score member [score member ...]}.
     *
     * @param key the key
     * @param scores each member with its score, at least one
     * @return a future of the number of members added (not counting updated ones)
     */
    CompletableFuture<Long> zadd(byte[] key, Map<byte[], Double> scores);

    /**
     * {@code ZADD key score member [score member ...]}, as text.
     *
     * @param key the key
     * @param scores each member with its score, at least one
     * @return a future of the number of members added (not counting updated ones)
     */
    CompletableFuture<Long> zadd(String key, Map<String, Double> scores);

    /**
     * {@code ZRANGE key start stop}: members by rank, lowest score first.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end ({@code -1} is the highest)
     * @param stop last rank, included
     * @return a future of the members; empty, never {@code null}, when the key does not exist
     */
    CompletableFuture<List<byte[]>> zrange(byte[] key, long start, long stop);

    /**
     * {@code ZRANGE key start stop}, as text.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end ({@code -1} is the highest)
     * @param stop last rank, included
     * @return a future of the members; empty, never {@code null}, when the key does not exist
     */
    CompletableFuture<List<String>> zrange(String key, long start, long stop);

    /**
     * {@code ZRANGE key start stop WITHSCORES}.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end
     * @param stop last rank, included
     * @return a future of the members with their scores; empty when the key does not exist
     */
    CompletableFuture<List<ScoredValue<byte[]>>> zrangeWithScores(byte[] key, long start, long stop);

    /**
     * {@code ZRANGE key start stop WITHSCORES}, as text.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end
     * @param stop last rank, included
     * @return a future of the members with their scores; empty when the key does not exist
     */
    CompletableFuture<List<ScoredValue<String>>> zrangeWithScores(String key, long start, long stop);

    /**
     * {@code ZRANGE key min max BYSCORE}: members whose score is in the range, lowest first.
     *
     * @param key the key
     * @param range the score bounds
     * @return a future of the members; empty when none matches
     */
    CompletableFuture<List<byte[]>> zrangeByScore(byte[] key, ScoreRange range);

    /**
     * {@code ZRANGE key min max BYSCORE}, as text.
     *
     * @param key the key
     * @param range the score bounds
     * @return a future of the members; empty when none matches
     */
    CompletableFuture<List<String>> zrangeByScore(String key, ScoreRange range);

    /**
     * {@code ZRANGE key min max BYSCORE LIMIT offset count}: one page of the members in the range.
     *
     * @param key the key
     * @param range the score bounds
     * @param offset matching members to skip, 0 or more
     * @param count members to return at most; negative for all after the offset
     * @return a future of the members; empty when none matches
     */
    CompletableFuture<List<byte[]>> zrangeByScore(byte[] key, ScoreRange range, long offset, long count);

    /**
     * {@code ZRANGE key min max BYSCORE LIMIT offset count}, as text.
     *
     * @param key the key
     * @param range the score bounds
     * @param offset matching members to skip, 0 or more
     * @param count members to return at most; negative for all after the offset
     * @return a future of the members; empty when none matches
     */
    CompletableFuture<List<String>> zrangeByScore(String key, ScoreRange range, long offset, long count);

    /**
     * {@code ZRANGE key min max BYSCORE WITHSCORES}.
     *
     * @param key the key
     * @param range the score bounds
     * @return a future of the members with their scores; empty when none matches
     */
    CompletableFuture<List<ScoredValue<byte[]>>> zrangeByScoreWithScores(byte[] key, ScoreRange range);

    /**
     * {@code ZRANGE key min max BYSCORE WITHSCORES}, as text.
     *
     * @param key the key
     * @param range the score bounds
     * @return a future of the members with their scores; empty when none matches
     */
    CompletableFuture<List<ScoredValue<String>>> zrangeByScoreWithScores(String key, ScoreRange range);

    /**
     * {@code ZREM key member [member ...]}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return a future of the number of members that existed and were removed
     */
    CompletableFuture<Long> zrem(byte[] key, byte[]... members);

    /**
     * {@code ZREM key member [member ...]}, as text.
     *
     * @param key the key
     * @param members the members, at least one
     * @return a future of the number of members that existed and were removed
     */
    CompletableFuture<Long> zrem(String key, String... members);

    /**
     * {@code ZSCORE key member}.
     *
     * @param key the key
     * @param member the member
     * @return a future of the score, or {@code null} when the member or the key does not exist
     */
    CompletableFuture<@Nullable Double> zscore(byte[] key, byte[] member);

    /**
     * {@code ZSCORE key member}, as text.
     *
     * @param key the key
     * @param member the member
     * @return a future of the score, or {@code null} when the member or the key does not exist
     */
    CompletableFuture<@Nullable Double> zscore(String key, String member);

    /**
     * {@code ZINCRBY key increment member}.
     *
     * @param key the key
     * @param increment the amount to add to the score, may be negative
     * @param member the member; a missing one is added with score {@code increment}
     * @return a future of the new score
     */
    CompletableFuture<Double> zincrby(byte[] key, double increment, byte[] member);

    /**
     * {@code ZINCRBY key increment member}, as text.
     *
     * @param key the key
     * @param increment the amount to add to the score, may be negative
     * @param member the member; a missing one is added with score {@code increment}
     * @return a future of the new score
     */
    CompletableFuture<Double> zincrby(String key, double increment, String member);

    /**
     * {@code ZCARD key}.
     *
     * @param key the key
     * @return a future of the number of members, 0 when the key does not exist
     */
    CompletableFuture<Long> zcard(byte[] key);

    /**
     * {@code ZCARD key}.
     *
     * @param key the key
     * @return a future of the number of members, 0 when the key does not exist
     */
    CompletableFuture<Long> zcard(String key);
}
