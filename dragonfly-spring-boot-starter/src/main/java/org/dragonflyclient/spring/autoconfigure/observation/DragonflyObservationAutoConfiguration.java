package org.dragonflyclient.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;
import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;
import org.dragonflyclient.spring.observation.DragonflyCommandObservationConvention;
import org.dragonflyclient.spring.observation.ObservationCommandListener;

/**
 * An observation of each command, when Micrometer Observation is on the class path, an
 * {@link ObservationRegistry} exists and {@code dragonfly.observation.enabled=true}. Off by default:
 * an application that traces nothing should not pay for it on every command.
 */
@AutoConfiguration(
        after = DragonflyAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, DragonflyClient.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty("dragonfly.observation.enabled")
public final class DragonflyObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationCommandListener dragonflyObservationCommandListener(
            ObservationRegistry observationRegistry,
            DragonflyConnectionDetails connectionDetails,
            ObjectProvider<DragonflyCommandObservationConvention> convention) {
        return new ObservationCommandListener(
                observationRegistry,
                convention.getIfAvailable(DragonflyCommandObservationConvention::defaults),
                connectionDetails.getHost(),
                connectionDetails.getPort(),
                connectionDetails.getDatabase());
    }
}
