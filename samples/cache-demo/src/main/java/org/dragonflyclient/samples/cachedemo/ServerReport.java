package org.dragonflyclient.samples.cachedemo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyException;

/** Says, once the application is up, which server the caches live in and what to try first. */
@Component
class ServerReport {

    private static final Log logger = LogFactory.getLog(ServerReport.class);

    private final DragonflyClient client;

    ServerReport(DragonflyClient client) {
        this.client = client;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String base = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? "http://localhost:" + web.getWebServer().getPort()
                : "http://localhost:8080";
        String where = client.options().cluster()
                ? " (a cluster; seeds " + client.options().clusterSeeds() + ")"
                : " at " + client.options().address();
        logger.info("Caching in " + describeServer() + where
                + " (another server: DRAGONFLY_URL=redis://host:port or --dragonfly.url=...). Try: curl " + base
                + "/books/978-0134685991 (twice), then " + base + "/actuator/metrics/cache.gets");
        // Spring Boot's own test of spring.threads.virtual.enabled (true, on Java 21 or later).
        logger.info(
                Threading.VIRTUAL.isActive(event.getApplicationContext().getEnvironment())
                        ? "Requests run on virtual threads (spring.threads.virtual.enabled=true, Java "
                                + Runtime.version().feature() + ")"
                        : "Requests run on platform threads (virtual threads: spring.threads.virtual.enabled=true on Java 21+)");
    }

    private String describeServer() {
        try {
            String info = client.info("server");
            String dragonfly = field(info, "dragonfly_version");
            return dragonfly != null ? "Dragonfly " + dragonfly : "Redis " + field(info, "redis_version");
        } catch (DragonflyException e) {
            return "a server that does not answer (" + e.getMessage() + ")";
        }
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
