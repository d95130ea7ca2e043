package org.dragonflyclient.spring.cache;

/** What a cache was doing when the server failed; decides how loudly a swallowed failure is logged. */
enum CacheOperation {

    /** A read: a failure is a miss, the method runs. */
    GET("read", false),
    /** A write: a failure leaves the entry absent, the next read misses. */
    PUT("write", false),
    /** A removal: a failure may leave a stale entry behind, so it is always logged. */
    EVICT("eviction", true),
    /** Removal of every entry: a failure may leave stale entries behind, so it is always logged. */
    CLEAR("clear", true),
    /** Taking or giving back the cross-JVM load lease: a failure means loading without it. */
    LEASE("load lease", false);

    private final String description;
    private final boolean mayLeaveStaleData;

    CacheOperation(String description, boolean mayLeaveStaleData) {
        this.description = description;
        this.mayLeaveStaleData = mayLeaveStaleData;
    }

    String description() {
        return description;
    }

    boolean mayLeaveStaleData() {
        return mayLeaveStaleData;
    }
}
