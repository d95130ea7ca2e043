package org.dragonflyclient.benchmarks.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.dragonflyclient.benchmarks.BenchmarkServer;
import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.Pipeline;

/**
 * This project's client, used through its synchronous API and {@link Pipeline}, with default
 * options. {@code -Dbenchmark.spinWaitMicros=N} sets {@link ClientOptions#spinWait()}, to measure
 * the client with the spin off ({@code 0}) or longer; pass it with JMH's {@code -jvmArgsPrepend},
 * which keeps the forks' heap settings ({@code -jvmArgsAppend} would replace them).
 */
public class DragonflyClientUnderTest implements ClientUnderTest {

    /** The client every operation goes to. */
    protected final DragonflyClient client;

    /** @param poolSize connections, or 0 for the client's default */
    DragonflyClientUnderTest(BenchmarkServer server, int poolSize) {
        this(DragonflyClient.create(options(server, poolSize)));
    }

    /** @param client a connected client, closed with this one (the cluster adapter passes its own) */
    protected DragonflyClientUnderTest(DragonflyClient client) {
        this.client = client;
    }

    private static ClientOptions options(BenchmarkServer server, int poolSize) {
        ClientOptions.Builder options =
                ClientOptions.builder().host(server.host()).port(server.port());
        if (poolSize > 0) {
            options.poolSize(poolSize);
        }
        Duration spinWait = spinWaitOverride();
        if (spinWait != null) {
            options.spinWait(spinWait);
        }
        return options.build();
    }

    /** @return the spin budget {@code -Dbenchmark.spinWaitMicros=N} asks for, or {@code null} for the default */
    protected static Duration spinWaitOverride() {
        String micros = System.getProperty("benchmark.spinWaitMicros");
        return micros == null ? null : Duration.of(Long.parseLong(micros), ChronoUnit.MICROS);
    }

    @Override
    public byte[] get(byte[] key) {
        return client.get(key);
    }

    @Override
    public void set(byte[] key, byte[] value) {
        client.set(key, value);
    }

    @Override
    public Object mget(byte[]... keys) {
        return client.mget(keys);
    }

    @Override
    public List<byte[]> mgetValues(byte[]... keys) {
        return client.mget(keys);
    }

    @Override
    public void pipelineSet(byte[][] keys, byte[] value) {
        try (Pipeline pipeline = client.pipeline()) {
            for (byte[] key : keys) {
                pipeline.set(key, value);
            }
            pipeline.sync();
        }
    }

    @Override
    public String describe() {
        return "dragonfly-core, poolSize " + client.options().poolSize() + ", spinWait "
                + client.options().spinWait().toNanos() / 1000 + " µs, " + client.protocol();
    }

    @Override
    public void close() {
        client.close();
    }
}
