package org.dragonflyclient.spring.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JdkSerializerTest {

    private final CacheValueSerializer serializer = CacheValueSerializer.jdk(ClassAllowList.jdkValueTypes(), null);

    /** Bytes written without any check, as a foreign writer to the server would. */
    private static byte[] written(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void allowedValues_roundTrip() {
        Map<String, List<Long>> value = new HashMap<>(Map.of("a", new ArrayList<>(List.of(1L, 2L))));

        assertThat(serializer.deserialize(serializer.serialize(value))).isEqualTo(value);
    }

    @Test
    void aRefusedClass_runsNoneOfItsCode() throws IOException {
        byte[] bytes = written(new Gadget());
        Gadget.readObjectRan = false;

        assertThatThrownBy(() -> serializer.deserialize(bytes))
                .isInstanceOf(ValueSerializationException.class)
                .hasMessageContaining(Gadget.class.getName())
                .hasMessageContaining("dragonfly.cache.allowed-packages");
        assertThat(Gadget.readObjectRan).isFalse();
    }

    @Test
    void aRefusedClass_insideAnAllowedCollection_isRefusedToo() throws IOException {
        byte[] bytes = written(new ArrayList<>(List.of("fine", new Gadget())));
        Gadget.readObjectRan = false;

        assertThatThrownBy(() -> serializer.deserialize(bytes)).isInstanceOf(ValueSerializationException.class);
        assertThat(Gadget.readObjectRan).isFalse();
    }

    @Test
    void urlsAreRefused_theirHashCodeResolvesHostNames() throws IOException {
        byte[] bytes = written(new HashMap<>(Map.of(new URL("http://example.com"), "x")));

        assertThatThrownBy(() -> serializer.deserialize(bytes))
                .isInstanceOf(ValueSerializationException.class)
                .hasMessageContaining("java.net.URL");
    }

    @Test
    void allowingThePackage_letsItThrough() throws IOException {
        CacheValueSerializer allowing =
                CacheValueSerializer.jdk(ClassAllowList.jdkValueTypes().allow(Gadget.class.getPackageName()), null);

        assertThat(allowing.deserialize(written(new Gadget()))).isInstanceOf(Gadget.class);
    }

    @Test
    void notSerializable_namesTheFix() {
        assertThatThrownBy(() -> serializer.serialize(new Object() {}))
                .isInstanceOf(ValueSerializationException.class)
                .hasMessageContaining("Serializable")
                .hasMessageContaining("json");
    }

    @Test
    void garbage_isReportedNotThrownRaw() {
        assertThatThrownBy(() -> serializer.deserialize(new byte[] {1, 2, 3}))
                .isInstanceOf(ValueSerializationException.class);
    }
}
