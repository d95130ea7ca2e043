package org.dragonflyclient.spring.autoconfigure;

import org.dragonflyclient.spring.cache.DragonflyCacheManager;

/**
 * Adjusts the auto-configured cache manager after the {@code dragonfly.cache.*} properties are
 * applied, for example to give one cache settings no property expresses. Customizer beans run in
 * {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface DragonflyCacheManagerBuilderCustomizer {

    /**
     * @param builder the manager being built
     */
    void customize(DragonflyCacheManager.Builder builder);
}
