package org.dragonflyclient.spring.cache;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.DragonflyClient;

/**
 * What the caches of one manager share: the client, the failure policy with its circuit breaker
 * (an outage concerns every cache at once), the single-flight registry, the optional cross-JVM
 * lease, the executor of asynchronous results and the batch size of {@code clear()}.
 */
record CacheRuntime(
        DragonflyClient client,
        FailureGuard guard,
        SingleFlight flights,
        @Nullable LoadLease lease,
        Executor executor,
        int clearBatchSize) {}
