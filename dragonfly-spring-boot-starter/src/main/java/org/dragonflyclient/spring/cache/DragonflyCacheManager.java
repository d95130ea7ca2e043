package org.dragonflyclient.spring.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cache.Cache;
import org.springframework.cache.transaction.AbstractTransactionSupportingCacheManager;

import org.dragonflyclient.core.DragonflyClient;

/**
 * A Spring {@link org.springframework.cache.CacheManager} of {@link DragonflyCache}s sharing one
 * {@link DragonflyClient}. Built with {@link #builder(DragonflyClient)}:
 *
 * <pre>{@code
 * DragonflyCacheManager manager = DragonflyCacheManager.builder(client)
 *         .cacheDefaults(DragonflyCacheSettings.defaults().withTimeToLive(Duration.ofMinutes(10)))
 *         .withCache("sessions", DragonflyCacheSettings.defaults().withTimeToIdle(Duration.ofMinutes(30)))
 *         .build();
 * }</pre>
 *
 * <p>Caches named in the builder exist from the start (and get their metrics bound by Spring
 * Boot); any other name asked for is created on first use with the default settings, unless
 * {@link Builder#allowRuntimeCacheCreation(boolean)} forbids it.
 *
 * <p>A cache whose settings have a {@link LocalTier} keeps the entries it reads in this JVM too;
 * it needs a client created with {@code tracking(true)} and Caffeine on the class path, and
 * {@link #destroy()} stops the local tiers (Spring calls it when the manager is a bean).
 */
public final class DragonflyCacheManager extends AbstractTransactionSupportingCacheManager implements DisposableBean {

    private final CacheRuntime runtime;
    private final DragonflyCacheSettings defaults;
    private final List<DragonflyCache> initialCaches;
    private final boolean allowRuntimeCacheCreation;
    /** Every cache made, so that {@link #destroy()} can stop their local tiers. */
    private final ConcurrentLinkedQueue<DragonflyCache> created = new ConcurrentLinkedQueue<>();

    private DragonflyCacheManager(Builder builder) {
        // The breaker guards the client as a whole: over a cluster it would turn one master's outage
        // into misses for every master. The cluster client fails fast by itself for a node it knows
        // to be down, so over a cluster the other masters keep serving hits and the breaker is off.
        Duration openDuration = builder.client.options().cluster() ? Duration.ZERO : builder.circuitBreakerOpenDuration;
        CircuitBreaker breaker = new CircuitBreaker(openDuration, System::nanoTime);
        FailureGuard guard = new FailureGuard(builder.failFast, breaker);
        LoadLease lease =
                builder.loadLeaseTime.isZero() ? null : new LoadLease(builder.client, guard, builder.loadLeaseTime);
        this.runtime = new CacheRuntime(
                builder.client, guard, new SingleFlight(), lease, builder.executor, builder.clearBatchSize);
        this.defaults = builder.defaults;
        this.allowRuntimeCacheCreation = builder.allowRuntimeCacheCreation;
        this.initialCaches = builder.caches.entrySet().stream()
                .map(e -> create(e.getKey(), e.getValue() != null ? e.getValue() : defaults))
                .toList();
        setTransactionAware(builder.transactionAware);
        initializeCaches();
    }

    /**
     * Starts a builder.
     *
     * @param client the client every cache talks through; the manager does not close it
     * @return a builder with the defaults: {@link DragonflyCacheSettings#defaults()}, fail-open, a
     *     5-second circuit breaker, no cross-JVM lease
     */
    public static Builder builder(DragonflyClient client) {
        return new Builder(client);
    }

    @Override
    protected Collection<? extends Cache> loadCaches() {
        return initialCaches;
    }

    @Override
    protected @Nullable Cache getMissingCache(String name) {
        return allowRuntimeCacheCreation ? create(name, defaults) : null;
    }

    private DragonflyCache create(String name, DragonflyCacheSettings settings) {
        DragonflyCache cache = new DragonflyCache(name, settings, runtime);
        created.add(cache);
        return cache;
    }

    /**
     * Stops the local tiers of the caches: their copies are dropped and they stop listening to
     * invalidations. The client stays open (the manager does not own it); closing the client
     * stops them too.
     */
    @Override
    public void destroy() {
        for (DragonflyCache cache; (cache = created.poll()) != null; ) {
            cache.closeLocalTier();
        }
    }

    /** @return the settings of caches created on first use */
    public DragonflyCacheSettings getDefaultSettings() {
        return defaults;
    }

    /** @return whether cache failures reach the caller instead of being treated as misses */
    public boolean isFailFast() {
        return runtime.guard().failFast();
    }

    /** @return whether the circuit breaker currently skips the server */
    public boolean isCircuitOpen() {
        return runtime.guard().breaker().isOpen();
    }

    /** @return how long the circuit breaker skips the server after a failure; zero when it is off */
    public Duration getCircuitBreakerOpenDuration() {
        return runtime.guard().breaker().openDuration();
    }

    /** @return the cross-JVM load lease time; zero when loads are shared within this JVM only */
    public Duration getLoadLeaseTime() {
        LoadLease lease = runtime.lease();
        return lease != null ? lease.leaseTime() : Duration.ZERO;
    }

    /** @return keys per {@code SCAN} and per {@code UNLINK} in {@code clear()} */
    public int getClearBatchSize() {
        return runtime.clearBatchSize();
    }

    /** @return the client the caches use */
    public DragonflyClient getClient() {
        return runtime.client();
    }

    /** Builds a {@link DragonflyCacheManager}; not thread-safe, use it from one thread. */
    public static final class Builder {

        private final DragonflyClient client;
        private final Map<String, DragonflyCacheSettings> caches = new LinkedHashMap<>();
        private DragonflyCacheSettings defaults = DragonflyCacheSettings.defaults();
        private boolean failFast;
        private Duration circuitBreakerOpenDuration = Duration.ofSeconds(5);
        private Duration loadLeaseTime = Duration.ZERO;
        private int clearBatchSize = 1000;
        private Executor executor = ForkJoinPool.commonPool();
        private boolean transactionAware;
        private boolean allowRuntimeCacheCreation = true;

        private Builder(DragonflyClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * @param settings settings of caches without settings of their own
         * @return this builder
         */
        public Builder cacheDefaults(DragonflyCacheSettings settings) {
            this.defaults = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** @return the settings of caches without settings of their own */
        public DragonflyCacheSettings cacheDefaults() {
            return defaults;
        }

        /**
         * Creates caches at start-up with the default settings (those given in {@link #cacheDefaults}
         * by the time {@link #build()} runs). Names given settings with {@link #withCache} keep them.
         *
         * @param names the cache names
         * @return this builder
         */
        public Builder initialCacheNames(Collection<String> names) {
            names.forEach(name -> caches.putIfAbsent(requireName(name), null));
            return this;
        }

        /**
         * Creates a cache at start-up with settings of its own.
         *
         * @param name the cache name
         * @param settings its settings
         * @return this builder
         */
        public Builder withCache(String name, DragonflyCacheSettings settings) {
            caches.put(requireName(name), Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /** @return the names of the caches created at start-up, in order */
        public Set<String> configuredCacheNames() {
            return Collections.unmodifiableSet(caches.keySet());
        }

        /**
         * @param name a cache name
         * @return the settings that cache will get
         */
        public DragonflyCacheSettings settingsOf(String name) {
            DragonflyCacheSettings own = caches.get(name);
            return own != null ? own : defaults;
        }

        /**
         * @param failFast {@code true} to let server failures reach the caller; {@code false}
         *     (the default) to log and count them and carry on as on a miss
         * @return this builder
         */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * @param duration how long to skip the server after a connection failure or timeout;
         *     zero switches the circuit breaker off. Over a cluster the breaker is always off: it
         *     cannot tell one master's outage from the whole cluster's, so it would turn the other
         *     masters' hits into misses; the client fails fast for a master it knows to be down
         * @return this builder
         */
        public Builder circuitBreakerOpenDuration(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException(
                        "The circuit breaker open duration must not be negative, got " + duration);
            }
            this.circuitBreakerOpenDuration = duration;
            return this;
        }

        /**
         * Makes {@code get(key, Callable)} load a missing key once across all JVMs sharing the
         * server, with a lease of this duration; zero (the default) loads once per JVM only.
         *
         * @param leaseTime the longest one loader holds the others back; longer than a typical load
         * @return this builder
         */
        public Builder distributedLoadLease(Duration leaseTime) {
            if (leaseTime.isNegative()) {
                throw new IllegalArgumentException("The load lease time must not be negative, got " + leaseTime);
            }
            this.loadLeaseTime = leaseTime;
            return this;
        }

        /**
         * @param size keys asked for per {@code SCAN} and deleted per {@code UNLINK} by {@code clear()}
         * @return this builder
         */
        public Builder clearBatchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("The clear batch size must be at least 1, got " + size);
            }
            this.clearBatchSize = size;
            return this;
        }

        /**
         * @param executor completes the futures of {@code retrieve} and runs what follows them;
         *     the common fork-join pool by default
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param transactionAware whether puts and evictions wait for the surrounding Spring
         *     transaction to commit (needs {@code spring-tx} on the class path)
         * @return this builder
         */
        public Builder transactionAware(boolean transactionAware) {
            this.transactionAware = transactionAware;
            return this;
        }

        /**
         * @param allow whether a cache name not configured here is created on first use (the
         *     default) or answered with {@code null}
         * @return this builder
         */
        public Builder allowRuntimeCacheCreation(boolean allow) {
            this.allowRuntimeCacheCreation = allow;
            return this;
        }

        /** @return the manager, with its start-up caches created */
        public DragonflyCacheManager build() {
            return new DragonflyCacheManager(this);
        }

        private static String requireName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A cache name must not be blank");
            }
            return name;
        }
    }
}
