package org.dragonflyclient.spring.autoconfigure.health;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.health.DragonflyHealthIndicator;

/** One {@link DragonflyHealthIndicator} per client, under the name {@code dragonfly}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEnabledHealthIndicator("dragonfly")
class DragonflyHealthContributorConfiguration
        extends CompositeHealthContributorConfiguration<DragonflyHealthIndicator, DragonflyClient> {

    DragonflyHealthContributorConfiguration() {
        super(DragonflyHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = {"dragonflyHealthIndicator", "dragonflyHealthContributor"})
    HealthContributor dragonflyHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, DragonflyClient.class);
    }
}
