package org.dragonflyclient.samples.cachedemo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import org.dragonflyclient.spring.autoconfigure.DragonflyConnectionDetails;
import org.dragonflyclient.test.ManagedServer;
import org.dragonflyclient.test.TestServers;

/**
 * Gives the demo a server of its own when it has none, so that it runs on a machine with nothing
 * but a JDK. Used by {@link TestCacheDemoApplication} ({@code spring-boot:test-run}) and by the
 * tests; the application itself never starts a server.
 *
 * <p>{@code demo.local-server} decides:
 * <ul>
 *   <li>{@code auto} (the default): start one when none of {@code dragonfly.url},
 *       {@code dragonfly.host}, {@code dragonfly.port} and {@code dragonfly.cluster.nodes} is set and nothing answers on the
 *       default address, {@code localhost:6379};</li>
 *   <li>{@code always}: start one and use it, whatever is configured or running (the tests do
 *       this, so that they never touch a developer's server);</li>
 *   <li>{@code never}: never start one;</li>
 *   <li>{@code cluster}: start none here; {@link LocalClusterConfiguration} starts a local cluster.</li>
 * </ul>
 * The server comes from {@code dragonfly-test-support}: a Dragonfly container when Docker works,
 * else a {@code dragonfly} or {@code redis-server} binary on the {@code PATH}, else the
 * {@code redis-server} shipped inside the embedded-redis jar. It listens on a free loopback port,
 * keeps nothing on disk and stops with the application. The demo reaches it through a
 * {@link DragonflyConnectionDetails} bean, which takes the place of the {@code dragonfly.*}
 * connection properties.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(LocalServerConfiguration.NoServerConfigured.class)
public class LocalServerConfiguration {

    private static final Log logger = LogFactory.getLog(LocalServerConfiguration.class);

    @Bean(destroyMethod = "close")
    ManagedServer localDragonflyServer(Environment environment) {
        ManagedServer server = TestServers.startDedicated();
        String instead = NoServerConfigured.mode(environment).equals("always")
                ? "unset demo.local-server (DEMO_LOCAL_SERVER) and set DRAGONFLY_URL=redis://host:port"
                : "run one on localhost:6379, or set DRAGONFLY_URL=redis://host:port (or --dragonfly.url=...)";
        logger.info("Started " + server.kind() + " (" + server.version() + ") at " + server.uri()
                + " for this run; it stops with the application. To use a real Dragonfly instead, " + instead + ".");
        return server;
    }

    @Bean
    DragonflyConnectionDetails localDragonflyConnectionDetails(ManagedServer localDragonflyServer) {
        return new DragonflyConnectionDetails() {

            @Override
            public String getHost() {
                return localDragonflyServer.host();
            }

            @Override
            public int getPort() {
                return localDragonflyServer.port();
            }
        };
    }

    /** Matches when the demo should get a server of its own; see the class comment. */
    static class NoServerConfigured extends SpringBootCondition {

        static final String DEFAULT_HOST = "localhost";
        static final int DEFAULT_PORT = 6379;

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            String mode = mode(environment);
            switch (mode) {
                case "always":
                    return ConditionOutcome.match("demo.local-server is always");
                case "never":
                    return ConditionOutcome.noMatch("demo.local-server is never");
                case "cluster":
                    return ConditionOutcome.noMatch(
                            "demo.local-server is cluster: LocalClusterConfiguration starts one");
                case "auto":
                    break;
                default:
                    throw new IllegalStateException(
                            "demo.local-server must be auto, always, never or cluster, not '" + mode + "'");
            }
            for (String property : new String[] {
                "dragonfly.url",
                "dragonfly.host",
                "dragonfly.port",
                "dragonfly.cluster.nodes",
                "dragonfly.cluster.nodes[0]"
            }) {
                if (environment.containsProperty(property)) {
                    return ConditionOutcome.noMatch(property + " is set");
                }
            }
            if (answers(DEFAULT_HOST, DEFAULT_PORT)) {
                String reason = "a server answers on " + DEFAULT_HOST + ":" + DEFAULT_PORT;
                logger.info("Not starting a local server: " + reason + ", and the demo uses it. "
                        + "Set DEMO_LOCAL_SERVER=always (or --demo.local-server=always) for a throwaway one instead.");
                return ConditionOutcome.noMatch(reason);
            }
            return ConditionOutcome.match("no dragonfly.url, dragonfly.host or dragonfly.port, and nothing answers on "
                    + DEFAULT_HOST + ":" + DEFAULT_PORT);
        }

        static String mode(Environment environment) {
            return environment.getProperty("demo.local-server", "auto").trim().toLowerCase(Locale.ROOT);
        }

        private static boolean answers(String host, int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
