package org.dragonflyclient.core;

/**
 * The aggregate types of RESP2 and RESP3, as reported to {@link ReplySink#aggregateStart}.
 * Scalar types have a callback each and need no constant here.
 */
public enum RespType {
    /** {@code *}: an ordered list of values. */
    ARRAY,
    /** {@code ~}: an unordered collection of distinct values (RESP3). */
    SET,
    /** {@code %}: key/value pairs; its size counts pairs, and its elements alternate key, value (RESP3). */
    MAP,
    /** {@code >}: out-of-band data such as pub/sub messages and invalidations (RESP3). */
    PUSH
}
