package org.dragonflyclient.spring.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.CommandListener;

/**
 * Times every command of the client in a {@code dragonfly.commands} timer tagged with
 * {@code command} (such as {@code GET}), {@code outcome} ({@code success} or {@code failure}) and
 * {@code exception} (the failure's simple class name, {@code none} on success). In cluster mode
 * the timers also carry {@code node}: the {@code host:port} of the node that served the command,
 * {@value CommandListener#SEVERAL_NODES} for a command sent in parts to several masters, or
 * {@value CommandListener#NO_NODE} when it failed before reaching one (see
 * {@link CommandListener#commandCompleted(String, String, long, Throwable)}); a single server's
 * timers have no {@code node} tag. Timers are looked up in maps of their own, so a success costs
 * one map read (two in cluster mode: the node's, then the command's), no allocation, and one
 * timer update.
 */
public class MicrometerCommandListener implements CommandListener {

    /** Name of the timer. */
    public static final String METRIC_NAME = "dragonfly.commands";

    private final MeterRegistry registry;
    /** A single server's timers, without a {@code node} tag. */
    private final Timers single = new Timers(null);
    /** A cluster's timers, by node. */
    private final ConcurrentMap<String, Timers> byNode = new ConcurrentHashMap<>();

    /**
     * @param registry where the timers are registered
     */
    public MicrometerCommandListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandCompleted(String command, long durationNanos, @Nullable Throwable failure) {
        commandCompleted(command, null, durationNanos, failure);
    }

    @Override
    public void commandCompleted(
            String command, @Nullable String node, long durationNanos, @Nullable Throwable failure) {
        Timers timers = node == null ? single : byNode.get(node);
        if (timers == null) {
            timers = byNode.computeIfAbsent(node, Timers::new);
        }
        timers.timer(command, failure).record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** The timers of one node, or of the single server. */
    private final class Timers {

        private final @Nullable String node;
        private final ConcurrentMap<String, Timer> successes = new ConcurrentHashMap<>();
        private final ConcurrentMap<String, Timer> failures = new ConcurrentHashMap<>();

        Timers(@Nullable String node) {
            this.node = node;
        }

        Timer timer(String command, @Nullable Throwable failure) {
            if (failure == null) {
                Timer timer = successes.get(command); // no capturing lambda once the timer exists
                return timer != null
                        ? timer
                        : successes.computeIfAbsent(command, name -> register(name, "success", "none"));
            }
            String exception = failure.getClass().getSimpleName();
            return failures.computeIfAbsent(command + ' ' + exception, key -> register(command, "failure", exception));
        }

        private Timer register(String command, String outcome, String exception) {
            Timer.Builder builder = Timer.builder(METRIC_NAME)
                    .description("Commands sent to Dragonfly, from the call until the reply or failure")
                    .tag("command", command)
                    .tag("outcome", outcome)
                    .tag("exception", exception);
            if (node != null) {
                builder.tag("node", node);
            }
            return builder.register(registry);
        }
    }
}
