package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dragonflyclient.test.TestServer.Kind;

/** Where there is no Docker, saying so must cost one quiet line, not a page of stack traces. */
class DockerDetectionTest {

    @TempDir
    Path home;

    @Test
    void cheapCheck_findsNothing_inAnEmptyHome() {
        assertThat(DockerProbe.cheapReason(Map.of(), home))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no DOCKER_HOST"));
    }

    @Test
    void cheapCheck_defersToTestcontainers_whenDockerHostIsSet() {
        assertThat(DockerProbe.cheapReason(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home))
                .isEmpty();
    }

    @Test
    void cheapCheck_defersToTestcontainers_whenDockerDesktopsSocketExists() throws IOException {
        Files.createDirectories(home.resolve(".docker/run"));
        Files.createFile(home.resolve(".docker/run/docker.sock"));

        assertThat(DockerProbe.cheapReason(Map.of(), home)).isEmpty();
    }

    @Test
    void withoutDocker_theProbeIsQuietAndTheServerIsNotAContainer() {
        assumeTrue(
                System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock")),
                "this machine may have Docker");
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Optional<String> reason;
        ManagedServer server = null;
        try (Probes.CapturedLog log = new Probes.CapturedLog()) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            reason = DockerProbe.probe(System.getenv(), Path.of(System.getProperty("user.home")));
            server = new ServerResolver(ServerSettings.defaults()).startDedicated();

            assertThat(reason).isPresent();
            assertThat(server.kind()).isNotIn(Kind.DRAGONFLY_CONTAINER, Kind.EXTERNAL);
            assertThat(log.records)
                    .allSatisfy(record -> assertThat(record.getThrown()).isNull());
            assertThat(log.messages())
                    .filteredOn(message -> message.startsWith("INFO"))
                    .singleElement()
                    .asString()
                    .contains("at " + server.uri())
                    .contains("skipped DRAGONFLY_CONTAINER: no DOCKER_HOST");
        } finally {
            System.setErr(originalErr);
            if (server != null) {
                server.close();
            }
        }
        // Testcontainers was never asked, so neither it nor SLF4J had anything to say.
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("SLF4J", "Exception", "\tat ");
    }

    @Test
    void dockerCanBeDisabled() {
        try (Probes.CapturedLog log = new Probes.CapturedLog();
                ManagedServer server =
                        new ServerResolver(ServerSettings.defaults().withDockerEnabled(false)).startDedicated()) {
            assertThat(server.kind()).isNotEqualTo(Kind.DRAGONFLY_CONTAINER);
            assertThat(log.messages())
                    .anySatisfy(message -> assertThat(message).contains("disabled by DRAGONFLY_TEST_DOCKER=false"));
        }
    }
}
