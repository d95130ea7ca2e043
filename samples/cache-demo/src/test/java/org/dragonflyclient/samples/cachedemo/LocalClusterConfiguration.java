package org.dragonflyclient.samples.cachedemo;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestClusters;

/**
 * With {@code demo.local-server=cluster}, gives the demo a local cluster of its own: three masters
 * and three replicas ({@code redis-server} processes formed by {@code dragonfly-test-support}) on
 * free loopback ports, stopped with the application. The demo reaches it through a
 * {@link DragonflyConnectionDetails} bean whose cluster nodes take the place of
 * {@code dragonfly.cluster.nodes}: the one setting a real cluster needs.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "demo.local-server", havingValue = "cluster")
public class LocalClusterConfiguration {

    private static final Log logger = LogFactory.getLog(LocalClusterConfiguration.class);

    @Bean(destroyMethod = "close")
    TestCluster localDragonflyCluster() {
        TestCluster cluster = TestClusters.startDedicated();
        logger.info("Started a local cluster (" + cluster.kind() + " " + cluster.version()
                + ", 3 masters, 3 replicas) at "
                + cluster.seeds() + " for this run; it stops with the application. For a real cluster instead, set"
                + " DRAGONFLY_CLUSTER_NODES=host:port,host:port (dragonfly.cluster.nodes).");
        return cluster;
    }

    @Bean
    DragonflyConnectionDetails localDragonflyConnectionDetails(TestCluster localDragonflyCluster) {
        List<String> nodes = List.of(localDragonflyCluster.seeds().split(","));
        return new DragonflyConnectionDetails() {

            @Override
            public String getHost() {
                return localDragonflyCluster.nodes().get(0).host();
            }

            @Override
            public int getPort() {
                return localDragonflyCluster.nodes().get(0).port();
            }

            @Override
            public List<String> getClusterNodes() {
                return nodes;
            }
        };
    }
}
