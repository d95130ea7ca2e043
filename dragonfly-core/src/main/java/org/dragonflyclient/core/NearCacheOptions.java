package org.dragonflyclient.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Immutable settings of one {@link NearCache}: where its local copies live (and so how many may
 * be held) and how long one may be kept at most.
 *
 * <pre>{@code
 * NearCache near = client.nearCache(NearCacheOptions.builder()
 *         .maximumSize(50_000)
 *         .timeToLive(Duration.ofMinutes(5))
 *         .build());
 * }</pre>
 */
public final class NearCacheOptions {

    /** Default {@link #timeToLive()}: ten minutes, a bound for when invalidations are late, not the usual way out. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(10);

    private final Supplier<NearCacheStore> store;
    private final Duration timeToLive;
    private final String description;

    private NearCacheOptions(Builder b) {
        this.store = b.store;
        this.timeToLive = b.timeToLive;
        this.description = b.description;
    }

    /** @return a builder with the defaults: {@link NearCacheStore#bounded} of 10,000 entries, ten minutes */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default options */
    public static NearCacheOptions defaults() {
        return builder().build();
    }

    /** @return a new store for a near cache created with these options */
    public NearCacheStore newStore() {
        return Objects.requireNonNull(store.get(), "the store supplier returned null");
    }

    /**
     * @return the longest a local copy is kept; a copy of a server entry that expires sooner is
     *     dropped when the server entry expires
     */
    public Duration timeToLive() {
        return timeToLive;
    }

    @Override
    public String toString() {
        return "NearCacheOptions[" + description + ", timeToLive=" + timeToLive + "]";
    }

    /** Builds {@link NearCacheOptions}. */
    public static final class Builder {

        private Supplier<NearCacheStore> store = () -> NearCacheStore.bounded(NearCacheStore.DEFAULT_MAXIMUM_SIZE);
        private String description = "maximumSize=" + NearCacheStore.DEFAULT_MAXIMUM_SIZE;
        private Duration timeToLive = DEFAULT_TIME_TO_LIVE;
        private boolean storeSet;
        private boolean sizeSet;

        private Builder() {}

        /**
         * Bounds the core's store ({@link NearCacheStore#bounded}) to {@code entries}; for another
         * store, bound the store itself.
         *
         * @param entries the most entries held, at least 1
         * @return this builder
         */
        public Builder maximumSize(long entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("maximumSize must be at least 1, got " + entries);
            }
            this.store = () -> NearCacheStore.bounded(entries);
            this.description = "maximumSize=" + entries;
            this.sizeSet = true;
            return this;
        }

        /**
         * Where the local copies live, instead of the core's bounded store: called once per near
         * cache created with these options, so each gets a store of its own.
         *
         * @param store makes a new, empty store (see {@link NearCacheStore} for the contract)
         * @return this builder
         */
        public Builder store(Supplier<NearCacheStore> store) {
            this.store = Objects.requireNonNull(store, "store");
            this.description = "custom store";
            this.storeSet = true;
            return this;
        }

        /**
         * The longest a local copy is kept (an upper bound: an invalidation drops it sooner, and
         * so does the server entry's own expiry).
         *
         * @param ttl positive
         * @return this builder
         */
        public Builder timeToLive(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("timeToLive must be positive, got " + ttl);
            }
            this.timeToLive = ttl;
            return this;
        }

        /**
         * @return the immutable options
         * @throws IllegalArgumentException when both {@link #maximumSize} and {@link #store} are set
         */
        public NearCacheOptions build() {
            if (storeSet && sizeSet) {
                throw new IllegalArgumentException("maximumSize bounds the core's store, but a store is set too; "
                        + "bound your store itself and remove maximumSize");
            }
            return new NearCacheOptions(this);
        }
    }
}
