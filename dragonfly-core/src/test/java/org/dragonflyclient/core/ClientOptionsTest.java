package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void defaults_pointAtLocalServerWithoutCredentials() {
        ClientOptions options = ClientOptions.builder().build();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(6379);
        assertThat(options.username()).isNull();
        assertThat(options.password()).isNull();
        assertThat(options.database()).isZero();
        assertThat(options.ssl()).isFalse();
        assertThat(options.poolSize()).isEqualTo(ClientOptions.DEFAULT_POOL_SIZE);
        assertThat(options.protocol()).isEqualTo(Protocol.RESP3);
        assertThat(options.timeout()).isEqualTo(ClientOptions.DEFAULT_TIMEOUT);
        assertThat(options.spinWait()).isEqualTo(Duration.ofNanos(50_000));
    }

    @Test
    void spinWait_acceptsZeroToOneMillisecond_fromBuilderAndUri() {
        assertThat(ClientOptions.builder().spinWait(Duration.ZERO).build().spinWait())
                .isZero();
        assertThat(ClientOptions.builder()
                        .spinWait(Duration.ofMillis(1))
                        .build()
                        .spinWait())
                .isEqualTo(Duration.ofMillis(1));
        assertThat(ClientOptions.fromUri("redis://h?spinWait=20us").spinWait()).isEqualTo(Duration.ofNanos(20_000));
        assertThat(ClientOptions.fromUri("redis://h?spin_wait=0").spinWait()).isZero();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().spinWait(Duration.ofMillis(2)))
                .withMessageContaining("between 0 (no spinning) and 1 ms");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().spinWait(Duration.ofNanos(-1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://h?spinWait=fast"))
                .withMessageContaining("50us, 500ms");
    }

    @Test
    void fromUri_readsEveryPart() {
        ClientOptions options = ClientOptions.fromUri(
                "redis://app:s3cr%40t@cache.example.com:6380/4?clientName=orders&timeout=750ms&connectTimeout=3s&poolSize=4&protocol=resp2");

        assertThat(options.host()).isEqualTo("cache.example.com");
        assertThat(options.port()).isEqualTo(6380);
        assertThat(options.username()).isEqualTo("app");
        assertThat(options.password()).isEqualTo("s3cr@t");
        assertThat(options.database()).isEqualTo(4);
        assertThat(options.clientName()).isEqualTo("orders");
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.poolSize()).isEqualTo(4);
        assertThat(options.protocol()).isEqualTo(Protocol.RESP2);
        assertThat(options.ssl()).isFalse();
    }

    @Test
    void fromUri_passwordOnlyAndDefaultPort() {
        ClientOptions options = ClientOptions.fromUri("redis://secret@localhost");

        assertThat(options.username()).isNull();
        assertThat(options.password()).isEqualTo("secret");
        assertThat(options.port()).isEqualTo(6379);
    }

    @Test
    void fromUri_emptyUserMeansDefaultUser() {
        ClientOptions options = ClientOptions.fromUri("redis://:secret@localhost:7000");

        assertThat(options.username()).isNull();
        assertThat(options.password()).isEqualTo("secret");
    }

    @Test
    void fromUri_rediss_enablesTlsWithHostnameVerification() {
        ClientOptions options = ClientOptions.fromUri("rediss://cache.example.com:6380");

        assertThat(options.ssl()).isTrue();
        assertThat(options.verifyHostname()).isTrue();
    }

    @Test
    void fromUri_ipv6() {
        ClientOptions options = ClientOptions.fromUri("redis://[::1]:7001");

        assertThat(options.host()).isEqualTo("::1");
        assertThat(options.address()).isEqualTo("[::1]:7001");
    }

    @Test
    void fromUri_rejectsOtherSchemesWithoutLeakingThePassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("http://user:topsecret@host:6379"))
                .withMessageContaining("redis://")
                .withMessageNotContaining("topsecret");
    }

    @Test
    void fromUri_rejectsUnknownParameterAndBadDatabase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://:pw@host/0?colour=red"))
                .withMessageContaining("colour")
                .withMessageNotContaining(":pw@");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://host/abc"))
                .withMessageContaining("database number");
    }

    @Test
    void toString_neverShowsThePassword() {
        ClientOptions options = ClientOptions.fromUri("redis://app:hunter2@host:6379/1");

        assertThat(options.toString()).contains("app:****@host:6379/1").doesNotContain("hunter2");
    }

    @Test
    void builder_validatesEachSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().port(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().poolSize(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().database(-1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().timeout(Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().clientName("has space"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().username("app").build())
                .withMessageContaining("password");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().reconnectDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void toBuilder_copiesEverything() {
        ClientOptions options = ClientOptions.fromUri("redis://u:p@h:1234/2?clientName=x&poolSize=3&spinWait=7us");

        assertThat(options.toBuilder().build().toString())
                .isEqualTo(options.toString())
                .contains("spinWait=PT0.000007S");
        assertThat(options.toBuilder().port(99).build().port()).isEqualTo(99);
    }

    @Test
    void tracking_offByDefault_onFromBuilderOrUri() {
        assertThat(ClientOptions.builder().build().tracking()).isFalse();
        assertThat(ClientOptions.builder().build().trackingListener()).isSameAs(TrackingListener.NONE);
        assertThat(ClientOptions.fromUri("redis://h?tracking=on").tracking()).isTrue();
        assertThat(ClientOptions.fromUri("redis://h?tracking=off").tracking()).isFalse();
        assertThat(ClientOptions.fromUri("redis://h?tracking=on").toString()).contains("tracking=on");
        assertThat(ClientOptions.fromUri("redis://h").toString()).doesNotContain("tracking");

        TrackingListener listener = new RecordingTrackingListener();
        ClientOptions options = ClientOptions.builder()
                .tracking(true)
                .trackingListener(listener)
                .build();
        assertThat(options.toBuilder().build().trackingListener()).isSameAs(listener);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://h?tracking=maybe"))
                .withMessageContaining("use tracking=on or tracking=off");
    }

    @Test
    void tracking_withResp2_isRefusedWithWhatToChange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://h?protocol=resp2&tracking=on"))
                .withMessageContaining("tracking needs RESP3")
                .withMessageContaining("remove protocol(RESP2) / protocol=RESP2, or turn tracking off");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder()
                        .protocol(Protocol.RESP2)
                        .tracking(true)
                        .build())
                .withMessageContaining("tracking needs RESP3");
    }

    @Test
    void trackingListener_withoutTracking_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder()
                        .trackingListener(new RecordingTrackingListener())
                        .build())
                .withMessageContaining("add tracking(true)");
    }

    @Test
    void cluster_seedsFromUri_credentialsAndTlsForEveryNode() {
        ClientOptions options =
                ClientOptions.fromUri("rediss://app:s3cret@h1:7000,h2:7001,[::1]:7002,h4?cluster=true&maxRedirects=3"
                        + "&topologyRefreshPeriod=30s");
        assertThat(options.cluster()).isTrue();
        assertThat(options.clusterSeeds()).containsExactly("h1:7000", "h2:7001", "[::1]:7002", "h4:6379");
        assertThat(options.ssl()).isTrue();
        assertThat(options.username()).isEqualTo("app");
        assertThat(options.password()).isEqualTo("s3cret");
        assertThat(options.maxRedirects()).isEqualTo(3);
        assertThat(options.topologyRefreshPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.toString()).contains("cluster=[h1:7000, h2:7001").doesNotContain("s3cret");
        assertThat(options.toBuilder().build().clusterSeeds()).isEqualTo(options.clusterSeeds());

        ClientOptions single = ClientOptions.fromUri("redis://h1:7000?cluster=true");
        assertThat(single.clusterSeeds()).containsExactly("h1:7000");
        assertThat(ClientOptions.fromUri("redis://h1").cluster()).isFalse();
        assertThat(ClientOptions.builder().build().maxRedirects()).isEqualTo(ClientOptions.DEFAULT_MAX_REDIRECTS);
        assertThat(ClientOptions.builder().build().topologyRefreshPeriod()).isZero();
    }

    @Test
    void cluster_builderSeeds() {
        ClientOptions options = ClientOptions.builder()
                .clusterNodes("10.0.0.1:7000", "10.0.0.2:7001")
                .build();
        assertThat(options.cluster()).isTrue();
        assertThat(options.host()).isEqualTo("10.0.0.1");
        assertThat(options.port()).isEqualTo(7000);
        assertThat(options.clusterSeeds()).containsExactly("10.0.0.1:7000", "10.0.0.2:7001");
        assertThat(ClientOptions.builder()
                        .host("h")
                        .port(1)
                        .cluster(true)
                        .build()
                        .clusterSeeds())
                .containsExactly("h:1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().clusterNodes("nohostport"))
                .withMessageContaining("not host:port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.builder().maxRedirects(0))
                .withMessageContaining("at least 1");
    }

    @Test
    void cluster_refusesSeveralHostsWithoutClusterAndAnotherDatabase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://h1:7000,h2:7001"))
                .withMessageContaining("add ?cluster=true");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://h1:7000,h2:7001/3?cluster=true"))
                .withMessageContaining("only database 0")
                .withMessageContaining("/3");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> ClientOptions.builder().cluster(true).database(1).build())
                .withMessageContaining("only database 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientOptions.fromUri("redis://h?cluster=maybe"))
                .withMessageContaining("use cluster=on or cluster=off");
    }
}
