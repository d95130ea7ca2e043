package org.dragonflyclient.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.TestClusters;

/**
 * The starter over the shared test cluster with one extra setting, {@code dragonfly.cluster.nodes}:
 * {@code @Cacheable} entries land on every master and are hits the second time, and
 * {@code @CacheEvict(allEntries = true)} ({@code clear()}) removes them from every master.
 */
@SpringBootTest(classes = BookstoreApplication.class)
class BookstoreClusterCachingTest {

    private static final int BOOKS = 60;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        registry.add("dragonfly.url", () -> "");
        registry.add("dragonfly.cluster.nodes", () -> TestClusters.shared().seeds());
    }

    @Autowired
    private BookService books;

    @Test
    void cacheableOverTheCluster_hitsOnEveryMaster_andClearEmptiesEveryMaster() {
        TestCluster cluster = TestClusters.shared();
        int before = books.calls("find");
        for (int i = 0; i < BOOKS; i++) {
            assertThat(books.find("cluster-" + i).isbn()).isEqualTo("cluster-" + i);
        }
        for (int i = 0; i < BOOKS; i++) {
            books.find("cluster-" + i);
        }
        assertThat(books.calls("find") - before)
                .as("one miss per book, then hits")
                .isEqualTo(BOOKS);

        int stored = 0;
        for (ClusterNode master : cluster.masters()) {
            int here = ClusterKeys.on(master, "*books::cluster-*").size();
            assertThat(here).as("entries on %s", master).isPositive();
            stored += here;
        }
        assertThat(stored).isEqualTo(BOOKS);

        books.removeAll();

        for (ClusterNode master : cluster.masters()) {
            assertThat(ClusterKeys.on(master, "*books::*"))
                    .as("entries left on %s", master)
                    .isEmpty();
        }
        books.find("cluster-0");
        assertThat(books.calls("find") - before)
                .as("a miss again after clear()")
                .isEqualTo(BOOKS + 1);
    }
}
