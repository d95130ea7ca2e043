package org.dragonflyclient.benchmarks;

import org.openjdk.jmh.annotations.Param;

import org.dragonflyclient.benchmarks.client.ClientUnderTest;

/**
 * Workloads b ({@code threads16}) and c ({@code threads64}): 50/50 GET/SET, all threads sharing one
 * client object. Jedis uses Jedis 8's pooled {@code RedisClient} with 16 connections; Lettuce one
 * shared connection; ours its default pool. Here automatic pipelining should let our client go
 * past the request/response ceiling that a non-pipelined client hits.
 *
 * <p>Run: {@code benchmarks/run.sh --only MixedReadWriteBenchmark}, or against a server you started
 * yourself: {@code BENCHMARK_REDIS=127.0.0.1:PORT java -jar benchmarks/target/benchmarks.jar MixedReadWriteBenchmark}
 */
public class MixedReadWriteBenchmark extends MixedWorkload {

    @Param({ClientUnderTest.DRAGONFLY, ClientUnderTest.JEDIS, ClientUnderTest.LETTUCE})
    public String library;

    @Override
    protected ClientUnderTest openClient() {
        BenchmarkServer server = BenchmarkServer.fromEnvironment();
        return ClientUnderTest.sharedByThreads(library, server);
    }
}
