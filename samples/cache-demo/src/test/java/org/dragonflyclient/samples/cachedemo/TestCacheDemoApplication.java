package org.dragonflyclient.samples.cachedemo;

import org.springframework.boot.SpringApplication;

/**
 * Runs the demo with {@link LocalServerConfiguration}, which starts a throwaway server when the
 * demo has none: {@code ./mvnw -pl samples/cache-demo spring-boot:test-run}; with
 * {@code demo.local-server=cluster}, {@link LocalClusterConfiguration} starts a local cluster instead. It lives in the test
 * sources so that the application itself never depends on the test support.
 */
public class TestCacheDemoApplication {

    public static void main(String[] args) {
        SpringApplication.from(CacheDemoApplication::main)
                .with(LocalServerConfiguration.class, LocalClusterConfiguration.class)
                .run(args);
    }
}
