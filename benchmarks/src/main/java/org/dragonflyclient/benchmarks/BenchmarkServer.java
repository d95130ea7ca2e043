package org.dragonflyclient.benchmarks;

/**
 * The server every benchmark talks to, named by {@code BENCHMARK_REDIS=host:port} in the
 * environment (inherited by JMH's forked JVMs) or by {@code -Dbenchmark.redis=host:port}.
 *
 * <p>There is deliberately no default: {@code run.sh} starts a private server on a free port, and
 * a benchmark must never fill up whatever happens to listen on 6379.
 *
 * @param host the server's host
 * @param port the server's port
 */
public record BenchmarkServer(String host, int port) {

    /** Environment variable naming the server. */
    public static final String ENVIRONMENT_VARIABLE = "BENCHMARK_REDIS";
    /** System property naming the server; wins over the environment variable. */
    public static final String SYSTEM_PROPERTY = "benchmark.redis";

    /**
     * @return the server named by the system property or the environment
     * @throws IllegalStateException when neither names one
     */
    public static BenchmarkServer fromEnvironment() {
        String spec = System.getProperty(SYSTEM_PROPERTY, System.getenv(ENVIRONMENT_VARIABLE));
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException("No benchmark server: run benchmarks/run.sh, which starts one, or set "
                    + ENVIRONMENT_VARIABLE + "=host:port for a server you started yourself (never a shared one)");
        }
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " must be host:port, was " + spec);
        }
        return new BenchmarkServer(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
