package org.dragonflyclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.spring.TestClients;
import org.dragonflyclient.test.TestServer;

class DragonflyAutoConfigurationTests {

    private static final TestServer SERVER = TestClients.server();

    /** Connects to the shared test server; tests that must not connect replace the client. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DragonflyAutoConfiguration.class))
            .withPropertyValues("dragonfly.host=" + SERVER.host(), "dragonfly.port=" + SERVER.port());

    /** Same, with a client of the test's own: the options are built but nothing connects with them. */
    private final ApplicationContextRunner optionsOnly = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DragonflyAutoConfiguration.class))
            .withBean(DragonflyClient.class, TestClients::shared, TestClients.notClosed());

    @Test
    void defaults_connectToLocalhost6379_withTheClientsDefaults() {
        optionsOnly.run(context -> {
            ClientOptions options = context.getBean(ClientOptions.class);
            assertThat(options.host()).isEqualTo("localhost");
            assertThat(options.port()).isEqualTo(6379);
            assertThat(options.database()).isZero();
            assertThat(options.username()).isNull();
            assertThat(options.password()).isNull();
            assertThat(options.clientName()).isNull();
            assertThat(options.ssl()).isFalse();
            assertThat(options.connectTimeout()).isEqualTo(ClientOptions.DEFAULT_CONNECT_TIMEOUT);
            assertThat(options.timeout()).isEqualTo(ClientOptions.DEFAULT_TIMEOUT);
            assertThat(options.poolSize()).isEqualTo(ClientOptions.DEFAULT_POOL_SIZE);
            assertThat(options.commandListener()).isSameAs(CommandListener.NONE);
            assertThat(context).hasSingleBean(PropertiesDragonflyConnectionDetails.class);
        });
    }

    @Test
    void client_connectsToTheConfiguredServer_andIsClosedWithTheContext() {
        DragonflyClient[] client = new DragonflyClient[1];
        runner.run(context -> {
            assertThat(context).hasSingleBean(DragonflyClient.class);
            client[0] = context.getBean(DragonflyClient.class);
            assertThat(client[0].ping()).isEqualTo("PONG");
        });
        assertThatExceptionOfType(DragonflyConnectionException.class).isThrownBy(client[0]::ping);
    }

    @Test
    void eachConnectionProperty_reachesTheClientOptions() {
        optionsOnly
                .withPropertyValues(
                        "dragonfly.host=cache.example.com",
                        "dragonfly.port=7000",
                        "dragonfly.username=app",
                        "dragonfly.password=secret",
                        "dragonfly.database=3",
                        "dragonfly.client-name=orders",
                        "dragonfly.connect-timeout=750ms",
                        "dragonfly.timeout=250ms",
                        "dragonfly.spin-wait=20us",
                        "dragonfly.pool.size=4")
                .run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.host()).isEqualTo("cache.example.com");
                    assertThat(options.port()).isEqualTo(7000);
                    assertThat(options.username()).isEqualTo("app");
                    assertThat(options.password()).isEqualTo("secret");
                    assertThat(options.database()).isEqualTo(3);
                    assertThat(options.clientName()).isEqualTo("orders");
                    assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(750));
                    assertThat(options.timeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.spinWait()).isEqualTo(Duration.ofNanos(20_000));
                    assertThat(options.poolSize()).isEqualTo(4);
                });
    }

    @Test
    void spinWaitOutOfRange_failsTheStartWithTheAllowedRange() {
        optionsOnly
                .withPropertyValues("dragonfly.spin-wait=5ms")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("spinWait must be between 0 (no spinning) and 1 ms"));
    }

    @Test
    void url_replacesHostPortCredentialsAndDatabase_andKeepsItsQueryParameters() {
        optionsOnly
                .withPropertyValues(
                        "dragonfly.host=ignored",
                        "dragonfly.port=1",
                        "dragonfly.password=ignored",
                        "dragonfly.url=redis://app:s3cret@cache.example.com:7001/2?clientName=fromurl&timeout=300ms")
                .run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.host()).isEqualTo("cache.example.com");
                    assertThat(options.port()).isEqualTo(7001);
                    assertThat(options.username()).isEqualTo("app");
                    assertThat(options.password()).isEqualTo("s3cret");
                    assertThat(options.database()).isEqualTo(2);
                    assertThat(options.clientName()).isEqualTo("fromurl");
                    assertThat(options.timeout()).isEqualTo(Duration.ofMillis(300));
                });
    }

    @Test
    void explicitProperties_winOverTheUrlsQueryParameters() {
        optionsOnly
                .withPropertyValues("dragonfly.url=redis://cache.example.com?timeout=300ms", "dragonfly.timeout=900ms")
                .run(context -> assertThat(context.getBean(ClientOptions.class).timeout())
                        .isEqualTo(Duration.ofMillis(900)));
    }

    @Test
    void unreachableServer_doesNotStopTheApplicationByDefault() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DragonflyAutoConfiguration.class))
                .withPropertyValues("dragonfly.host=127.0.0.1", "dragonfly.port=" + port)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DragonflyClient.class).openConnections())
                            .isZero();
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DragonflyAutoConfiguration.class))
                .withPropertyValues(
                        "dragonfly.host=127.0.0.1",
                        "dragonfly.port=" + port,
                        "dragonfly.require-server-at-startup=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("Could not connect to 127.0.0.1:" + port));
    }

    @Test
    void malformedUrl_failsTheStartWithTheClientsMessage() {
        optionsOnly
                .withPropertyValues("dragonfly.url=http://cache.example.com")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("redis://"));
    }

    @Test
    void rediss_url_enablesTls() {
        optionsOnly
                .withPropertyValues("dragonfly.url=rediss://cache.example.com:6380")
                .run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.ssl()).isTrue();
                    assertThat(options.sslSocketFactory()).isNotNull();
                });
    }

    @Test
    void sslEnabled_usesTheJdksTrustStore() {
        optionsOnly.withPropertyValues("dragonfly.ssl.enabled=true").run(context -> {
            ClientOptions options = context.getBean(ClientOptions.class);
            assertThat(options.ssl()).isTrue();
            assertThat(options.sslSocketFactory()).isNotNull();
        });
    }

    @Test
    void sslBundle_enablesTls_withTheBundlesTrustMaterialAndProtocols() {
        optionsOnly
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
                .withPropertyValues(
                        "dragonfly.ssl.bundle=cache",
                        "spring.ssl.bundle.pem.cache.truststore.certificate=classpath:ssl/test.crt",
                        "spring.ssl.bundle.pem.cache.options.enabled-protocols=TLSv1.3")
                .run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.ssl()).isTrue();
                    assertThat(options.sslSocketFactory()).isInstanceOf(SslBundleSocketFactory.class);
                });
    }

    @Test
    void sslBundle_unknown_failsTheStart() {
        optionsOnly
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
                .withPropertyValues("dragonfly.ssl.bundle=missing")
                .run(context -> assertThat(context).getFailure().hasMessageContaining("missing"));
    }

    @Test
    void sslDisabledExplicitly_winsOverABundle() {
        optionsOnly
                .withPropertyValues("dragonfly.ssl.bundle=cache", "dragonfly.ssl.enabled=false")
                .run(context ->
                        assertThat(context.getBean(ClientOptions.class).ssl()).isFalse());
    }

    @Test
    void database_isSelectedOnTheServer() {
        String key = "db-test-" + UUID.randomUUID();
        runner.withPropertyValues("dragonfly.database=3").run(context -> {
            context.getBean(DragonflyClient.class).set(key, "in-3");
            assertThat(TestClients.shared().get(key)).isNull();
            assertThat(context.getBean(DragonflyClient.class).get(key)).isEqualTo("in-3");
            context.getBean(DragonflyClient.class).del(key);
        });
    }

    @Test
    void clientName_isSetOnTheServer() {
        runner.withPropertyValues("dragonfly.client-name=orders-service")
                .run(context -> assertThat(context.getBean(DragonflyClient.class)
                                .execute("CLIENT", "GETNAME")
                                .asString())
                        .isEqualTo("orders-service"));
    }

    @Test
    void wrongCredentials_failTheStart_namingTheProperties() {
        runner.withPropertyValues("dragonfly.username=nobody", "dragonfly.password=wrong")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("dragonfly.username/dragonfly.password"));
    }

    @Test
    void userClientOptions_win() {
        ClientOptions own = ClientOptions.fromUri(SERVER.uri());
        runner.withPropertyValues("dragonfly.port=1")
                .withBean(ClientOptions.class, () -> own)
                .run(context -> {
                    assertThat(context.getBean(ClientOptions.class)).isSameAs(own);
                    assertThat(context.getBean(DragonflyClient.class).ping()).isEqualTo("PONG");
                });
    }

    @Test
    void userClient_wins() {
        optionsOnly.run(
                context -> assertThat(context.getBean(DragonflyClient.class)).isSameAs(TestClients.shared()));
    }

    @Test
    void userConnectionDetails_replaceTheProperties() {
        runner.withPropertyValues("dragonfly.host=unused.example.com", "dragonfly.port=1")
                .withBean(DragonflyConnectionDetails.class, () -> new DragonflyConnectionDetails() {
                    @Override
                    public String getHost() {
                        return SERVER.host();
                    }

                    @Override
                    public int getPort() {
                        return SERVER.port();
                    }
                })
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PropertiesDragonflyConnectionDetails.class);
                    assertThat(context.getBean(DragonflyClient.class).ping()).isEqualTo("PONG");
                });
    }

    @Test
    void customizers_runInOrder_afterTheProperties() {
        optionsOnly
                .withPropertyValues("dragonfly.client-name=from-properties")
                .withUserConfiguration(Customizers.class)
                .run(context -> assertThat(context.getBean(ClientOptions.class).clientName())
                        .isEqualTo("second"));
    }

    @Test
    void commandListenerBeans_seeEveryCommand() {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner.withBean("first", CommandListener.class, () -> (command, nanos, failure) -> seen.add("1:" + command))
                .withBean("second", CommandListener.class, () -> (command, nanos, failure) -> seen.add("2:" + command))
                .run(context -> {
                    context.getBean(DragonflyClient.class).ping();
                    assertThat(seen).contains("1:PING", "2:PING");
                });
    }

    @Test
    void withoutTheCoreClient_nothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(DragonflyClient.class)).run(context -> {
            assertThat(context).doesNotHaveBean(ClientOptions.class);
            assertThat(context).doesNotHaveBean(DragonflyProperties.class);
        });
    }

    @Test
    void withoutOptionalLibraries_theClientStillWorks() {
        runner.withClassLoader(new FilteredClassLoader(
                        "io.micrometer",
                        "tools.jackson",
                        "org.testcontainers",
                        "org.springframework.boot.health",
                        "org.springframework.boot.testcontainers"))
                .run(context -> assertThat(
                                context.getBean(DragonflyClient.class).ping())
                        .isEqualTo("PONG"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        DragonflyClientOptionsCustomizer second() {
            return builder -> builder.clientName("second");
        }

        @Bean
        @Order(1)
        DragonflyClientOptionsCustomizer first() {
            return builder -> builder.clientName("first");
        }
    }
}
