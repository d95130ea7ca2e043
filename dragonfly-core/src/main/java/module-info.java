/**
 * A zero-dependency RESP2/RESP3 client for DragonflyDB and other Redis-protocol servers. The one
 * exported package, {@code org.dragonflyclient.core}, is the API; everything under
 * {@code org.dragonflyclient.core.internal} may change in any release.
 */
module org.dragonflyclient.core {
    requires java.management; // SpinWait reads the thread CPU clock
    requires static org.jspecify;

    exports org.dragonflyclient.core;
}
