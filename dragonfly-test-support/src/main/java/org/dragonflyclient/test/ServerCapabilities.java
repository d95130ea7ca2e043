package org.dragonflyclient.test;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test server can do where servers differ, so that a test checks the right thing for the
 * server it talks to instead of assuming Redis 7. Derived from the server's product and version
 * ({@code INFO server}); nothing is probed.
 *
 * <pre>{@code
 * ServerCapabilities caps = server.capabilities();
 * if (caps.clientListShowsResp()) {
 *     assertThat(clientInfo).contains("resp=3");
 * }
 * assumeTrue(caps.clusterShards(), caps.lacks("CLUSTER SHARDS (Redis 7.0+)"));
 * }</pre>
 *
 * <p>Where a test cannot apply, it says so with a JUnit assumption whose message comes from
 * {@link #lacks(String)}, for example {@code "Redis 6.2.11 (EMBEDDED_REDIS) lacks CLUSTER SHARDS
 * (Redis 7.0+)"}: the report shows the test as skipped, with that reason.
 */
public final class ServerCapabilities {

    /** Which server software answers. */
    public enum Product {
        /** Redis (or a server that reports itself only as Redis). */
        REDIS,
        /** Dragonfly: {@code INFO server} reports a {@code dragonfly_version}. */
        DRAGONFLY
    }

    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    private final Product product;
    private final String version;
    private final String origin;
    private final int major;
    private final int minor;

    private ServerCapabilities(Product product, String version, String origin) {
        this.product = product;
        this.version = version;
        this.origin = origin;
        Matcher m = MAJOR_MINOR.matcher(version);
        if (m.find()) {
            this.major = Integer.parseInt(m.group(1));
            this.minor = Integer.parseInt(m.group(2));
        } else {
            this.major = 0;
            this.minor = 0;
        }
    }

    /**
     * The capabilities of a running test server.
     *
     * @param server the server
     * @return what it can do
     */
    public static ServerCapabilities of(TestServer server) {
        return new ServerCapabilities(
                server.isDragonfly() ? Product.DRAGONFLY : Product.REDIS,
                server.version(),
                server.kind().name());
    }

    /**
     * The capabilities of a server known by product and version, for example the
     * {@linkplain DragonflyMode scripted Dragonfly}.
     *
     * @param product Redis or Dragonfly
     * @param version as {@code INFO server} reports it: {@code "7.0.15"}, {@code "df-v1.37.0"}
     * @param origin where the server comes from, for messages: {@code "EMBEDDED_REDIS"}, {@code "scripted"}
     * @return what it can do
     */
    public static ServerCapabilities of(Product product, String version, String origin) {
        return new ServerCapabilities(product, version, origin);
    }

    /** @return Redis or Dragonfly */
    public Product product() {
        return product;
    }

    /** @return the version as {@code INFO server} reports it */
    public String version() {
        return version;
    }

    /** @return {@code true} for Dragonfly */
    public boolean isDragonfly() {
        return product == Product.DRAGONFLY;
    }

    /**
     * Tells whether this is Redis at {@code major.minor} or later.
     *
     * @param major the major version
     * @param minor the minor version
     * @return {@code false} for Dragonfly, whatever Redis version it claims for compatibility
     */
    public boolean isRedisAtLeast(int major, int minor) {
        return product == Product.REDIS && (this.major > major || (this.major == major && this.minor >= minor));
    }

    /** @return whether {@code CLIENT LIST} and {@code CLIENT INFO} print {@code resp=} (Redis 7.0+) */
    public boolean clientListShowsResp() {
        return isRedisAtLeast(7, 0);
    }

    /** @return whether {@code CLIENT INFO} exists (Redis 6.2+, Dragonfly) */
    public boolean clientInfo() {
        return isDragonfly() || isRedisAtLeast(6, 2);
    }

    /** @return whether {@code HELLO} (and so RESP3) is understood (Redis 6.0+, Dragonfly) */
    public boolean hello() {
        return isDragonfly() || isRedisAtLeast(6, 0);
    }

    /**
     * @return whether {@code CLIENT TRACKING ON} works on a RESP2 connection (Redis 6.0+, with
     *     {@code REDIRECT}); Dragonfly refuses it: "Client tracking is currently not supported for
     *     RESP2. Please use RESP3."
     */
    public boolean clientTrackingOnResp2() {
        return isRedisAtLeast(6, 0);
    }

    /** @return whether {@code CLIENT TRACKING} takes {@code BCAST} and {@code REDIRECT} (Redis 6.0+, not Dragonfly) */
    public boolean clientTrackingBroadcastAndRedirect() {
        return isRedisAtLeast(6, 0);
    }

    /** @return whether {@code CLUSTER SHARDS} exists (Redis 7.0+, Dragonfly) */
    public boolean clusterShards() {
        return isDragonfly() || isRedisAtLeast(7, 0);
    }

    /**
     * @return whether scripts may declare flags in a shebang line, {@code #!lua flags=no-writes}
     *     (Redis 7.0+); Dragonfly reads its own {@code --!df flags=...} comment instead
     */
    public boolean luaShebangFlags() {
        return isRedisAtLeast(7, 0);
    }

    /**
     * @return whether a script that touches a key it did not declare in {@code KEYS} fails
     *     (Dragonfly, unless the script allows it); Redis runs it
     */
    public boolean luaRefusesUndeclaredKeys() {
        return isDragonfly();
    }

    /** @return how many keys {@code KEYS} returns at most: 8,192 on Dragonfly, no limit on Redis */
    public OptionalInt keysOutputLimit() {
        return isDragonfly() ? OptionalInt.of(DragonflyMode.DEFAULT_KEYS_OUTPUT_LIMIT) : OptionalInt.empty();
    }

    /**
     * @return the start of the error a write gets when the server is out of memory: Dragonfly's
     *     {@code "ERR Out of memory"}, Redis's {@code "OOM command not allowed when used memory > 'maxmemory'."}
     */
    public String outOfMemoryError() {
        return isDragonfly() ? DragonflyMode.OUT_OF_MEMORY : "OOM command not allowed when used memory > 'maxmemory'.";
    }

    /**
     * A reason for a JUnit assumption: {@code "Redis 6.2.11 (EMBEDDED_REDIS) lacks " + what}.
     *
     * @param what the missing capability, with the versions that have it
     * @return the message
     */
    public String lacks(String what) {
        return this + " lacks " + what;
    }

    /** @return {@code "Redis 7.0.15 (REDIS_BINARY)"}, {@code "Dragonfly df-v1.37.0 (scripted)"} */
    @Override
    public String toString() {
        return (isDragonfly() ? "Dragonfly " : "Redis ") + version + " (" + origin + ")";
    }
}
