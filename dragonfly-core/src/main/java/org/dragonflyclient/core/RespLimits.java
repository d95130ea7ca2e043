package org.dragonflyclient.core;

/**
 * Hard caps on what the decoder accepts from a server. A reply over a cap ends in a
 * {@link org.dragonflyclient.core.DragonflyProtocolException} and a closed connection: a broken or
 * hostile server can never make the client run out of memory or stack.
 *
 * @param maxBulkLength largest bulk or verbatim string accepted, in bytes
 * @param maxAggregateLength largest element count accepted in one array, set, map or push
 * @param maxNestingDepth deepest nesting of aggregates (and attributes) accepted
 * @param maxLineLength longest simple string, error, number or length line accepted, in bytes
 */
public record RespLimits(int maxBulkLength, int maxAggregateLength, int maxNestingDepth, int maxLineLength) {

    /** 512 MiB, the largest value Redis and Dragonfly store. */
    public static final int DEFAULT_MAX_BULK_LENGTH = 512 * 1024 * 1024;
    /** 64 Mi elements: far above any real reply, far below what would exhaust the heap up front. */
    public static final int DEFAULT_MAX_AGGREGATE_LENGTH = 64 * 1024 * 1024;
    /** 128 levels: real replies nest a handful deep. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 128;
    /** 1 MiB: error and status lines are short; long text comes as bulk strings. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

    /** The defaults above. */
    public static final RespLimits DEFAULTS = new RespLimits(
            DEFAULT_MAX_BULK_LENGTH, DEFAULT_MAX_AGGREGATE_LENGTH, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_LINE_LENGTH);

    /**
     * Validates the limits.
     *
     * @param maxBulkLength largest bulk or verbatim string accepted, in bytes
     * @param maxAggregateLength largest element count accepted in one array, set, map or push
     * @param maxNestingDepth deepest nesting of aggregates (and attributes) accepted
     * @param maxLineLength longest simple string, error, number or length line accepted, in bytes
     * @throws IllegalArgumentException when a limit is not positive
     */
    public RespLimits {
        requirePositive(maxBulkLength, "maxBulkLength");
        requirePositive(maxAggregateLength, "maxAggregateLength");
        requirePositive(maxNestingDepth, "maxNestingDepth");
        requirePositive(maxLineLength, "maxLineLength");
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * Returns a copy with another bulk limit.
     *
     * @param bytes the largest bulk string accepted
     * @return new limits
     */
    public RespLimits withMaxBulkLength(int bytes) {
        return new RespLimits(bytes, maxAggregateLength, maxNestingDepth, maxLineLength);
    }

    /**
     * Returns a copy with another aggregate limit.
     *
     * @param elements the largest element count accepted
     * @return new limits
     */
    public RespLimits withMaxAggregateLength(int elements) {
        return new RespLimits(maxBulkLength, elements, maxNestingDepth, maxLineLength);
    }

    /**
     * Returns a copy with another nesting limit.
     *
     * @param depth the deepest nesting accepted
     * @return new limits
     */
    public RespLimits withMaxNestingDepth(int depth) {
        return new RespLimits(maxBulkLength, maxAggregateLength, depth, maxLineLength);
    }

    /**
     * Returns a copy with another line limit.
     *
     * @param bytes the longest line accepted
     * @return new limits
     */
    public RespLimits withMaxLineLength(int bytes) {
        return new RespLimits(maxBulkLength, maxAggregateLength, maxNestingDepth, bytes);
    }
}
