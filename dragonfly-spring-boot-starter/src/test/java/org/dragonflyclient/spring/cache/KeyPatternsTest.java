package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class KeyPatternsTest {

    private static String pattern(String prefix) {
        return new String(KeyPatterns.prefixPattern(prefix), StandardCharsets.UTF_8);
    }

    @Test
    void plainPrefix_getsAStar() {
        assertThat(pattern("shop:books::")).isEqualTo("shop:books::*");
    }

    @Test
    void globCharacters_areEscaped() {
        assertThat(pattern("a*b?c[d]e\\f::")).isEqualTo("a\\*b\\?c\\[d\\]e\\\\f::*");
    }

    @Test
    void nonAscii_staysUtf8() {
        assertThat(pattern("bücher::")).isEqualTo("bücher::*");
    }
}
