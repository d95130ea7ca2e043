package org.dragonflyclient.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * The {@code redis-server} binary inside the embedded-redis jar, copied to a file so that it can
 * run with the arguments this module chooses (embedded-redis's own launcher would choose them).
 *
 * <p>The jar ships one binary per platform at its root ({@code /redis-server-6.2.6-v5-linux-amd64},
 * {@code /redis-server-6.2.7-linux-arm64}, {@code /redis-server-6.2.6-v5-darwin-arm64}, ...). The
 * library's own table, {@link ExecutableProvider#newProvidedVersionsMap()}, keyed by
 * {@link OsArchitecture#detectOSandArchitecture()}, says which one fits this machine, so a newer
 * jar with other file names keeps working. The file is extracted once per JVM and deleted when
 * it exits.
 */
final class EmbeddedRedisBinary {

    private static Path extracted;

    private EmbeddedRedisBinary() {}

    /**
     * Returns the path of the extracted binary, extracting it on first use.
     *
     * @throws IOException if the jar has no binary for this platform or it cannot be written
     */
    static synchronized Path path() throws IOException {
        if (extracted != null && Files.isExecutable(extracted)) {
            return extracted;
        }
        String resource = resourceForThisPlatform();
        Path dir = Files.createTempDirectory("dragonfly-test-embedded-redis-");
        Reaper.register(dir, () -> Reaper.deleteRecursively(dir));
        Path binary = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = ExecutableProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("The embedded-redis jar lists " + resource + " but does not contain it");
            }
            Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!binary.toFile().setExecutable(true, true)) {
            throw new IOException("Cannot make " + binary + " executable");
        }
        extracted = binary;
        return binary;
    }

    private static String resourceForThisPlatform() throws IOException {
        OsArchitecture platform;
        try {
            platform = OsArchitecture.detectOSandArchitecture();
        } catch (RuntimeException e) {
            throw new IOException(
                    "embedded-redis does not recognise this platform (" + System.getProperty("os.name") + ", "
                            + System.getProperty("os.arch") + "): " + e,
                    e);
        }
        String resource = ExecutableProvider.newProvidedVersionsMap().get(platform);
        if (resource == null) {
            throw new IOException("embedded-redis ships no redis-server for " + platform.os + "/" + platform.arch);
        }
        return resource;
    }
}
