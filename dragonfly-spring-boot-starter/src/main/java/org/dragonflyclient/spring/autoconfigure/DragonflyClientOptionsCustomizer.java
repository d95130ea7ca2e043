package org.dragonflyclient.spring.autoconfigure;

import org.dragonflyclient.core.ClientOptions;

/**
 * Adjusts the auto-configured client's options after the {@code dragonfly.*} properties are
 * applied. Customizer beans run in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface DragonflyClientOptionsCustomizer {

    /**
     * @param builder the options being built
     */
    void customize(ClientOptions.Builder builder);
}
