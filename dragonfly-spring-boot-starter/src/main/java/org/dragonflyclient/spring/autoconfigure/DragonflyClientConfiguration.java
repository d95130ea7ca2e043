package org.dragonflyclient.spring.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyClient;

/**
 * The client: connection details, then options (properties, listeners, customizers, tracking when
 * a cache keeps a local tier), then the client itself. Each step is a bean of its own so that an application can replace any of them.
 */
@Configuration(proxyBeanMethods = false)
class DragonflyClientConfiguration {

    @Bean
    @ConditionalOnMissingBean(DragonflyConnectionDetails.class)
    PropertiesDragonflyConnectionDetails dragonflyConnectionDetails(
            DragonflyProperties properties, ObjectProvider<SslBundles> sslBundles) {
        return new PropertiesDragonflyConnectionDetails(properties, sslBundles.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    ClientOptions dragonflyClientOptions(
            DragonflyProperties properties,
            DragonflyConnectionDetails connectionDetails,
            ObjectProvider<CommandListener> commandListeners,
            ObjectProvider<DragonflyClientOptionsCustomizer> customizers) {
        ClientOptions.Builder builder = ClientOptions.builder();
        if (connectionDetails instanceof PropertiesDragonflyConnectionDetails fromProperties
                && fromProperties.getUrl() != null) {
            // Keeps the URL's query parameters (clientName, timeout...); explicit properties below win.
            builder.uri(fromProperties.getUrl());
        }
        builder.host(connectionDetails.getHost())
                .port(connectionDetails.getPort())
                .database(connectionDetails.getDatabase())
                .username(connectionDetails.getUsername())
                .password(connectionDetails.getPassword());
        List<String> clusterNodes = connectionDetails.getClusterNodes();
        if (!clusterNodes.isEmpty()) {
            builder.clusterNodes(clusterNodes);
        }
        DragonflyProperties.Cluster cluster = properties.getCluster();
        if (cluster.getMaxRedirects() != null) {
            builder.maxRedirects(cluster.getMaxRedirects());
        }
        if (cluster.getRefreshPeriod() != null) {
            builder.topologyRefreshPeriod(cluster.getRefreshPeriod());
        }
        SslBundle sslBundle = connectionDetails.getSslBundle();
        if (sslBundle != null) {
            builder.ssl(true).sslSocketFactory(SslBundleSocketFactory.of(sslBundle));
        }
        if (properties.getClientName() != null) {
            builder.clientName(properties.getClientName());
        }
        if (properties.getConnectTimeout() != null) {
            builder.connectTimeout(properties.getConnectTimeout());
        }
        if (properties.getTimeout() != null) {
            builder.timeout(properties.getTimeout());
        }
        if (properties.getSpinWait() != null) {
            builder.spinWait(properties.getSpinWait());
        }
        if (properties.getPool().getSize() != null) {
            builder.poolSize(properties.getPool().getSize());
        }
        builder.requireServerAtStartup(properties.isRequireServerAtStartup());
        builder.commandListener(
                CompositeCommandListener.of(commandListeners.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        // After the customizers, so that a protocol they chose is known: the local tier needs tracking.
        return new LocalTierTracking(properties.getCache()).apply(builder.build());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DragonflyClient dragonflyClient(ClientOptions dragonflyClientOptions, DragonflyProperties properties) {
        return new LocalTierTracking(properties.getCache()).create(dragonflyClientOptions);
    }
}
