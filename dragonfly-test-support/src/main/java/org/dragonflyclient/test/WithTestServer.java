package org.dragonflyclient.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets tests declare {@link TestServer} (the shared server) and {@link ManagedServer} (a
 * dedicated one, closed after the test or class) parameters. Shorthand for
 * {@code @ExtendWith(TestServerExtension.class)}.
 *
 * <pre>{@code
 * @WithTestServer
 * class ReconnectTest {
 *     @Test
 *     void reconnectsAfterRestart(ManagedServer server) { ... server.restart(); ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestServerExtension.class)
public @interface WithTestServer {}
