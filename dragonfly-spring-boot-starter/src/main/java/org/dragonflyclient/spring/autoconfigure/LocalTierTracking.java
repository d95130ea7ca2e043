package org.dragonflyclient.spring.autoconfigure;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.Protocol;
import org.dragonflyclient.core.TrackingListener;

/**
 * What the local tier ({@code dragonfly.cache.local.*}) needs from the client: tracking on every
 * pooled connection, so that the server tells this JVM when a key it holds changes. It turns
 * tracking on in the auto-configured client options, and it makes the two ways this can fail
 * (RESP2 configured, a server that refuses {@code CLIENT TRACKING}) a start-up error that names
 * the fix, or, with {@code dragonfly.cache.local.allow-fallback=true}, a warning and an
 * application without the local tier. Never a local tier that nobody invalidates.
 */
final class LocalTierTracking {

    private static final Log logger = LogFactory.getLog(LocalTierTracking.class);

    private static final String FIXES = "set dragonfly.cache.local.enabled=false (and any "
            + "dragonfly.cache.caches.<name>.local.enabled=true), or dragonfly.cache.local.allow-fallback=true to "
            + "start without the local tier";

    private final boolean requested;
    private final boolean allowFallback;

    LocalTierTracking(DragonflyProperties.Cache cache) {
        this.requested = CacheSettingsMapper.anyLocalTier(cache);
        this.allowFallback = cache.getLocal().isAllowFallback();
    }

    /** @return whether some cache asks for a local tier */
    boolean requested() {
        return requested;
    }

    /** @return whether a local tier that cannot be kept coherent is dropped with a warning */
    boolean allowFallback() {
        return allowFallback;
    }

    /**
     * @param options the client options as configured
     * @return the options with tracking on when a local tier asks for it
     * @throws IllegalStateException when a local tier is asked for with RESP2 and no fallback is allowed
     */
    ClientOptions apply(ClientOptions options) {
        if (!requested || options.tracking()) {
            return options;
        }
        if (options.protocol() == Protocol.RESP2) {
            String problem = "The local tier (dragonfly.cache.local.enabled) needs client tracking, which needs RESP3 "
                    + "(the server sends invalidations as RESP3 pushes), but the client is configured for RESP2";
            if (allowFallback) {
                logger.warn(problem + ". Starting WITHOUT the local tier (dragonfly.cache.local.allow-fallback=true): "
                        + "every cache read goes to the server");
                return options;
            }
            throw new IllegalStateException(problem + ". Remove protocol=resp2 from dragonfly.url (or protocol(RESP2) "
                    + "from a DragonflyClientOptionsCustomizer), or " + FIXES);
        }
        return options.toBuilder().tracking(true).build();
    }

    /**
     * Creates the client; when the server refuses tracking, fails with the Spring settings to
     * change, or starts the client without tracking when a fallback is allowed.
     *
     * @param options the client options, from {@link #apply}
     * @return the client
     */
    DragonflyClient create(ClientOptions options) {
        try {
            return DragonflyClient.create(options);
        } catch (DragonflyConnectionException e) {
            if (!requested || !options.tracking() || !refusedTracking(e)) {
                throw e;
            }
            if (!allowFallback) {
                throw new IllegalStateException(
                        "The local tier (dragonfly.cache.local.enabled) needs client tracking, and the server "
                                + "refused it: " + e.getMessage() + ". Use Redis 6.0+ or Dragonfly (RESP3), or "
                                + FIXES,
                        e);
            }
            logger.warn("The server refused client tracking (" + e.getMessage() + "). Starting WITHOUT the local "
                    + "tier (dragonfly.cache.local.allow-fallback=true): every cache read goes to the server");
            return DragonflyClient.create(options.toBuilder()
                    .tracking(false)
                    .trackingListener(TrackingListener.NONE)
                    .build());
        }
    }

    /** The core's handshake names tracking when HELLO 3 or CLIENT TRACKING ON is refused. */
    private static boolean refusedTracking(DragonflyConnectionException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("tracking");
    }
}
