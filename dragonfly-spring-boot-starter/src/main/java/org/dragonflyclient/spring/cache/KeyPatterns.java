package org.dragonflyclient.spring.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds {@code SCAN MATCH} patterns from literal key prefixes. */
final class KeyPatterns {

    private KeyPatterns() {}

    /**
     * Returns the glob that matches every key starting with a prefix. The prefix's own glob
     * characters ({@code * ? [ ] \}) are escaped, so that a cache named {@code "a*"} clears its
     * own keys only.
     *
     * @param prefix the literal prefix
     * @return {@code escaped(prefix) + "*"} as UTF-8
     */
    static byte[] prefixPattern(String prefix) {
        byte[] literal = prefix.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream pattern = new ByteArrayOutputStream(literal.length + 8);
        for (byte b : literal) {
            if (b == '*' || b == '?' || b == '[' || b == ']' || b == '\\') {
                pattern.write('\\');
            }
            pattern.write(b);
        }
        pattern.write('*');
        return pattern.toByteArray();
    }
}
