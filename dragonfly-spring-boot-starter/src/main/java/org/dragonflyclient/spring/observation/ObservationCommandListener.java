package org.dragonflyclient.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.dragonflyclient.core.CommandListener;

/**
 * Makes one observation (a span, with Spring Boot's tracing) of each command completed within an
 * observed operation, such as an HTTP request or an {@code @Observed} method, as a child of that
 * operation.
 *
 * <p>The client tells its listeners about a command when it completes, so the observation is made
 * then: it shows which commands an operation sent, to which server (in cluster mode, which node),
 * and how each ended, but its own length is not the command's latency (the
 * {@code dragonfly.commands} timer has that; the context carries it as
 * {@link DragonflyCommandContext#getDurationNanos()} for handlers that want it). Commands completed where no observation is open, which includes asynchronous commands (they
 * complete on the client's I/O thread) and background work, make no observation: without a parent,
 * each would be a trace of its own.
 */
public class ObservationCommandListener implements CommandListener {

    private final ObservationRegistry registry;
    private final DragonflyCommandObservationConvention convention;
    private final String serverAddress;
    private final int serverPort;
    private final int database;

    /**
     * @param registry where observations go
     * @param convention names and tags of the observations
     * @param serverAddress host of the server the client talks to
     * @param serverPort port of that server
     * @param database database index the client selects
     */
    public ObservationCommandListener(
            ObservationRegistry registry,
            DragonflyCommandObservationConvention convention,
            String serverAddress,
            int serverPort,
            int database) {
        this.registry = registry;
        this.convention = convention;
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
        this.database = database;
    }

    @Override
    public void commandCompleted(String command, long durationNanos, Throwable failure) {
        commandCompleted(command, null, durationNanos, failure);
    }

    /** The client calls this one; {@code node} is the cluster node that served the command. */
    @Override
    public void commandCompleted(String command, String node, long durationNanos, Throwable failure) {
        Observation parent = registry.getCurrentObservation();
        if (parent == null) {
            return;
        }
        DragonflyCommandContext context =
                new DragonflyCommandContext(command, serverAddress, serverPort, database, durationNanos, node);
        Observation observation = Observation.createNotStarted(convention, () -> context, registry)
                .parentObservation(parent)
                .start();
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }
}
