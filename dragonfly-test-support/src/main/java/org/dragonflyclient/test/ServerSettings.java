package org.dragonflyclient.test;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the environment asks of {@link TestServers}. Each setting is read from a system property
 * first, then from an environment variable, so a build can set it per run
 * ({@code -Ddragonfly.test.uri=...}) and a CI job for all runs ({@code DRAGONFLY_TEST_URI=...}).
 *
 * @param externalUri a server to use instead of starting one; {@code null} if none
 * @param forced the only way allowed to obtain a server; {@code null} to try them all in order
 * @param dockerEnabled {@code false} to skip Docker even where it works
 * @param dragonflyImage the image for Dragonfly containers
 */
record ServerSettings(String externalUri, Source forced, boolean dockerEnabled, String dragonflyImage) {

    /** A pinned release, so that a new Dragonfly does not change test results overnight. */
    static final String DEFAULT_DRAGONFLY_IMAGE = "docker.dragonflydb.io/dragonflydb/dragonfly:v1.37.0";

    /** Ways to obtain a server, as named in {@code DRAGONFLY_TEST_SERVER}. */
    enum Source {
        /** Only {@code DRAGONFLY_TEST_URI}. */
        EXTERNAL,
        /** Only a Dragonfly container. */
        DOCKER,
        /** Only a {@code dragonfly} or {@code redis-server} binary on the {@code PATH}. */
        BINARY,
        /** Only the binary inside embedded-redis. */
        EMBEDDED;

        static Source parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "DRAGONFLY_TEST_SERVER / dragonfly.test.server is '" + value + "'; expected one of "
                                + Arrays.toString(values()).toLowerCase(Locale.ROOT),
                        e);
            }
        }
    }

    static ServerSettings defaults() {
        return new ServerSettings(null, null, true, DEFAULT_DRAGONFLY_IMAGE);
    }

    static ServerSettings fromEnvironment() {
        return from(name -> System.getProperty(name, System.getenv(toEnvName(name))));
    }

    /** Reads settings through {@code lookup}, which maps {@code dragonfly.test.x} to a value or null. */
    static ServerSettings from(UnaryOperator<String> lookup) {
        String uri = blankToNull(lookup.apply("dragonfly.test.uri"));
        String server = blankToNull(lookup.apply("dragonfly.test.server"));
        String docker = blankToNull(lookup.apply("dragonfly.test.docker"));
        String image = blankToNull(lookup.apply("dragonfly.test.image"));
        return new ServerSettings(
                uri,
                server == null ? null : Source.parse(server),
                docker == null || !docker.strip().equalsIgnoreCase("false"),
                image == null ? DEFAULT_DRAGONFLY_IMAGE : image);
    }

    ServerSettings withExternalUri(String uri) {
        return new ServerSettings(uri, forced, dockerEnabled, dragonflyImage);
    }

    ServerSettings withForced(Source source) {
        return new ServerSettings(externalUri, source, dockerEnabled, dragonflyImage);
    }

    ServerSettings withDockerEnabled(boolean enabled) {
        return new ServerSettings(externalUri, forced, enabled, dragonflyImage);
    }

    /** {@code dragonfly.test.uri} becomes {@code DRAGONFLY_TEST_URI}. */
    static String toEnvName(String property) {
        return property.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
