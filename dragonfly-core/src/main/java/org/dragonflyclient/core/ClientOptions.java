package org.dragonflyclient.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of a {@link DragonflyClient}: where the server is, how to authenticate, how
 * long to wait, and how many connections to keep. Build with {@link #builder()} or parse a URI
 * with {@link #fromUri(String)}:
 *
 * <pre>{@code
 * redis://[username:password@]host[:port][/database][?clientName=app&timeout=500ms&poolSize=4]
 * rediss://...   (TLS, with host name verification)
 * }</pre>
 *
 * <p>{@link #toString()} never shows the password.
 */
public final class ClientOptions {

    /** Default port of Dragonfly and Redis. */
    public static final int DEFAULT_PORT = 6379;
    /** Default time to establish a connection, including TLS and the handshake. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Default time a command may take, from the call until its reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Default {@link #spinWait()}: long enough for a reply from a server on the same host, short next to any network. */
    public static final Duration DEFAULT_SPIN_WAIT = Duration.ofNanos(50_000);
    /** Longest {@link #spinWait()} accepted: beyond it spinning only burns CPU that a sleeping thread would not. */
    public static final Duration MAX_SPIN_WAIT = Duration.ofMillis(1);
    /**
     * Default number of multiplexed connections. Two, measured on a 2-core machine: one connection
     * already coalesces concurrent commands into shared writes, and a second one keeps a large
     * reply on one connection from delaying everybody. See {@code docs/decisions/0007-pool-size-two.md}.
     */
    public static final int DEFAULT_POOL_SIZE = 2;
    /** Default for {@link #maxRedirects()}. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final int database;
    private final String clientName;
    private final boolean ssl;
    private final SSLSocketFactory sslSocketFactory;
    private final boolean verifyHostname;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final Duration spinWait;
    private final int poolSize;
    private final Protocol protocol;
    private final RespLimits limits;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final CommandListener commandListener;
    private final boolean requireServerAtStartup;
    private final boolean tracking;
    private final TrackingListener trackingListener;
    private final boolean cluster;
    private final List<String> clusterNodes;
    private final int maxRedirects;
    private final Duration topologyRefreshPeriod;

    private ClientOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.username = b.username;
        this.password = b.password;
        this.database = b.database;
        this.clientName = b.clientName;
        this.ssl = b.ssl;
        this.sslSocketFactory = b.sslSocketFactory;
        this.verifyHostname = b.verifyHostname;
        this.connectTimeout = b.connectTimeout;
        this.timeout = b.timeout;
        this.spinWait = b.spinWait;
        this.poolSize = b.poolSize;
        this.protocol = b.protocol;
        this.limits = b.limits;
        this.reconnectDelay = b.reconnectDelay;
        this.maxReconnectDelay = b.maxReconnectDelay;
        this.commandListener = b.commandListener;
        this.requireServerAtStartup = b.requireServerAtStartup;
        this.tracking = b.tracking;
        this.trackingListener = b.trackingListener;
        this.cluster = b.cluster;
        this.clusterNodes = List.copyOf(b.clusterNodes);
        this.maxRedirects = b.maxRedirects;
        this.topologyRefreshPeriod = b.topologyRefreshPeriod;
    }

    /** @return a builder with every default: {@code 127.0.0.1:6379}, no password, database 0 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a {@code redis://} or {@code rediss://} URI.
     *
     * @param uri the URI
     * @return the options
     * @throws IllegalArgumentException when the URI is malformed; the message shows it without its password
     */
    public static ClientOptions fromUri(String uri) {
        return builder().uri(uri).build();
    }

    /** @return a builder holding these options, to derive a variant */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.username = username;
        b.password = password;
        b.database = database;
        b.clientName = clientName;
        b.ssl = ssl;
        b.sslSocketFactory = sslSocketFactory;
        b.verifyHostname = verifyHostname;
        b.connectTimeout = connectTimeout;
        b.timeout = timeout;
        b.spinWait = spinWait;
        b.poolSize = poolSize;
        b.protocol = protocol;
        b.limits = limits;
        b.reconnectDelay = reconnectDelay;
        b.maxReconnectDelay = maxReconnectDelay;
        b.commandListener = commandListener;
        b.requireServerAtStartup = requireServerAtStartup;
        b.tracking = tracking;
        b.trackingListener = trackingListener;
        b.cluster = cluster;
        b.clusterNodes = new ArrayList<>(clusterNodes);
        b.maxRedirects = maxRedirects;
        b.topologyRefreshPeriod = topologyRefreshPeriod;
        return b;
    }

    /** @return the server's host name or address */
    public String host() {
        return host;
    }

    /** @return the server's port */
    public int port() {
        return port;
    }

    /** @return the ACL user name, or {@code null} for the default user */
    public @Nullable String username() {
        return username;
    }

    /** @return the password, or {@code null} when the server needs none; never logged */
    public @Nullable String password() {
        return password;
    }

    /** @return the database selected on every connection */
    public int database() {
        return database;
    }

    /** @return the name set with {@code CLIENT SETNAME}, or {@code null} */
    public @Nullable String clientName() {
        return clientName;
    }

    /** @return whether connections use TLS */
    public boolean ssl() {
        return ssl;
    }

    /** @return the TLS socket factory, or {@code null} for the JDK's default trust store */
    public @Nullable SSLSocketFactory sslSocketFactory() {
        return sslSocketFactory;
    }

    /** @return whether TLS checks that the certificate matches the host name */
    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** @return the time allowed to open a connection and complete the handshake */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the time allowed for a command, from the call until its reply */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How much of its own CPU time a waiting caller may spend checking for its reply before it
     * sleeps, see {@link Builder#spinWait(Duration)}.
     *
     * @return the spin budget per wait; zero when spinning is off
     */
    public Duration spinWait() {
        return spinWait;
    }

    /**
     * @return the number of multiplexed connections; on a cluster they are spread over the masters,
     *     at least one each
     */
    public int poolSize() {
        return poolSize;
    }

    /** @return the preferred protocol */
    public Protocol protocol() {
        return protocol;
    }

    /** @return the caps on replies */
    public RespLimits limits() {
        return limits;
    }

    /** @return the first delay before reconnecting a broken connection */
    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    /** @return the longest delay between reconnect attempts */
    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** @return the observer of completed commands, {@link CommandListener#NONE} by default */
    public CommandListener commandListener() {
        return commandListener;
    }

    /**
     * Whether {@link DragonflyClient#create} fails when the server cannot be reached. When off, the
     * client starts anyway and connects in the background; wrong credentials still fail at once.
     *
     * @return {@code true} (the default) to fail at start-up
     */
    public boolean requireServerAtStartup() {
        return requireServerAtStartup;
    }

    /**
     * @return whether every pooled connection turns on server-assisted invalidation
     *     ({@code CLIENT TRACKING ON}); off by default
     */
    public boolean tracking() {
        return tracking;
    }

    /** @return who is told of invalidations, {@link TrackingListener#NONE} by default */
    public TrackingListener trackingListener() {
        return trackingListener;
    }

    /**
     * Returns whether the client talks to a cluster (Redis Cluster, Dragonfly's
     * {@code --cluster_mode=yes} or {@code emulated}): commands go to the node that serves their
     * key's hash slot.
     *
     * @return {@code true} in cluster mode
     */
    public boolean cluster() {
        return cluster;
    }

    /**
     * Returns the seed nodes a cluster client learns the topology from, in order: {@link #address()}
     * first, then the other nodes given. Every node, seed or discovered, gets the same credentials,
     * TLS settings, timeouts and pool size.
     *
     * @return {@code host:port} addresses, IPv6 hosts in brackets; just {@link #address()} when
     *     not in cluster mode
     */
    public List<String> clusterSeeds() {
        List<String> seeds = new ArrayList<>(1 + clusterNodes.size());
        seeds.add(address());
        for (String node : clusterNodes) {
            if (!seeds.contains(node)) {
                seeds.add(node);
            }
        }
        return List.copyOf(seeds);
    }

    /**
     * Returns how many times one command follows a cluster redirection ({@code MOVED},
     * {@code ASK}) or waits and retries after {@code TRYAGAIN}/{@code CLUSTERDOWN}, within its
     * own timeout, before it fails with the last error.
     *
     * @return at least 1; 5 by default
     */
    public int maxRedirects() {
        return maxRedirects;
    }

    /**
     * Returns how often a cluster client re-reads the topology on its own, on top of the refreshes
     * that redirections and lost connections trigger.
     *
     * @return the period, {@link Duration#ZERO} (the default) for no periodic refresh
     */
    public Duration topologyRefreshPeriod() {
        return topologyRefreshPeriod;
    }

    /** @return {@code host:port}, with IPv6 addresses in brackets */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(ssl ? "rediss://" : "redis://");
        if (username != null || password != null) {
            s.append(username == null ? "" : username);
            if (password != null) {
                s.append(":****");
            }
            s.append('@');
        }
        s.append(address()).append('/').append(database);
        s.append(" {clientName=")
                .append(clientName)
                .append(", protocol=")
                .append(protocol)
                .append(", poolSize=")
                .append(poolSize)
                .append(", connectTimeout=")
                .append(connectTimeout)
                .append(", timeout=")
                .append(timeout)
                .append(", spinWait=")
                .append(spinWait)
                .append(ssl ? ", verifyHostname=" + verifyHostname : "")
                .append(tracking ? ", tracking=on" : "")
                .append(cluster ? ", cluster=" + clusterSeeds() + ", maxRedirects=" + maxRedirects : "")
                .append('}');
        return s.toString();
    }

    /** Builds {@link ClientOptions}; every setter validates its argument at once. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private String username;
        private String password;
        private int database;
        private String clientName;
        private boolean ssl;
        private SSLSocketFactory sslSocketFactory;
        private boolean verifyHostname = true;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration spinWait = DEFAULT_SPIN_WAIT;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Protocol protocol = Protocol.RESP3;
        private RespLimits limits = RespLimits.DEFAULTS;
        private Duration reconnectDelay = Duration.ofMillis(50);
        private Duration maxReconnectDelay = Duration.ofSeconds(2);
        private CommandListener commandListener = CommandListener.NONE;
        private boolean tracking;
        private TrackingListener trackingListener = TrackingListener.NONE;
        private boolean requireServerAtStartup = true;
        private boolean cluster;
        private List<String> clusterNodes = new ArrayList<>();
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private Duration topologyRefreshPeriod = Duration.ZERO;

        private Builder() {}

        /**
         * Sets host, port, credentials, database, TLS and any query parameters from a URI.
         *
         * @param uri {@code redis://[user:password@]host[:port][/db][?clientName=..&timeout=..&connectTimeout=..&poolSize=..&protocol=resp2]}
         * @return this builder
         * @throws IllegalArgumentException when the URI is malformed
         */
        public Builder uri(String uri) {
            UriParser.apply(uri, this);
            return this;
        }

        /**
         * @param host the server's host name or address
         * @return this builder
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * @param port the server's port, 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param username the ACL user, or {@code null} for the default user
         * @return this builder
         */
        public Builder username(@Nullable String username) {
            this.username = username;
            return this;
        }

        /**
         * @param password the password, or {@code null} for none
         * @return this builder
         */
        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /**
         * @param database the database to {@code SELECT}, 0 or more
         * @return this builder
         */
        public Builder database(int database) {
            if (database < 0) {
                throw new IllegalArgumentException("database must be 0 or more, got " + database);
            }
            this.database = database;
            return this;
        }

        /**
         * @param clientName the connection name shown by {@code CLIENT LIST}, or {@code null}
         * @return this builder
         */
        public Builder clientName(@Nullable String clientName) {
            if (clientName != null
                    && (clientName.isEmpty() || clientName.chars().anyMatch(c -> c <= ' ' || c > '~'))) {
                throw new IllegalArgumentException(
                        "clientName must be non-empty printable ASCII without spaces, got '" + clientName + "'");
            }
            this.clientName = clientName;
            return this;
        }

        /**
         * @param ssl whether to use TLS
         * @return this builder
         */
        public Builder ssl(boolean ssl) {
            this.ssl = ssl;
            return this;
        }

        /**
         * Uses TLS with this socket factory, e.g. from an {@code SSLContext} that trusts a private CA.
         *
         * @param factory the factory, or {@code null} for the JDK default
         * @return this builder
         */
        public Builder sslSocketFactory(@Nullable SSLSocketFactory factory) {
            this.sslSocketFactory = factory;
            return this;
        }

        /**
         * @param verify whether TLS checks that the certificate names the host (on by default)
         * @return this builder
         */
        public Builder verifyHostname(boolean verify) {
            this.verifyHostname = verify;
            return this;
        }

        /**
         * @param timeout time allowed to connect and complete the handshake, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout time allowed for each command, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * How much of its own CPU time a waiting caller may spend checking for its reply before it
         * sleeps. Waking a sleeping thread costs tens of microseconds on many virtual machines,
         * often more than a reply from a server on the same host takes. A caller that reads for
         * itself checks the socket; a caller waiting while another thread reads checks its command.
         * Between checks it yields the CPU, so while other threads want the CPU (the server, the
         * reader decoding this reply, other callers) they run and the budget is hardly touched; it
         * is spent only when nothing else has work. Measured on a 2-vCPU VM in alternating runs
         * (docs/decisions/0005 and 0006): single-threaded GETs 1.3 to 2.5 times faster, 16 threads sharing
         * the client about 1.6 times. The spin costs CPU only while it pays: a spin that does not
         * see its reply makes the connection skip the next 2, 4, 8 ... up to 1,024 spins (a hit
         * halves the run), so against a server across a network it soon stops. A reader spins on
         * the socket only when its command is the connection's only one in flight, and never on
         * TLS connections (the TLS layer cannot say whether bytes arrived without reading them).
         *
         * @param spinWait the budget per wait, from zero (never spin) to {@link #MAX_SPIN_WAIT};
         *                 default {@link #DEFAULT_SPIN_WAIT}
         * @return this builder
         */
        public Builder spinWait(Duration spinWait) {
            Objects.requireNonNull(spinWait, "spinWait");
            if (spinWait.isNegative() || spinWait.compareTo(MAX_SPIN_WAIT) > 0) {
                throw new IllegalArgumentException("spinWait must be between 0 (no spinning) and "
                        + MAX_SPIN_WAIT.toMillis() + " ms, got " + spinWait);
            }
            this.spinWait = spinWait;
            return this;
        }

        /**
         * @param size number of multiplexed connections, 1 or more
         * @return this builder
         */
        public Builder poolSize(int size) {
            if (size < 1 || size > 1024) {
                throw new IllegalArgumentException("poolSize must be between 1 and 1024, got " + size);
            }
            this.poolSize = size;
            return this;
        }

        /**
         * @param protocol RESP3 (falls back to RESP2 when refused) or RESP2
         * @return this builder
         */
        public Builder protocol(Protocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * @param limits caps on replies
         * @return this builder
         */
        public Builder limits(RespLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @param bytes largest bulk string accepted from the server (512 MiB by default)
         * @return this builder
         */
        public Builder maxBulkLength(int bytes) {
            this.limits = limits.withMaxBulkLength(bytes);
            return this;
        }

        /**
         * @param elements largest array, set, map or push accepted from the server
         * @return this builder
         */
        public Builder maxAggregateLength(int elements) {
            this.limits = limits.withMaxAggregateLength(elements);
            return this;
        }

        /**
         * @param depth deepest nesting of aggregates accepted from the server
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            this.limits = limits.withMaxNestingDepth(depth);
            return this;
        }

        /**
         * @param bytes longest status, error or number line accepted from the server
         * @return this builder
         */
        public Builder maxLineLength(int bytes) {
            this.limits = limits.withMaxLineLength(bytes);
            return this;
        }

        /**
         * Sets the reconnect backoff: the first retry waits {@code initial}, each next one twice as
         * long, up to {@code max}.
         *
         * @param initial first delay, positive
         * @param max longest delay, at least {@code initial}
         * @return this builder
         */
        public Builder reconnectDelay(Duration initial, Duration max) {
            positive(initial, "reconnectDelay");
            positive(max, "maxReconnectDelay");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "maxReconnectDelay " + max + " is shorter than reconnectDelay " + initial);
            }
            this.reconnectDelay = initial;
            this.maxReconnectDelay = max;
            return this;
        }

        /**
         * Observes every completed command, e.g. to time commands with Micrometer.
         *
         * @param listener the observer; fast and non-blocking
         * @return this builder
         */
        public Builder commandListener(CommandListener listener) {
            this.commandListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Whether creating the client fails when the server cannot be reached (the default). Turn it
         * off for applications that must start while their cache is down: the client then connects
         * in the background and commands fail fast until it does. A server that answers but refuses
         * the credentials, the database or the TLS handshake still fails creation.
         *
         * @param require {@code false} to start without a reachable server
         * @return this builder
         */
        public Builder requireServerAtStartup(boolean require) {
            this.requireServerAtStartup = require;
            return this;
        }

        /**
         * Turns on server-assisted invalidation: every pooled connection sends
         * {@code CLIENT TRACKING ON} during its handshake (after {@code HELLO 3}'s reply, and again
         * after every reconnect), and the server's {@code invalidate} messages go to the
         * {@link #trackingListener(TrackingListener) tracking listener}. Needs RESP3: creating the
         * client fails when the server refuses {@code HELLO 3} or {@code CLIENT TRACKING}, and
         * {@link #build()} fails with {@link Protocol#RESP2}. Dedicated connections (blocking
         * pops, {@code WATCH} transactions) and subscribers are not tracked. A
         * {@link DragonflyClient#nearCache near cache} needs it. URI: {@code tracking=on}.
         *
         * @param on {@code true} to track what pooled connections read
         * @return this builder
         */
        public Builder tracking(boolean on) {
            this.tracking = on;
            return this;
        }

        /**
         * Who is told of invalidations and of lost tracking (see {@link TrackingListener}); needs
         * {@link #tracking(boolean) tracking} on.
         *
         * @param listener the listener; quick and non-blocking, called on reader threads
         * @return this builder
         */
        public Builder trackingListener(TrackingListener listener) {
            this.trackingListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Turns cluster mode on or off. In cluster mode the host and port (and the
         * {@link #clusterNodes(String...) other seeds}) are only where the client first reads the
         * topology ({@code CLUSTER SHARDS}, or {@code CLUSTER SLOTS} on Redis 6.2); each command
         * then goes to the master that serves its key's hash slot, through one pool per node opened
         * on first use. Only database 0 exists in a cluster, so {@link #build()} refuses another.
         * URI: {@code redis://h1:7000,h2:7001?cluster=true}.
         *
         * @param on {@code true} for a cluster
         * @return this builder
         */
        public Builder cluster(boolean on) {
            this.cluster = on;
            return this;
        }

        /**
         * Sets the seed nodes of a cluster and turns cluster mode on: the first becomes
         * {@link #host(String) host} and {@link #port(int) port}, the others are tried in order
         * when it cannot be reached. One reachable seed is enough; the client discovers the rest.
         *
         * @param addresses {@code host:port} each ({@code [::1]:7000} for IPv6), at least one
         * @return this builder
         * @throws IllegalArgumentException when none is given or one is not {@code host:port}
         */
        public Builder clusterNodes(String... addresses) {
            return clusterNodes(List.of(addresses));
        }

        /**
         * As {@link #clusterNodes(String...)}.
         *
         * @param addresses {@code host:port} each, at least one
         * @return this builder
         * @throws IllegalArgumentException when none is given or one is not {@code host:port}
         */
        public Builder clusterNodes(List<String> addresses) {
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("clusterNodes needs at least one host:port");
            }
            List<String> others = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) {
                String address =
                        Objects.requireNonNull(addresses.get(i), "address").trim();
                int colon = address.lastIndexOf(':');
                if (colon <= 0 || colon == address.length() - 1) {
                    throw new IllegalArgumentException(
                            "Cluster node '" + address + "' is not host:port, as in 10.0.0.1:7000 or [::1]:7000");
                }
                String nodeHost = address.substring(0, colon);
                int nodePort;
                try {
                    nodePort = Integer.parseInt(address.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Cluster node '" + address + "' has no numeric port", null);
                }
                if (nodeHost.startsWith("[") && nodeHost.endsWith("]")) {
                    nodeHost = nodeHost.substring(1, nodeHost.length() - 1);
                }
                if (i == 0) {
                    host(nodeHost);
                    port(nodePort);
                } else {
                    others.add((nodeHost.indexOf(':') >= 0 ? "[" + nodeHost + "]" : nodeHost) + ":" + nodePort);
                }
            }
            this.clusterNodes = others;
            this.cluster = true;
            return this;
        }

        /**
         * How many times one command follows a cluster redirection or retries after
         * {@code TRYAGAIN}/{@code CLUSTERDOWN} (with a short back-off) before failing; each retry
         * stays within the command's timeout. Only commands the server refused are re-sent: a
         * command whose connection broke after it was written is never re-sent. URI:
         * {@code maxRedirects=5}.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxRedirects(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRedirects must be at least 1, got " + max);
            }
            this.maxRedirects = max;
            return this;
        }

        /**
         * Re-reads the cluster topology every {@code period}, on top of the refreshes that
         * redirections and lost connections trigger (those alone keep the client up to date, so
         * this is off by default). URI: {@code topologyRefreshPeriod=30s}.
         *
         * @param period the period, {@link Duration#ZERO} for none
         * @return this builder
         */
        public Builder topologyRefreshPeriod(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("topologyRefreshPeriod must not be negative, got " + period);
            }
            this.topologyRefreshPeriod = period;
            return this;
        }

        /** @return whether cluster mode is on so far; for the URI parser */
        boolean isCluster() {
            return cluster;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        /** @return the immutable options */
        public ClientOptions build() {
            if (username != null && password == null) {
                throw new IllegalArgumentException("username '" + username + "' is set without a password; "
                        + "set the password too (ACL users always authenticate with one)");
            }
            if (tracking && protocol == Protocol.RESP2) {
                throw new IllegalArgumentException(
                        "tracking needs RESP3 (the server sends invalidations as RESP3 "
                                + "pushes), but protocol is RESP2; remove protocol(RESP2) / protocol=RESP2, or turn tracking off");
            }
            if (!tracking && trackingListener != TrackingListener.NONE) {
                throw new IllegalArgumentException("a trackingListener is set but tracking is off, so it would hear "
                        + "nothing; add tracking(true) (tracking=on in the URI) or remove the listener");
            }
            if (cluster && database != 0) {
                throw new IllegalArgumentException(
                        "database " + database + " is set, but a cluster has only database 0 "
                                + "(Redis Cluster and Dragonfly's cluster mode refuse SELECT); remove the database (/"
                                + database + " in the URI) and separate data by key prefix instead");
            }
            if (!cluster && !clusterNodes.isEmpty()) {
                throw new IllegalArgumentException(
                        "clusterNodes are set but cluster mode is off; add cluster(true) (cluster=true in the URI)");
            }
            return new ClientOptions(this);
        }
    }
}
