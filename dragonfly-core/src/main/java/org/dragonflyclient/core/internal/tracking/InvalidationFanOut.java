package org.dragonflyclient.core.internal.tracking;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.NearCache;
import org.dragonflyclient.core.NearCacheOptions;
import org.dragonflyclient.core.TrackingListener;

/**
 * The one {@link TrackingListener} of a client with tracking on: hands every invalidation and every
 * lost tracking connection to each open near cache, then to the user's listener. A near cache
 * that fails is logged and does not keep the others (or the user's listener) from hearing.
 */
public final class InvalidationFanOut implements TrackingListener {

    private static final System.Logger LOG = System.getLogger(InvalidationFanOut.class.getName());

    private final TrackingListener user;
    private final CopyOnWriteArrayList<DefaultNearCache> nearCaches = new CopyOnWriteArrayList<>();

    /** @param user the listener of {@code ClientOptions.trackingListener()} */
    public InvalidationFanOut(TrackingListener user) {
        this.user = user;
    }

    /**
     * Opens a near cache that hears every invalidation from now on.
     *
     * @param options its options
     * @param reads how it sends its reads
     * @return the near cache
     */
    public NearCache open(NearCacheOptions options, TrackedReads reads) {
        DefaultNearCache nearCache = new DefaultNearCache(options, reads, nearCaches::remove);
        nearCaches.add(nearCache);
        return nearCache;
    }

    /** Closes every near cache (the client is closing). */
    public void closeAll() {
        nearCaches.forEach(DefaultNearCache::close);
    }

    @Override
    public void invalidated(List<byte[]> keys) {
        each(nearCache -> nearCache.invalidated(keys));
        user.invalidated(keys);
    }

    @Override
    public void invalidatedAll() {
        each(DefaultNearCache::invalidatedAll);
        user.invalidatedAll();
    }

    @Override
    public void trackingLost(DragonflyException reason) {
        each(nearCache -> nearCache.trackingLost(reason));
        user.trackingLost(reason);
    }

    private void each(Consumer<DefaultNearCache> action) {
        for (DefaultNearCache nearCache : nearCaches) {
            try {
                action.accept(nearCache);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A near cache failed to apply an invalidation; it is cleared", e);
                nearCache.invalidateAll();
            }
        }
    }
}
