package org.dragonflyclient.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The keys and string values of {@link DragonflyMode}, ordered so that {@code SCAN} behaves the
 * way Dragonfly's does: its cursor is an unsigned 64-bit number, above 2^63 once the walk has
 * started, and a page may hold no key while the walk goes on.
 *
 * <p>Keys are kept in the order of a 32-bit hash, split into {@value #SHARDS} shards (ranges of
 * the hash). A cursor names the next hash to visit, with the top bit set. One {@code SCAN} call
 * never leaves its shard: an empty shard, or a stretch where no key matches, gives an empty page
 * with a non-zero cursor, as Dragonfly does when a call ends in a shard with nothing to return.
 * Keys deleted or added during a walk do not move the others, so a key present from start to end
 * is returned (the guarantee of {@code SCAN}); keys with the same hash never straddle two pages.
 *
 * <p>Keys and values are text decoded as ISO-8859-1: one {@code char} per byte, nothing lost.
 */
final class ScriptedKeySpace {

    static final int SHARDS = 4;
    private static final long TOP_BIT = 1L << 63;
    private static final long HASH_SPACE = 1L << 32;
    private static final long SHARD_SPAN = HASH_SPACE / SHARDS;

    /** A key and its place in the walk; {@code key == null} marks the start of a hash. */
    private record Slot(long hash, String key) {}

    private record Entry(String value, long expiresAtMillis) {
        boolean expired(long now) {
            return expiresAtMillis > 0 && expiresAtMillis <= now;
        }
    }

    /** One page: the cursor to continue from ({@code "0"} at the end) and the keys. */
    record Page(String cursor, List<String> keys) {}

    private static final Comparator<Slot> ORDER = Comparator.comparingLong(Slot::hash)
            .thenComparing(Slot::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ConcurrentSkipListMap<Slot, Entry> entries = new ConcurrentSkipListMap<>(ORDER);

    static long hash(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return Integer.toUnsignedLong(h ^ (h >>> 16));
    }

    private static Slot slot(String key) {
        return new Slot(hash(key), key);
    }

    /** @return the value, or {@code null} when the key is absent or expired */
    String get(String key) {
        Slot slot = slot(key);
        Entry entry = entries.get(slot);
        if (entry != null && entry.expired(System.currentTimeMillis())) {
            entries.remove(slot, entry);
            return null;
        }
        return entry == null ? null : entry.value();
    }

    /** @return the expiry in epoch milliseconds, 0 for none; meaningful only for a present key */
    long expiresAt(String key) {
        Entry entry = entries.get(slot(key));
        return entry == null ? 0 : entry.expiresAtMillis();
    }

    void put(String key, String value, long expiresAtMillis) {
        entries.put(slot(key), new Entry(value, expiresAtMillis));
    }

    /** @return {@code true} if a live key was removed */
    boolean remove(String key) {
        Entry removed = entries.remove(slot(key));
        return removed != null && !removed.expired(System.currentTimeMillis());
    }

    int size() {
        long now = System.currentTimeMillis();
        return (int) entries.values().stream().filter(e -> !e.expired(now)).count();
    }

    int expiring() {
        long now = System.currentTimeMillis();
        return (int) entries.values().stream()
                .filter(e -> e.expiresAtMillis() > 0 && !e.expired(now))
                .count();
    }

    void clear() {
        entries.clear();
    }

    /**
     * {@code KEYS pattern}, cut after {@code limit} keys.
     */
    List<String> keys(String pattern, int limit) {
        List<String> keys = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Map.Entry<Slot, Entry> e : entries.entrySet()) {
            if (keys.size() >= limit) {
                break;
            }
            if (!e.getValue().expired(now) && Glob.matches(pattern, e.getKey().key())) {
                keys.add(e.getKey().key());
            }
        }
        return keys;
    }

    /**
     * One {@code SCAN} step.
     *
     * @param cursor {@code 0} to start, or a cursor returned before (as an unsigned 64-bit number)
     * @param pattern the {@code MATCH} pattern, {@code "*"} for all
     * @param count how many keys to visit at most (matching or not), as {@code COUNT}
     * @throws IllegalArgumentException when the cursor was never handed out
     */
    Page scan(long cursor, String pattern, int count) {
        long from;
        if (cursor == 0) {
            from = 0;
        } else if ((cursor & TOP_BIT) != 0 && (cursor & ~TOP_BIT) < HASH_SPACE) {
            from = cursor & ~TOP_BIT;
        } else {
            throw new IllegalArgumentException("invalid cursor");
        }
        long shardEnd = (from / SHARD_SPAN + 1) * SHARD_SPAN;
        ConcurrentNavigableMap<Slot, Entry> shard =
                entries.subMap(new Slot(from, null), true, new Slot(shardEnd, null), false);
        List<String> keys = new ArrayList<>();
        long now = System.currentTimeMillis();
        long next = shardEnd;
        int visited = 0;
        long lastHash = -1;
        for (Map.Entry<Slot, Entry> e : shard.entrySet()) {
            long hash = e.getKey().hash();
            if (visited >= count && hash != lastHash) {
                next = hash;
                break;
            }
            visited++;
            lastHash = hash;
            if (!e.getValue().expired(now) && Glob.matches(pattern, e.getKey().key())) {
                keys.add(e.getKey().key());
            }
        }
        return new Page(next >= HASH_SPACE ? "0" : Long.toUnsignedString(next | TOP_BIT), keys);
    }

    /** Redis's glob patterns: {@code *}, {@code ?}, {@code [abc]}, {@code [^a-z]}, {@code \x}. */
    static final class Glob {

        private Glob() {}

        static boolean matches(String pattern, String text) {
            return matches(pattern, 0, text, 0);
        }

        private static boolean matches(String p, int pi, String t, int ti) {
            while (pi < p.length()) {
                char c = p.charAt(pi);
                switch (c) {
                    case '*' -> {
                        while (pi + 1 < p.length() && p.charAt(pi + 1) == '*') {
                            pi++;
                        }
                        for (int i = ti; i <= t.length(); i++) {
                            if (matches(p, pi + 1, t, i)) {
                                return true;
                            }
                        }
                        return false;
                    }
                    case '?' -> {
                        if (ti >= t.length()) {
                            return false;
                        }
                        pi++;
                        ti++;
                    }
                    case '[' -> {
                        if (ti >= t.length()) {
                            return false;
                        }
                        int end = p.indexOf(']', pi + 2);
                        if (end < 0) {
                            end = p.length();
                        }
                        if (!inClass(p.substring(pi + 1, end), t.charAt(ti))) {
                            return false;
                        }
                        pi = Math.min(end + 1, p.length());
                        ti++;
                    }
                    default -> {
                        if (c == '\\' && pi + 1 < p.length()) {
                            pi++;
                            c = p.charAt(pi);
                        }
                        if (ti >= t.length() || t.charAt(ti) != c) {
                            return false;
                        }
                        pi++;
                        ti++;
                    }
                }
            }
            return ti == t.length();
        }

        private static boolean inClass(String set, char c) {
            boolean negate = set.startsWith("^");
            boolean found = false;
            for (int i = negate ? 1 : 0; i < set.length(); i++) {
                char s = set.charAt(i);
                if (s == '\\' && i + 1 < set.length()) {
                    found |= set.charAt(++i) == c;
                } else if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    char lo = (char) Math.min(s, set.charAt(i + 2));
                    char hi = (char) Math.max(s, set.charAt(i + 2));
                    found |= c >= lo && c <= hi;
                    i += 2;
                } else {
                    found |= s == c;
                }
            }
            return negate != found;
        }
    }
}
