package org.dragonflyclient.spring.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JacksonSerializerTest {

    private final JacksonSerializer serializer = new JacksonSerializer(
            JsonMapper.builder().build(),
            ClassAllowList.jdkValueTypes().allow(Pojo.class.getPackageName() + ".JacksonSerializerTest"));

    private Object roundTrip(Object value) {
        return serializer.deserialize(serializer.serialize(value));
    }

    @Test
    void numbers_keepTheirType() {
        assertThat(roundTrip(5L)).isEqualTo(5L);
        assertThat(roundTrip(5)).isEqualTo(5);
        assertThat(roundTrip(new ArrayList<>(List.of(1L, 2L)))).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void beansAndRecords_roundTrip() {
        assertThat(roundTrip(new Pojo("a", 1))).isEqualTo(new Pojo("a", 1));
        assertThat(roundTrip(Map.of("k", new Pojo("b", 2)))).isEqualTo(Map.of("k", new Pojo("b", 2)));
    }

    @Test
    void aTypeOutsideTheAllowList_isRefusedWithoutLoadingIt() {
        String json = "{\"@class\":\"org.dragonflyclient.spring.cache.serializer.Gadget\",\"payload\":\"boom\"}";
        boolean initializedBefore = Gadget.initialized;

        assertThatThrownBy(() -> serializer.deserialize(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValueSerializationException.class)
                .hasMessageContaining("dragonfly.cache.allowed-packages");
        assertThat(Gadget.initialized).isEqualTo(initializedBefore);
    }

    @Test
    void aRefusedTypeNestedInACollection_isRefused() {
        String json = "[\"java.util.ArrayList\",[{\"@class\":\"java.net.URL\",\"x\":1}]]";

        assertThatThrownBy(() -> serializer.deserialize(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValueSerializationException.class);
    }

    @Test
    void theJsonCarriesTypeNames() {
        assertThat(new String(serializer.serialize(new Pojo("a", 1)), StandardCharsets.UTF_8))
                .contains("Pojo");
    }

    /** A record of the application. */
    record Pojo(String name, int count) {}
}
