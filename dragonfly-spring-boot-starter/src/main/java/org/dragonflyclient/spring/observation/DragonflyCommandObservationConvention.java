package org.dragonflyclient.spring.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags of command observations. The default follows the OpenTelemetry conventions for
 * database client spans: {@code db.system}, {@code db.operation.name}, {@code server.address},
 * {@code server.port} and {@code db.namespace} (the database index); in cluster mode also
 * {@code network.peer.address} and {@code network.peer.port}, the node that served the command
 * (both {@code multiple} for a command sent to several nodes, {@code none} when it reached none).
 * A bean of this type replaces it.
 */
public interface DragonflyCommandObservationConvention extends ObservationConvention<DragonflyCommandContext> {

    /** Name of the observation (and of the timer Spring Boot derives from it). */
    String NAME = "dragonfly.command";

    /** @return the convention the starter uses unless the application defines its own */
    static DragonflyCommandObservationConvention defaults() {
        return DefaultConvention.INSTANCE;
    }

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof DragonflyCommandContext;
    }

    @Override
    default String getName() {
        return NAME;
    }

    /**
     * The OpenTelemetry database client conventions, all low cardinality: one server (or a cluster's
     * few nodes), a few dozen commands.
     */
    final class DefaultConvention implements DragonflyCommandObservationConvention {

        static final DefaultConvention INSTANCE = new DefaultConvention();

        /** Dragonfly speaks the Redis protocol; OpenTelemetry's name for that system is {@code redis}. */
        static final String SYSTEM = "redis";

        private DefaultConvention() {}

        @Override
        public String getContextualName(DragonflyCommandContext context) {
            return context.getCommand();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(DragonflyCommandContext context) {
            KeyValues server = KeyValues.of(
                    "db.system",
                    SYSTEM,
                    "db.operation.name",
                    context.getCommand(),
                    "db.namespace",
                    Integer.toString(context.getDatabase()),
                    "server.address",
                    context.getServerAddress(),
                    "server.port",
                    Integer.toString(context.getServerPort()));
            if (context.getNode() == null) {
                return server;
            }
            return server.and(
                    "network.peer.address", context.getNodeHost(), "network.peer.port", context.getNodePort());
        }
    }
}
