package org.dragonflyclient.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import org.dragonflyclient.core.ClientOptions;

/**
 * {@link DragonflyConnectionDetails} from {@code dragonfly.*}: the URL when one is set, otherwise
 * host, port, username, password and database.
 */
class PropertiesDragonflyConnectionDetails implements DragonflyConnectionDetails {

    private final DragonflyProperties properties;
    private final @Nullable SslBundles sslBundles;
    private final @Nullable ClientOptions url;

    PropertiesDragonflyConnectionDetails(DragonflyProperties properties, @Nullable SslBundles sslBundles) {
        this.properties = properties;
        this.sslBundles = sslBundles;
        // Parsed once, here, so that a malformed URL fails at start-up with the client's message.
        this.url = StringUtils.hasText(properties.getUrl()) ? ClientOptions.fromUri(properties.getUrl()) : null;
    }

    /** @return the URL as configured, or {@code null} */
    @Nullable
    String getUrl() {
        return url != null ? properties.getUrl() : null;
    }

    @Override
    public String getHost() {
        return url != null ? url.host() : properties.getHost();
    }

    @Override
    public int getPort() {
        return url != null ? url.port() : properties.getPort();
    }

    @Override
    public int getDatabase() {
        return url != null ? url.database() : properties.getDatabase();
    }

    @Override
    public @Nullable String getUsername() {
        return url != null ? url.username() : properties.getUsername();
    }

    @Override
    public @Nullable String getPassword() {
        return url != null ? url.password() : properties.getPassword();
    }

    @Override
    public List<String> getClusterNodes() {
        if (url != null && url.cluster()) {
            return url.clusterSeeds();
        }
        return List.copyOf(properties.getCluster().getNodes());
    }

    @Override
    public @Nullable SslBundle getSslBundle() {
        DragonflyProperties.Ssl ssl = properties.getSsl();
        if (!ssl.isEnabled() && (url == null || !url.ssl())) {
            return null;
        }
        if (StringUtils.hasText(ssl.getBundle())) {
            Assert.state(
                    sslBundles != null,
                    "dragonfly.ssl.bundle is set but there are no SSL bundles; "
                            + "define one under spring.ssl.bundle.*");
            return sslBundles.getBundle(ssl.getBundle());
        }
        return SslBundle.systemDefault();
    }
}
