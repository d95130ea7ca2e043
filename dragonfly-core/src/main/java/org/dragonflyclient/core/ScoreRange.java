package org.dragonflyclient.core;

/**
 * The score bounds of {@code ZRANGE ... BYSCORE}: each bound inclusive or exclusive, or unbounded
 * ({@code -inf}/{@code +inf}). Immutable.
 *
 * <pre>{@code
 * client.zrangeByScore("leaderboard", ScoreRange.closed(10, 20));     // 10 <= score <= 20
 * client.zrangeByScore("leaderboard", ScoreRange.greaterThan(100));   // score > 100
 * }</pre>
 */
public final class ScoreRange {

    private static final ScoreRange ALL =
            new ScoreRange(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    private final double min;
    private final boolean minInclusive;
    private final double max;
    private final boolean maxInclusive;

    private ScoreRange(double min, boolean minInclusive, double max, boolean maxInclusive) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException("Score bounds must be numbers, not NaN");
        }
        this.min = min;
        this.minInclusive = minInclusive;
        this.max = max;
        this.maxInclusive = maxInclusive;
    }

    /** @return every score, {@code -inf} to {@code +inf} */
    public static ScoreRange all() {
        return ALL;
    }

    /**
     * @param min lowest score, included
     * @param max highest score, included
     * @return {@code min <= score <= max}
     */
    public static ScoreRange closed(double min, double max) {
        return new ScoreRange(min, true, max, true);
    }

    /**
     * @param min lower bound, excluded
     * @param max upper bound, excluded
     * @return {@code min < score < max}
     */
    public static ScoreRange open(double min, double max) {
        return new ScoreRange(min, false, max, false);
    }

    /**
     * @param min lowest score, included
     * @return {@code score >= min}
     */
    public static ScoreRange atLeast(double min) {
        return new ScoreRange(min, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * @param min lower bound, excluded
     * @return {@code score > min}
     */
    public static ScoreRange greaterThan(double min) {
        return new ScoreRange(min, false, Double.POSITIVE_INFINITY, true);
    }

    /**
     * @param max highest score, included
     * @return {@code score <= max}
     */
    public static ScoreRange atMost(double max) {
        return new ScoreRange(Double.NEGATIVE_INFINITY, true, max, true);
    }

    /**
     * @param max upper bound, excluded
     * @return {@code score < max}
     */
    public static ScoreRange lessThan(double max) {
        return new ScoreRange(Double.NEGATIVE_INFINITY, true, max, false);
    }

    /** @return the lower bound, {@link Double#NEGATIVE_INFINITY} when unbounded */
    public double min() {
        return min;
    }

    /** @return whether a score equal to {@link #min()} is in the range */
    public boolean isMinInclusive() {
        return minInclusive;
    }

    /** @return the upper bound, {@link Double#POSITIVE_INFINITY} when unbounded */
    public double max() {
        return max;
    }

    /** @return whether a score equal to {@link #max()} is in the range */
    public boolean isMaxInclusive() {
        return maxInclusive;
    }

    @Override
    public String toString() {
        return (minInclusive ? "[" : "(") + min + ", " + max + (maxInclusive ? "]" : ")");
    }
}
