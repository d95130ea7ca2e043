package org.dragonflyclient.core;

/**
 * A sorted-set member with its score, as returned by the {@code ...WithScores} methods.
 *
 * <p>In the binary form the member is a {@code byte[]}; a record compares arrays by identity, so
 * compare members with {@link java.util.Arrays#equals(byte[], byte[])}.
 *
 * @param value the member
 * @param score its score
 * @param <V> {@code byte[]} or {@code String}
 */
public record ScoredValue<V>(V value, double score) {}
