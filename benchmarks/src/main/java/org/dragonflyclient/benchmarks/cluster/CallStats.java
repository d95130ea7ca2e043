package org.dragonflyclient.benchmarks.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * What a scenario's calls did: how many succeeded, how many failed and with which exception, and
 * the longest any call waited. Shared by the load threads.
 */
final class CallStats {

    private final AtomicLong succeeded = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final LongAccumulator longestNanos = new LongAccumulator(Math::max, 0);
    private final AtomicLong overTimeout = new AtomicLong();
    /** A timer firing a little late is not a caller kept waiting: 5% of the timeout is allowed for it. */
    private final long timeoutNanos = ClusterClientUnderTest.COMMAND_TIMEOUT.toNanos() * 105 / 100;

    void succeeded(long nanos) {
        succeeded.incrementAndGet();
        took(nanos);
    }

    void failed(Throwable failure, long nanos) {
        failures.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicLong())
                .incrementAndGet();
        took(nanos);
    }

    private void took(long nanos) {
        longestNanos.accumulate(nanos);
        if (nanos > timeoutNanos) {
            overTimeout.incrementAndGet();
        }
    }

    long succeeded() {
        return succeeded.get();
    }

    long failed() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** @return e.g. {@code 12 (JedisConnectionException 10, RedisCommandTimeoutException 2)} or {@code 0} */
    String failuresText() {
        long total = failed();
        if (total == 0) {
            return "0";
        }
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((name, count) -> sorted.put(name, count.get()));
        StringBuilder text = new StringBuilder().append(total).append(" (");
        sorted.forEach(
                (name, count) -> text.append(name).append(' ').append(count).append(", "));
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }

    long longestMillis() {
        return longestNanos.get() / 1_000_000;
    }

    /** @return calls that took longer than {@link ClusterClientUnderTest#COMMAND_TIMEOUT} and 5% */
    long overTimeout() {
        return overTimeout.get();
    }
}
