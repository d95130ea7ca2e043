package org.dragonflyclient.spring.e2e;

import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.test.ClusterNode;

/** What one node of a test cluster holds, asked of that node alone (never through the client under test). */
final class ClusterKeys {

    private ClusterKeys() {}

    /** @return the keys of {@code node} matching {@code pattern}, from {@code KEYS} */
    static List<String> on(ClusterNode node, String pattern) {
        String reply = node.execute("KEYS", pattern);
        if (!reply.startsWith("*")) {
            throw new IllegalStateException(node + " answered KEYS with " + reply);
        }
        List<String> keys = new ArrayList<>();
        String[] lines = reply.split("\r\n");
        for (int i = 1; i + 1 < lines.length; i += 2) {
            keys.add(lines[i + 1]);
        }
        return keys;
    }

    /** @return the cache key of {@code books} entry {@code key}, stripped to the method's argument */
    static String argument(String cacheKey) {
        return cacheKey.substring(cacheKey.lastIndexOf("::") + 2);
    }
}
