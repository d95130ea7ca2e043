package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ServerSettings.Source;
import org.dragonflyclient.test.TestServer.Kind;

/** {@code DRAGONFLY_TEST_URI}, pointed here at a dedicated server through its system property form. */
@WithTestServer
class ExternalServerTest {

    @Test
    void systemProperty_pointsTheSharedServerAtAnExistingOne(ManagedServer running) {
        ServerSettings settings;
        System.setProperty("dragonfly.test.uri", running.uri());
        try {
            settings = ServerSettings.fromEnvironment();
        } finally {
            System.clearProperty("dragonfly.test.uri");
        }

        assertThat(settings.externalUri()).isEqualTo(running.uri());
        // Unforced, as without DRAGONFLY_TEST_SERVER, whatever this run forces.
        TestServer external = new ServerResolver(settings.withForced(null)).resolveShared();

        assertThat(external.kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(external.uri()).isEqualTo(running.uri());
        assertThat(external.host()).isEqualTo("127.0.0.1");
        assertThat(external.port()).isEqualTo(running.port());
        assertThat(external.version()).isEqualTo(running.version());
        assertThat(external.isDragonfly()).isEqualTo(running.isDragonfly());

        external.close();

        assertThat(running.execute("PING")).isEqualTo("+PONG");
    }

    @Test
    void dedicatedServers_neverUseTheExternalAddress(ManagedServer running) {
        ServerResolver resolver = new ServerResolver(ServerSettings.defaults().withExternalUri(running.uri()));

        try (ManagedServer dedicated = resolver.startDedicated()) {
            assertThat(dedicated.kind()).isNotEqualTo(Kind.EXTERNAL);
            assertThat(dedicated.port()).isNotEqualTo(running.port());
        }
    }

    @Test
    void credentialsInTheUri_areSentWithAuth(ManagedServer running) {
        assertThat(running.execute("CONFIG", "SET", "requirepass", "s3cret")).isEqualTo("+OK");

        TestServer external = ExternalServer.connect("redis://:s3cret@127.0.0.1:" + running.port());

        assertThat(external.version()).isEqualTo(running.version());
        assertThat(running.execute("PING")).startsWith("-NOAUTH");
    }

    @Test
    void forcingExternal_withoutAnAddress_fails() {
        ServerResolver resolver = new ServerResolver(ServerSettings.defaults().withForced(Source.EXTERNAL));

        assertThatThrownBy(resolver::resolveShared).hasMessageContaining("DRAGONFLY_TEST_URI");
        assertThatThrownBy(resolver::startDedicated).hasMessageContaining("no dedicated servers");
    }

    @Test
    void parse_acceptsCredentialsIpv6AndADefaultPort() {
        assertThat(ExternalServer.parse("redis://127.0.0.1:6380"))
                .isEqualTo(new Endpoint("127.0.0.1", 6380, List.of()));
        assertThat(ExternalServer.parse("redis://cache.internal"))
                .isEqualTo(new Endpoint("cache.internal", 6379, List.of()));
        assertThat(ExternalServer.parse("redis://:secret@[::1]:7000/0"))
                .isEqualTo(new Endpoint("::1", 7000, List.of("secret")));
        assertThat(ExternalServer.parse("redis://app:s%40cret@localhost:7000"))
                .isEqualTo(new Endpoint("localhost", 7000, List.of("app", "s@cret")));
        assertThatThrownBy(() -> ExternalServer.parse("rediss://localhost:6380"))
                .hasMessageContaining("TLS");
        assertThatThrownBy(() -> ExternalServer.parse("localhost:6380")).hasMessageContaining("redis://");
    }

    @Test
    void settings_areParsedCaseInsensitively() {
        ServerSettings settings = ServerSettings.from(name -> switch (name) {
            case "dragonfly.test.server" -> "Embedded";
            case "dragonfly.test.docker" -> "false";
            default -> null;
        });

        assertThat(settings.forced()).isEqualTo(Source.EMBEDDED);
        assertThat(settings.dockerEnabled()).isFalse();
        assertThat(settings.externalUri()).isNull();
        assertThat(ServerSettings.toEnvName("dragonfly.test.uri")).isEqualTo("DRAGONFLY_TEST_URI");
        assertThatThrownBy(() -> ServerSettings.from(name -> name.endsWith("server") ? "podman" : null))
                .hasMessageContaining("[external, docker, binary, embedded]");
    }
}
