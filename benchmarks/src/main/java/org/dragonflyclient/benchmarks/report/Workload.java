package org.dragonflyclient.benchmarks.report;

/**
 * The rows of the results table, in the order, with the bar each must reach. This is the
 * one place that knows which benchmark method is which workload and what its target is.
 */
enum Workload {
    A("a", "GET, 1 thread", "GetBenchmark.get", "library", "jedis", "lettuce", Peer.JEDIS, 1.0, true),
    B(
            "b",
            "50/50 GET/SET, 16 threads",
            "MixedReadWriteBenchmark.threads16",
            "library",
            "jedis",
            "lettuce",
            Peer.LETTUCE,
            2.0,
            false),
    C(
            "c",
            "50/50 GET/SET, 64 threads",
            "MixedReadWriteBenchmark.threads64",
            "library",
            "jedis",
            "lettuce",
            Peer.LETTUCE,
            2.0,
            false),
    D("d", "MGET of 100 keys, 1 thread", "MgetBenchmark.mget", "library", "jedis", "lettuce", Peer.JEDIS, 1.0, true),
    E(
            "e",
            "pipeline of 1,000 SETs, 1 thread",
            "PipelineBenchmark.pipeline?commands=1000",
            "library",
            "jedis",
            "lettuce",
            Peer.JEDIS,
            1.0,
            false),
    F(
            "f",
            "GET of a 100 KiB value, 1 thread",
            "LargeValueBenchmark.getLarge",
            "library",
            "jedis",
            "lettuce",
            Peer.JEDIS,
            1.0,
            false),
    G(
            "g",
            "@Cacheable hit, 16 threads",
            "CacheHitBenchmark.cacheHit?observation=off",
            "cacheManager",
            null,
            "spring-data-redis",
            Peer.LETTUCE,
            2.0,
            false);

    /** The two peer columns. For g the second column is Spring Data Redis's RedisCacheManager on Lettuce. */
    enum Peer {
        JEDIS,
        LETTUCE
    }

    /** The {@code @Param} value of our side, in every benchmark. */
    static final String OURS = "dragonfly";

    final String letter;
    final String title;
    /** {@code SimpleClassName.method}, then optionally {@code ?param=value} that a result must also have. */
    final String benchmark;

    final String param;
    final String jedisValue;
    final String lettuceValue;
    final Peer targetPeer;
    final double targetRatio;
    /** Workload h: bytes/op must not exceed Jedis's. */
    final boolean allocationTarget;

    Workload(
            String letter,
            String title,
            String benchmark,
            String param,
            String jedisValue,
            String lettuceValue,
            Peer targetPeer,
            double targetRatio,
            boolean allocationTarget) {
        this.letter = letter;
        this.title = title;
        this.benchmark = benchmark;
        this.param = param;
        this.jedisValue = jedisValue;
        this.lettuceValue = lettuceValue;
        this.targetPeer = targetPeer;
        this.targetRatio = targetRatio;
        this.allocationTarget = allocationTarget;
    }

    /** @return the name of the peer that carries the target, as the table says it */
    String targetPeerName() {
        if (this == G) {
            return "Spring Data Redis";
        }
        return targetPeer == Peer.JEDIS ? "Jedis" : "Lettuce";
    }

    /** @return e.g. {@code ≥ 2.0x Lettuce} */
    String targetText() {
        return "≥ " + String.format(java.util.Locale.ROOT, "%.1f", targetRatio) + "x " + targetPeerName();
    }

    /** @return e.g. {@code a. GET, 1 thread} */
    String label() {
        return letter + ". " + title;
    }
}
