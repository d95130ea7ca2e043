package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.cache.interceptor.SimpleKey;

class DefaultCacheKeyConverterTest {

    private final CacheKeyConverter converter = CacheKeyConverter.defaults();

    @Test
    void valueTypes_becomeTheirText() {
        UUID id = UUID.randomUUID();
        assertThat(converter.convert("isbn")).isEqualTo("isbn");
        assertThat(converter.convert(42L)).isEqualTo("42");
        assertThat(converter.convert(true)).isEqualTo("true");
        assertThat(converter.convert(id)).isEqualTo(id.toString());
        assertThat(converter.convert(LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
        assertThat(converter.convert(Thread.State.NEW)).isEqualTo("NEW");
    }

    @Test
    void compositeKeys_becomeTheirText() {
        assertThat(converter.convert(new SimpleKey("a", 1))).isEqualTo("SimpleKey [a, 1]");
        assertThat(converter.convert(List.of("a", "b"))).isEqualTo("[a, b]");
        assertThat(converter.convert(new Object[] {"a", 1})).isEqualTo("[a, 1]");
        assertThat(converter.convert(new int[] {1, 2})).isEqualTo("[[1, 2]]");
    }

    @Test
    void recordsAndOtherClassesWithToString_areAccepted() {
        assertThat(converter.convert(new Book("1", "t", null, null, List.of()))).startsWith("Book[isbn=1");
    }

    @Test
    void objectsWithoutToString_areRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> converter.convert(new Object()))
                .withMessageContaining("@Cacheable(key = ");
    }
}
