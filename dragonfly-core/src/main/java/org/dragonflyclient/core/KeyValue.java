package org.dragonflyclient.core;

/**
 * A value and the key it came from: the answer of {@code BLPOP} and {@code BRPOP}, which wait on
 * several lists and say which one they popped from.
 *
 * <p>In the binary form both are {@code byte[]}; a record compares arrays by identity, so compare
 * them with {@link java.util.Arrays#equals(byte[], byte[])}.
 *
 * @param key the list the value was popped from
 * @param value the value
 * @param <V> {@code byte[]} or {@code String}
 */
public record KeyValue<V>(V key, V value) {}
