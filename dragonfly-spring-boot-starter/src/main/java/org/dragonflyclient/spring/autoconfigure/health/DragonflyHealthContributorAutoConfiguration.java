package org.dragonflyclient.spring.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Import;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.spring.autoconfigure.DragonflyAutoConfiguration;

/**
 * A {@code dragonfly} health contributor (one indicator per {@link DragonflyClient} bean) when
 * Spring Boot's health module is present; {@code management.health.dragonfly.enabled=false}
 * switches it off.
 */
@AutoConfiguration(after = DragonflyAutoConfiguration.class)
@ConditionalOnClass({DragonflyClient.class, HealthIndicator.class})
@ConditionalOnBean(DragonflyClient.class)
// The health module's own condition sits on the imported class, read only once the module is known present.
@Import(DragonflyHealthContributorConfiguration.class)
public final class DragonflyHealthContributorAutoConfiguration {}
