package org.dragonflyclient.spring.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClassAllowListTest {

    private final ClassAllowList jdk = ClassAllowList.jdkValueTypes();

    @Test
    void jdkValueAndCollectionTypes_areAllowed() {
        assertThat(jdk.isAllowed(String.class)).isTrue();
        assertThat(jdk.isAllowed(Long.class)).isTrue();
        assertThat(jdk.isAllowed(LocalDate.class)).isTrue();
        assertThat(jdk.isAllowed(ArrayList.class)).isTrue();
        assertThat(jdk.isAllowed(List.of(1, 2, 3).getClass())).isTrue();
        assertThat(jdk.isAllowed(Map.of("a", 1).getClass())).isTrue();
        assertThat(jdk.isAllowed(int[].class)).isTrue();
        assertThat(jdk.isAllowed(String[][].class)).isTrue();
        assertThat(jdk.isAllowed("[Ljava.lang.Long;")).isTrue();
    }

    @Test
    void everythingElse_isRefused() {
        assertThat(jdk.isAllowed(URL.class)).isFalse();
        assertThat(jdk.isAllowed(Gadget.class)).isFalse();
        assertThat(jdk.isAllowed(Gadget[].class)).isFalse();
        assertThat(jdk.isAllowed("javax.management.BadAttributeValueExpException"))
                .isFalse();
        assertThat(jdk.isAllowed("java.util.PriorityQueue")).isFalse();
    }

    @Test
    void packages_allowTheirClassesAndSubPackages_only() {
        ClassAllowList shop = jdk.allow("com.example.shop");

        assertThat(shop.isAllowed("com.example.shop.Book")).isTrue();
        assertThat(shop.isAllowed("com.example.shop.model.Book")).isTrue();
        assertThat(shop.isAllowed("com.example.shopping.Book")).isFalse();
        assertThat(shop.isAllowed("com.example.Book")).isFalse();
    }

    @Test
    void aClassName_allowsTheClassAndItsNestedClasses() {
        ClassAllowList one = jdk.allow("com.example.Book");

        assertThat(one.isAllowed("com.example.Book")).isTrue();
        assertThat(one.isAllowed("com.example.Book$Author")).isTrue();
        assertThat(one.isAllowed("com.example.BookShop")).isFalse();
    }

    @Test
    void star_allowsEverything() {
        ClassAllowList all = jdk.allow("*");

        assertThat(all.allowsEverything()).isTrue();
        assertThat(all.isAllowed(URL.class)).isTrue();
    }
}
