package org.dragonflyclient.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the Dragonfly server is and how to log in. By default read from {@code dragonfly.*}
 * properties; a Testcontainers {@code @ServiceConnection} (or any bean of this type) replaces them.
 */
public interface DragonflyConnectionDetails extends ConnectionDetails {

    /** @return the server's host name or address */
    String getHost();

    /** @return the server's port */
    int getPort();

    /** @return the database selected on every connection */
    default int getDatabase() {
        return 0;
    }

    /** @return the ACL user name, or {@code null} for the default user */
    default @Nullable String getUsername() {
        return null;
    }

    /** @return the password, or {@code null} for none */
    default @Nullable String getPassword() {
        return null;
    }

    /**
     * @return the seed nodes of a cluster as {@code host:port}, or an empty list when the server is
     *     not a cluster; when not empty they replace {@link #getHost()} and {@link #getPort()}
     */
    default List<String> getClusterNodes() {
        return List.of();
    }

    /** @return the TLS settings, or {@code null} to connect without TLS */
    default @Nullable SslBundle getSslBundle() {
        return null;
    }
}
