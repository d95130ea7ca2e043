package org.dragonflyclient.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.metrics.DragonflyClientMetrics;
import org.dragonflyclient.spring.metrics.MicrometerCommandListener;

/**
 * Command timers (a {@link org.dragonflyclient.core.CommandListener} bean, which the client
 * auto-configuration hands to the client) and connection gauges.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(MeterRegistry.class)
class DragonflyClientMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MicrometerCommandListener dragonflyCommandMetrics(MeterRegistry meterRegistry) {
        return new MicrometerCommandListener(meterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "dragonflyClientMetrics")
    MeterBinder dragonflyClientMetrics(ObjectProvider<DragonflyClient> clients) {
        // Looked up when binding, not now: the client itself waits for the command listener above,
        // which waits for the registry, which binds this.
        return registry ->
                clients.ifUnique(client -> new DragonflyClientMetrics(client, "dragonflyClient").bindTo(registry));
    }
}
