package org.dragonflyclient.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import org.dragonflyclient.core.DragonflyClient;

/**
 * Auto-configures a {@link DragonflyClient} from {@code dragonfly.*} (or from a
 * {@link DragonflyConnectionDetails} bean, such as a Testcontainers service connection). The
 * client connects at start-up and is closed with the context.
 */
@AutoConfiguration
@ConditionalOnClass(DragonflyClient.class)
@EnableConfigurationProperties(DragonflyProperties.class)
@Import(DragonflyClientConfiguration.class)
public final class DragonflyAutoConfiguration {}
