package org.dragonflyclient.core;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Sorted-set commands. Part of {@link DragonflyCommands}, whose conventions apply; the
 * asynchronous forms are in {@link SortedSetAsyncCommands}. Scores are doubles; infinite scores
 * are sent as {@code +inf}/{@code -inf}, and {@code NaN} is refused before anything is sent.
 * Range queries use {@code ZRANGE ... BYSCORE} (Redis 6.2 and later, and Dragonfly).
 */
public interface SortedSetCommands {

    /**
     * {@code ZADD key score member}.
     *
     * @param key the key
     * @param score the score
     * @param member the member
     * @return 1 when the member was added, 0 when only its score was updated
     */
    long zadd(byte[] key, double score, byte[] member);

    /**
     * {@code ZADD key score member}, as text.
     *
     * @param key the key
     * @param score the score
     * @param member the member
     * @return 1 when the member was added, 0 when only its score was updated
     */
    long zadd(String key, double score, String member);

    /**
     * {@code ZADD key score member [score member ...]}.
     *
     * @param key the key
     * @param scores each member with its score, at least one
     * @return the number of members added (not counting updated ones)
     */
    long zadd(byte[] key, Map<byte[], Double> scores);

    /**
     * {@code ZADD key score member [score member ...]}, as text.
     *
     * @param key the key
     * @param scores each member with its score, at least one
     * @return the number of members added (not counting updated ones)
     */
    long zadd(String key, Map<String, Double> scores);

    /**
     * {@code ZRANGE key start stop}: members by rank, lowest score first.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end ({@code -1} is the highest)
     * @param stop last rank, included
     * @return the members; empty, never {@code null}, when the key does not exist
     */
    List<byte[]> zrange(byte[] key, long start, long stop);

    /**
     * {@code ZRANGE key start stop}, as text.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end ({@code -1} is the highest)
     * @param stop last rank, included
     * @return the members; empty, never {@code null}, when the key does not exist
     */
    List<String> zrange(String key, long start, long stop);

    /**
     * {@code ZRANGE key start stop WITHSCORES}.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end
     * @param stop last rank, included
     * @return the members with their scores; empty when the key does not exist
     */
    List<ScoredValue<byte[]>> zrangeWithScores(byte[] key, long start, long stop);

    /**
     * {@code ZRANGE key start stop WITHSCORES}, as text.
     *
     * @param key the key
     * @param start first rank; negative ranks count from the end
     * @param stop last rank, included
     * @return the members with their scores; empty when the key does not exist
     */
    List<ScoredValue<String>> zrangeWithScores(String key, long start, long stop);

    /**
     * {@code ZRANGE key min max BYSCORE}: members whose score is in the range, lowest first.
     *
     * @param key the key
     * @param range the score bounds
     * @return the members; empty when none matches
     */
    List<byte[]> zrangeByScore(byte[] key, ScoreRange range);

    /**
     * {@code ZRANGE key min max BYSCORE}, as text.
     *
     * @param key the key
     * @param range the score bounds
     * @return the members; empty when none matches
     */
    List<String> zrangeByScore(String key, ScoreRange range);

    /**
     * {@code ZRANGE key min max BYSCORE LIMIT offset count}: one page of the members in the range.
     *
     * @param key the key
     * @param range the score bounds
     * @param offset matching members to skip, 0 or more
     * @param count members to return at most; negative for all after the offset
     * @return the members; empty when none matches
     */
    List<byte[]> zrangeByScore(byte[] key, ScoreRange range, long offset, long count);

    /**
     * {@code ZRANGE key min max BYSCORE LIMIT offset count}, as text.
     *
     * @param key the key
     * @param range the score bounds
     * @param offset matching members to skip, 0 or more
     * @param count members to return at most; negative for all after the offset
     * @return the members; empty when none matches
     */
    List<String> zrangeByScore(String key, ScoreRange range, long offset, long count);

    /**
     * {@code ZRANGE key min max BYSCORE WITHSCORES}.
     *
     * @param key the key
     * @param range the score bounds
     * @return the members with their scores; empty when none matches
     */
    List<ScoredValue<byte[]>> zrangeByScoreWithScores(byte[] key, ScoreRange range);

    /**
     * {@code ZRANGE key min max BYSCORE WITHSCORES}, as text.
     *
     * @param key the key
     * @param range the score bounds
     * @return the members with their scores; empty when none matches
     */
    List<ScoredValue<String>> zrangeByScoreWithScores(String key, ScoreRange range);

    /**
     * {@code ZREM key member [member ...]}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members that existed and were removed
     */
    long zrem(byte[] key, byte[]... members);

    /**
     * {@code ZREM key member [member ...]}, as text.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members that existed and were removed
     */
    long zrem(String key, String... members);

    /**
     * {@code ZSCORE key member}.
     *
     * @param key the key
     * @param member the member
     * @return the score, or {@code null} when the member or the key does not exist
     */
    @Nullable
    Double zscore(byte[] key, byte[] member);

    /**
     * {@code ZSCORE key member}, as text.
     *
     * @param key the key
     * @param member the member
     * @return the score, or {@code null} when the member or the key does not exist
     */
    @Nullable
    Double zscore(String key, String member);

    /**
     * {@code ZINCRBY key increment member}.
     *
     * @param key the key
     * @param increment the amount to add to the score, may be negative
     * @param member the member; a missing one is added with score {@code increment}
     * @return the new score
     */
    double zincrby(byte[] key, double increment, byte[] member);

    /**
     * {@code ZINCRBY key increment member}, as text.
     *
     * @param key the key
     * @param increment the amount to add to the score, may be negative
     * @param member the member; a missing one is added with score {@code increment}
     * @return the new score
     */
    double zincrby(String key, double increment, String member);

    /**
     * {@code ZCARD key}.
     *
     * @param key the key
     * @return the number of members, 0 when the key does not exist
     */
    long zcard(byte[] key);

    /**
     * {@code ZCARD key}.
     *
     * @param key the key
     * @return the number of members, 0 when the key does not exist
     */
    long zcard(String key);
}
