package org.dragonflyclient.samples.cachedemo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A bookshop whose lookups are slow on purpose and cached in Dragonfly: see {@link BookService}
 * for the caching annotations, {@link BookController} for the endpoints and
 * {@code application.yml} for the settings.
 *
 * <p>{@code ./mvnw -pl samples/cache-demo spring-boot:run} runs it against the server in
 * {@code dragonfly.url} ({@code localhost:6379} when not set). {@code spring-boot:test-run}
 * runs {@code TestCacheDemoApplication} instead, which starts a throwaway server when none is
 * configured and none answers on {@code localhost:6379}.
 */
@SpringBootApplication
@EnableCaching
public class CacheDemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(CacheDemoApplication.class, args);
    }
}
