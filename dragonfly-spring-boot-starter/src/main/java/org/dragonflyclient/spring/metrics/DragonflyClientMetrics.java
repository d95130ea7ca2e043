package org.dragonflyclient.spring.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.dragonflyclient.core.DragonflyClient;

/**
 * Gauges of one client: {@code dragonfly.connections.open} (a drop below the pool size means a
 * reconnect is under way) and {@code dragonfly.commands.in-flight} (commands awaiting replies).
 */
public class DragonflyClientMetrics implements MeterBinder {

    private final DragonflyClient client;
    private final String name;

    /**
     * @param client the client
     * @param name the value of the {@code client} tag, such as its bean name
     */
    public DragonflyClientMetrics(DragonflyClient client, String name) {
        this.client = client;
        this.name = name;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dragonfly.connections.open", client, DragonflyClient::openConnections)
                .description("Connections to Dragonfly currently open")
                .tag("client", name)
                .register(registry);
        Gauge.builder("dragonfly.commands.in-flight", client, DragonflyClient::inFlightCommands)
                .description("Commands sent to Dragonfly whose replies have not arrived yet")
                .tag("client", name)
                .register(registry);
    }
}
