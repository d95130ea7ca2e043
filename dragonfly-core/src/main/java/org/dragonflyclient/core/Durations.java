package org.dragonflyclient.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Parses durations written as {@code 50us}, {@code 500ms}, {@code 2s}, {@code 1m}, a number of
 * milliseconds, or ISO-8601.
 */
final class Durations {

    private Durations() {}

    static Duration parse(String text, String name) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("us")) {
                return Duration.of(Long.parseLong(s.substring(0, s.length() - 2)), ChronoUnit.MICROS);
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(s));
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Cannot read " + name + "='" + text + "' as a duration; write it as 50us, 500ms, 2s, 1m or PT2S",
                    e);
        }
    }
}
