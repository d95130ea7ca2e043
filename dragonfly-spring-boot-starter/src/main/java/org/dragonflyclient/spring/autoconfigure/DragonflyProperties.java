package org.dragonflyclient.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Dragonfly client and cache manager, under {@code dragonfly.*}.
 */
@ConfigurationProperties("dragonfly")
public class DragonflyProperties {

    /**
     * Connection URL, such as redis://user:password@example.com:6379/0 (rediss:// for TLS); when set it replaces host,
     * port, username, password and database.
     */
    private @Nullable String url;

    /**
     * Server host.
     */
    private String host = "localhost";

    /**
     * Server port.
     */
    private int port = 6379;

    /**
     * User name of an ACL user; the server's default user when not set.
     */
    private @Nullable String username;

    /**
     * Password of the user.
     */
    private @Nullable String password;

    /**
     * Database index selected on every connection.
     */
    private int database;

    /**
     * Connection name set with CLIENT SETNAME, shown by CLIENT LIST.
     */
    private @Nullable String clientName;

    /**
     * Time allowed to open a connection, TLS and handshake included (2s when not set).
     */
    private @Nullable Duration connectTimeout;

    /**
     * Time allowed for each command, from the call until its reply (2s when not set).
     */
    private @Nullable Duration timeout;

    /**
     * How much of its own CPU time a waiting caller may spend checking for its reply before it
     * sleeps, from 0 (never spin) to 1ms (50us when not set). Saves the thread's wake-up when the
     * server is on the same host or other threads keep the CPU busy; backs off by itself when
     * replies take longer.
     */
    private @Nullable Duration spinWait;

    /**
     * Whether the application fails to start when the server cannot be reached. When off, it starts
     * with a warning, commands fail fast (cache calls become misses) and the client connects in the
     * background; wrong credentials or TLS settings still fail the start.
     */
    private boolean requireServerAtStartup = false;

    private final Ssl ssl = new Ssl();

    private final Cluster cluster = new Cluster();

    private final Pool pool = new Pool();

    private final Observation observation = new Observation();

    private final Cache cache = new Cache();

    public @Nullable String getUrl() {
        return this.url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public String getHost() {
        return this.host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return this.port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public @Nullable String getUsername() {
        return this.username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable String getPassword() {
        return this.password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public int getDatabase() {
        return this.database;
    }

    public void setDatabase(int database) {
        this.database = database;
    }

    public @Nullable String getClientName() {
        return this.clientName;
    }

    public void setClientName(@Nullable String clientName) {
        this.clientName = clientName;
    }

    public @Nullable Duration getConnectTimeout() {
        return this.connectTimeout;
    }

    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public boolean isRequireServerAtStartup() {
        return this.requireServerAtStartup;
    }

    public void setRequireServerAtStartup(boolean requireServerAtStartup) {
        this.requireServerAtStartup = requireServerAtStartup;
    }

    public @Nullable Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(@Nullable Duration timeout) {
        this.timeout = timeout;
    }

    public @Nullable Duration getSpinWait() {
        return this.spinWait;
    }

    public void setSpinWait(@Nullable Duration spinWait) {
        this.spinWait = spinWait;
    }

    public Ssl getSsl() {
        return this.ssl;
    }

    public Cluster getCluster() {
        return this.cluster;
    }

    public Pool getPool() {
        return this.pool;
    }

    public Observation getObservation() {
        return this.observation;
    }

    public Cache getCache() {
        return this.cache;
    }

    /** TLS settings. */
    public static class Ssl {

        /**
         * Whether to use TLS; on by default when a bundle is named.
         */
        private @Nullable Boolean enabled;

        /**
         * Name of the SSL bundle (spring.ssl.bundle.*) with the trust material and, for mutual TLS, the key.
         */
        private @Nullable String bundle;

        public boolean isEnabled() {
            return (this.enabled != null) ? this.enabled : StringUtils.hasText(this.bundle);
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable String getBundle() {
            return this.bundle;
        }

        public void setBundle(@Nullable String bundle) {
            this.bundle = bundle;
        }
    }

    /** A Dragonfly cluster or a Redis Cluster: set nodes to turn cluster mode on. */
    public static class Cluster {

        /**
         * Seed nodes as host:port; setting them turns cluster mode on and replaces host and port. One reachable
         * seed is enough: the client reads the topology and discovers the other nodes.
         */
        private List<String> nodes = new ArrayList<>();

        /**
         * How many times one command follows a MOVED or ASK redirection, or retries after TRYAGAIN or CLUSTERDOWN,
         * within its timeout (5 when not set).
         */
        private @Nullable Integer maxRedirects;

        /**
         * How often to re-read the cluster topology on top of the refreshes that redirections and lost
         * connections trigger by themselves (off when not set).
         */
        private @Nullable Duration refreshPeriod;

        public List<String> getNodes() {
            return this.nodes;
        }

        public void setNodes(List<String> nodes) {
            this.nodes = nodes;
        }

        public @Nullable Integer getMaxRedirects() {
            return this.maxRedirects;
        }

        public void setMaxRedirects(@Nullable Integer maxRedirects) {
            this.maxRedirects = maxRedirects;
        }

        public @Nullable Duration getRefreshPeriod() {
            return this.refreshPeriod;
        }

        public void setRefreshPeriod(@Nullable Duration refreshPeriod) {
            this.refreshPeriod = refreshPeriod;
        }
    }

    /** Connection settings. */
    public static class Pool {

        /**
         * Number of connections, each shared by many threads (2 when not set); on a cluster they are
         * spread over the masters, at least one each.
         */
        private @Nullable Integer size;

        public @Nullable Integer getSize() {
            return this.size;
        }

        public void setSize(@Nullable Integer size) {
            this.size = size;
        }
    }

    /** Micrometer observations (tracing). */
    public static class Observation {

        /**
         * Whether each command sent within an observed operation (an HTTP request, an @Observed method) becomes a
         * Micrometer observation, a span with Spring Boot's tracing.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** How values are turned into bytes. */
    public enum Serializer {

        /** Java serialization, read back through the allow-list. */
        JDK,

        /** JSON with Jackson 3, type names checked against the allow-list. */
        JSON,

        /** String values as UTF-8. */
        STRING,

        /** byte[] values as they are. */
        BYTES
    }

    /** Cache manager settings, defaults for every cache. */
    public static class Cache {

        /**
         * Whether to auto-configure the Dragonfly cache manager.
         */
        private boolean enabled = true;

        /**
         * How long an entry lives after it is written; entries never expire when not set.
         */
        private @Nullable Duration timeToLive;

        /**
         * How long an entry lives without being read; each read extends it (GETEX), and it replaces time-to-live.
         */
        private @Nullable Duration timeToIdle;

        /**
         * Largest random extra added to each expiry, so that entries written together do not expire together.
         */
        private @Nullable Duration ttlJitter;

        /**
         * Prefix before the cache name in every key, such as "myapp:".
         */
        private @Nullable String keyPrefix;

        /**
         * Whether keys start with the key prefix and the cache name; without, caches share one key space and clear()
         * is refused.
         */
        private boolean useKeyPrefix = true;

        /**
         * Whether to cache null values.
         */
        private boolean cacheNullValues = true;

        /**
         * How values are turned into bytes.
         */
        private Serializer serializer = Serializer.JDK;

        /**
         * Packages or classes that may be deserialized besides the JDK's value types and the application's own
         * packages; "*" switches the check off.
         */
        private List<String> allowedPackages = new ArrayList<>();

        /**
         * Whether cache failures reach the caller; by default they are logged, counted and treated as misses.
         */
        private boolean failFast;

        /**
         * Keys asked for per SCAN and deleted per UNLINK when a cache is cleared.
         */
        private int clearBatchSize = 1000;

        private final CircuitBreaker circuitBreaker = new CircuitBreaker();

        private final Sync sync = new Sync();

        private final Local local = new Local();

        /**
         * Settings of single caches by cache name, each overriding the defaults above; these caches are created at
         * start-up.
         */
        private Map<String, NamedCache> caches = new LinkedHashMap<>();

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable Duration getTimeToLive() {
            return this.timeToLive;
        }

        public void setTimeToLive(@Nullable Duration timeToLive) {
            this.timeToLive = timeToLive;
        }

        public @Nullable Duration getTimeToIdle() {
            return this.timeToIdle;
        }

        public void setTimeToIdle(@Nullable Duration timeToIdle) {
            this.timeToIdle = timeToIdle;
        }

        public @Nullable Duration getTtlJitter() {
            return this.ttlJitter;
        }

        public void setTtlJitter(@Nullable Duration ttlJitter) {
            this.ttlJitter = ttlJitter;
        }

        public @Nullable String getKeyPrefix() {
            return this.keyPrefix;
        }

        public void setKeyPrefix(@Nullable String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public boolean isUseKeyPrefix() {
            return this.useKeyPrefix;
        }

        public void setUseKeyPrefix(boolean useKeyPrefix) {
            this.useKeyPrefix = useKeyPrefix;
        }

        public boolean isCacheNullValues() {
            return this.cacheNullValues;
        }

        public void setCacheNullValues(boolean cacheNullValues) {
            this.cacheNullValues = cacheNullValues;
        }

        public Serializer getSerializer() {
            return this.serializer;
        }

        public void setSerializer(Serializer serializer) {
            this.serializer = serializer;
        }

        public List<String> getAllowedPackages() {
            return this.allowedPackages;
        }

        public void setAllowedPackages(List<String> allowedPackages) {
            this.allowedPackages = allowedPackages;
        }

        public boolean isFailFast() {
            return this.failFast;
        }

        public void setFailFast(boolean failFast) {
            this.failFast = failFast;
        }

        public int getClearBatchSize() {
            return this.clearBatchSize;
        }

        public void setClearBatchSize(int clearBatchSize) {
            this.clearBatchSize = clearBatchSize;
        }

        public CircuitBreaker getCircuitBreaker() {
            return this.circuitBreaker;
        }

        public Sync getSync() {
            return this.sync;
        }

        public Local getLocal() {
            return this.local;
        }

        public Map<String, NamedCache> getCaches() {
            return this.caches;
        }

        public void setCaches(Map<String, NamedCache> caches) {
            this.caches = caches;
        }
    }

    /** Skipping the server during an outage. */
    public static class CircuitBreaker {

        /**
         * Whether to skip the server for a while after a connection failure or timeout, so that an outage does not
         * cost every request a full timeout.
         */
        private boolean enabled = true;

        /**
         * How long to skip the server after a connection failure or timeout before one request probes it again.
         */
        private Duration openDuration = Duration.ofSeconds(5);

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getOpenDuration() {
            return this.openDuration;
        }

        public void setOpenDuration(Duration openDuration) {
            this.openDuration = openDuration;
        }
    }

    /** Loading of missing entries by @Cacheable(sync = true). */
    public static class Sync {

        /**
         * Whether a missing key is also loaded once across JVMs (not only once per JVM), with a lease on the server.
         */
        private boolean distributed;

        /**
         * Longest time one JVM's load holds the others back; make it longer than a typical load.
         */
        private Duration leaseTime = Duration.ofSeconds(10);

        public boolean isDistributed() {
            return this.distributed;
        }

        public void setDistributed(boolean distributed) {
            this.distributed = distributed;
        }

        public Duration getLeaseTime() {
            return this.leaseTime;
        }

        public void setLeaseTime(Duration leaseTime) {
            this.leaseTime = leaseTime;
        }
    }

    /** Settings of one cache; each one not set is taken from dragonfly.cache.*. */
    public static class NamedCache {

        /**
         * How long an entry of this cache lives after it is written; 0 for never.
         */
        private @Nullable Duration timeToLive;

        /**
         * How long an entry of this cache lives without being read; replaces time-to-live when set.
         */
        private @Nullable Duration timeToIdle;

        /**
         * Largest random extra added to each expiry of this cache.
         */
        private @Nullable Duration ttlJitter;

        /**
         * Prefix before the cache name in the keys of this cache.
         */
        private @Nullable String keyPrefix;

        /**
         * Whether the keys of this cache start with the key prefix and the cache name.
         */
        private @Nullable Boolean useKeyPrefix;

        /**
         * Whether this cache stores null values.
         */
        private @Nullable Boolean cacheNullValues;

        /**
         * How the values of this cache are turned into bytes.
         */
        private @Nullable Serializer serializer;

        private final NamedLocal local = new NamedLocal();

        public @Nullable Duration getTimeToLive() {
            return this.timeToLive;
        }

        public void setTimeToLive(@Nullable Duration timeToLive) {
            this.timeToLive = timeToLive;
        }

        public @Nullable Duration getTimeToIdle() {
            return this.timeToIdle;
        }

        public void setTimeToIdle(@Nullable Duration timeToIdle) {
            this.timeToIdle = timeToIdle;
        }

        public @Nullable Duration getTtlJitter() {
            return this.ttlJitter;
        }

        public void setTtlJitter(@Nullable Duration ttlJitter) {
            this.ttlJitter = ttlJitter;
        }

        public @Nullable String getKeyPrefix() {
            return this.keyPrefix;
        }

        public void setKeyPrefix(@Nullable String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public @Nullable Boolean getUseKeyPrefix() {
            return this.useKeyPrefix;
        }

        public void setUseKeyPrefix(@Nullable Boolean useKeyPrefix) {
            this.useKeyPrefix = useKeyPrefix;
        }

        public @Nullable Boolean getCacheNullValues() {
            return this.cacheNullValues;
        }

        public void setCacheNullValues(@Nullable Boolean cacheNullValues) {
            this.cacheNullValues = cacheNullValues;
        }

        public @Nullable Serializer getSerializer() {
            return this.serializer;
        }

        public void setSerializer(@Nullable Serializer serializer) {
            this.serializer = serializer;
        }

        public NamedLocal getLocal() {
            return this.local;
        }
    }

    /**
     * The local tier of every cache: a copy of read entries in this JVM, kept coherent by the
     * server's invalidation messages (CLIENT TRACKING, RESP3 only).
     */
    public static class Local {

        /**
         * Whether caches also keep the entries they read in this JVM (Caffeine), dropped as soon as the server
         * reports a change; turns on client tracking, which needs RESP3.
         */
        private boolean enabled;

        /**
         * Most entries each cache keeps in this JVM; ignored when maximum-weight is set.
         */
        private long maximumSize = 10_000;

        /**
         * Most bytes of keys and values (as stored on the server) each cache keeps in this JVM; replaces maximum-size when
         * set.
         */
        private @Nullable DataSize maximumWeight;

        /**
         * Longest an entry is kept in this JVM (10m when not set), a bound for late invalidations; it never outlives
         * the server entry's own time to live either way.
         */
        private @Nullable Duration timeToLive;

        /**
         * Whether the application starts without the local tier, with a warning, when it cannot be kept coherent
         * (RESP2, or a server that refuses CLIENT TRACKING), instead of failing to start.
         */
        private boolean allowFallback;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getMaximumSize() {
            return this.maximumSize;
        }

        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }

        public @Nullable DataSize getMaximumWeight() {
            return this.maximumWeight;
        }

        public void setMaximumWeight(@Nullable DataSize maximumWeight) {
            this.maximumWeight = maximumWeight;
        }

        public @Nullable Duration getTimeToLive() {
            return this.timeToLive;
        }

        public void setTimeToLive(@Nullable Duration timeToLive) {
            this.timeToLive = timeToLive;
        }

        public boolean isAllowFallback() {
            return this.allowFallback;
        }

        public void setAllowFallback(boolean allowFallback) {
            this.allowFallback = allowFallback;
        }
    }

    /** The local tier of one cache; each setting not set is taken from dragonfly.cache.local.*. */
    public static class NamedLocal {

        /**
         * Whether this cache also keeps the entries it reads in this JVM.
         */
        private @Nullable Boolean enabled;

        /**
         * Most entries this cache keeps in this JVM.
         */
        private @Nullable Long maximumSize;

        /**
         * Most bytes of keys and values this cache keeps in this JVM; replaces maximum-size when set.
         */
        private @Nullable DataSize maximumWeight;

        /**
         * Longest an entry of this cache is kept in this JVM; never longer than the server entry lives.
         */
        private @Nullable Duration timeToLive;

        public @Nullable Boolean getEnabled() {
            return this.enabled;
        }

        public void setEnabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable Long getMaximumSize() {
            return this.maximumSize;
        }

        public void setMaximumSize(@Nullable Long maximumSize) {
            this.maximumSize = maximumSize;
        }

        public @Nullable DataSize getMaximumWeight() {
            return this.maximumWeight;
        }

        public void setMaximumWeight(@Nullable DataSize maximumWeight) {
            this.maximumWeight = maximumWeight;
        }

        public @Nullable Duration getTimeToLive() {
            return this.timeToLive;
        }

        public void setTimeToLive(@Nullable Duration timeToLive) {
            this.timeToLive = timeToLive;
        }
    }
}
