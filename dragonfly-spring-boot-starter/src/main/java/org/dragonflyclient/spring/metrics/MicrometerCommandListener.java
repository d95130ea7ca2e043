package org.dragonflyclient.spring.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.dragonflyclient.core.CommandListener;

/**
 * Times every command of the client in a {@code dragonfly.commands} timer tagged with
 * {@code command} (such as {@code GET}), {@code outcome} ({@code success} or {@code failure}) and
 * {@code exception} (the failure's simple class name, {@code none} on success). Timers are looked
 * up in a map of their own, so the hot path costs one map read and one timer update.
 */
public class MicrometerCommandListener implements CommandListener {

    /** Name of the timer. */
    public static final String METRIC_NAME = "dragonfly.commands";

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Timer> successes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> failures = new ConcurrentHashMap<>();

    /**
     * @param registry where the timers are registered
     */
    public MicrometerCommandListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandCompleted(String command, long durationNanos, Throwable failure) {
        Timer timer;
        if (failure == null) {
            timer = successes.computeIfAbsent(command, name -> timer(name, "success", "none"));
        } else {
            String exception = failure.getClass().getSimpleName();
            timer = failures.computeIfAbsent(command + ' ' + exception, key -> timer(command, "failure", exception));
        }
        timer.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String command, String outcome, String exception) {
        return Timer.builder(METRIC_NAME)
                .description("Commands sent to Dragonfly, from the call until the reply or failure")
                .tag("command", command)
                .tag("outcome", outcome)
                .tag("exception", exception)
                .register(registry);
    }
}
