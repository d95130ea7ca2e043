package org.dragonflyclient.samples.cachedemo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import org.dragonflyclient.core.DragonflyClient;

/**
 * The demo against a local cluster of its own ({@code demo.local-server=cluster}): the same
 * application, the cluster's nodes its one extra setting. The lookups of several books (their keys
 * on different masters) are hits the second time, and the health endpoint shows the cluster.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "demo.local-server=cluster")
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import({LocalServerConfiguration.class, LocalClusterConfiguration.class})
class CacheDemoClusterTests {

    private static final ParameterizedTypeReference<Lookup<Book>> BOOK = new ParameterizedTypeReference<>() {};

    @Autowired
    private RestTestClient http;

    @Autowired
    private DragonflyClient client;

    @Test
    void lookupsAreCachedOnTheCluster_andHealthShowsIt() {
        assertThat(client.options().cluster()).isTrue();
        String[] isbns = {"978-0134685991", "978-0132350884", "978-0201633610", "978-0596007126"};
        for (String isbn : isbns) {
            assertThat(get("/books/" + isbn).cacheHit()).isFalse();
        }
        for (String isbn : isbns) {
            assertThat(get("/books/" + isbn).cacheHit())
                    .as("second lookup of %s", isbn)
                    .isTrue();
            assertThat(client.get("cache-demo:books::" + isbn)).contains("\"isbn\":\"" + isbn + "\"");
        }
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.dragonfly.status")
                .isEqualTo("UP")
                .jsonPath("$.components.dragonfly.details.clusterState")
                .isEqualTo("ok")
                .jsonPath("$.components.dragonfly.details.masters")
                .isEqualTo(3);
    }

    private Lookup<Book> get(String path) {
        return http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(BOOK)
                .returnResult()
                .getResponseBody();
    }
}
