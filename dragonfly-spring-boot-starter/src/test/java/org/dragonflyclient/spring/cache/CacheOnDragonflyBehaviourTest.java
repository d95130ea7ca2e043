package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.spring.health.DragonflyHealthIndicator;
import org.dragonflyclient.test.DragonflyMode;
import org.dragonflyclient.test.ScriptedServer;

/**
 * The cache and the health indicator on Dragonfly's own behaviour, through the test support's
 * scripted Dragonfly ({@link DragonflyMode}): {@code clear()} over more keys than Dragonfly's
 * {@code KEYS} returns, {@code -ERR Out of memory} in fail-open and fail-fast mode, and the health
 * details naming Dragonfly and its version.
 */
class CacheOnDragonflyBehaviourTest {

    private final DragonflyMode dragonfly = new DragonflyMode();
    private ScriptedServer server;
    private DragonflyClient client;

    @BeforeEach
    void start() {
        server = ScriptedServer.start(dragonfly);
        client = DragonflyClient.create(ClientOptions.fromUri(server.uri()).toBuilder()
                .timeout(Duration.ofSeconds(5))
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private DragonflyCache cache(boolean failFast) {
        return (DragonflyCache)
                DragonflyCacheManager.builder(client).failFast(failFast).build().getCache("books");
    }

    @Test
    void clear_removesMoreKeysThanKeysWouldReturn_withScanAndUnlink_andLeavesOtherKeys() {
        DragonflyCache cache = cache(false);
        int entries = DragonflyMode.DEFAULT_KEYS_OUTPUT_LIMIT + 808;
        for (int i = 0; i < entries; i++) {
            cache.put("isbn-" + i, "title " + i);
        }
        for (int i = 0; i < 5; i++) {
            client.set("other:" + i, "kept");
        }
        assertThat(dragonfly.size()).isEqualTo(entries + 5);

        cache.clear();

        assertThat(dragonfly.commandCount("KEYS"))
                .as("clear() never asks KEYS, which Dragonfly cuts at 8,192")
                .isZero();
        assertThat(dragonfly.commandCount("SCAN")).isPositive();
        assertThat(dragonfly.commandCount("UNLINK")).isPositive();
        List<String> left = new ArrayList<>();
        client.scan(ScanArgs.all()).forEachRemaining(left::add);
        assertThat(left).containsExactlyInAnyOrder("other:0", "other:1", "other:2", "other:3", "other:4");
        assertThat(cache.get("isbn-0")).isNull();
        assertThat(cache.get("isbn-" + (entries - 1))).isNull();
    }

    @Test
    void outOfMemory_failOpen_writesAreDroppedAndCounted_readsCarryOn_andWritesWorkOnceThereIsRoom() {
        DragonflyCache cache = cache(false);
        cache.put("stored", "before");
        dragonfly.outOfMemory(true);

        cache.put("new", "dropped");
        assertThat(cache.putIfAbsent("other", "dropped")).isNull();
        assertThat(cache.get("loaded", () -> "from the loader")).isEqualTo("from the loader");

        assertThat(cache.statistics().errors())
                .as("put, putIfAbsent and the loader's put")
                .isEqualTo(3);
        assertThat(cache.get("new")).isNull();
        assertThat(cache.get("stored").get()).as("reads still reach the server").isEqualTo("before");
        assertThat(cache.statistics().rejections())
                .as("an error reply shows the server is up: the breaker stays closed")
                .isZero();

        dragonfly.outOfMemory(false);
        cache.put("new", "stored now");
        assertThat(cache.get("new").get()).isEqualTo("stored now");
    }

    @Test
    void outOfMemory_failFast_theCallerGetsTheServersErrorWithAdvice() {
        DragonflyCache cache = cache(true);
        dragonfly.outOfMemory(true);

        assertThatThrownBy(() -> cache.put("k", "v")).isInstanceOfSatisfying(DragonflyServerException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo("ERR");
            assertThat(e.getServerMessage()).isEqualTo(DragonflyMode.OUT_OF_MEMORY);
            assertThat(e.getMessage()).contains("maxmemory");
        });
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void healthIndicator_reportsDragonflyAndItsVersion() {
        Health health = new DragonflyHealthIndicator(client).health(true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("server", "dragonfly")
                .containsEntry("version", DragonflyMode.VERSION);
    }
}
