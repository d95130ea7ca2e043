package org.dragonflyclient.benchmarks.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Versions of the libraries compared, read from the {@code pom.properties} that Maven-built jars
 * carry (and that the shaded jar keeps), so the results name exactly what was measured.
 */
public final class Versions {

    /** Jedis's version. */
    public static final String JEDIS = of("redis.clients", "jedis");
    /** Lettuce's version. */
    public static final String LETTUCE = of("io.lettuce", "lettuce-core");
    /** Spring Data Redis's version. */
    public static final String SPRING_DATA_REDIS = of("org.springframework.data", "spring-data-redis");
    /** JMH's version. */
    public static final String JMH = of("org.openjdk.jmh", "jmh-core");

    private Versions() {}

    /**
     * @param groupId Maven group
     * @param artifactId Maven artifact
     * @return the version on the class path, or {@code "unknown"}
     */
    public static String of(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
