package org.dragonflyclient.core.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ClusterNode;
import org.dragonflyclient.test.TestCluster;
import org.dragonflyclient.test.WithTestServer;

/**
 * Hash slots against the values the Redis Cluster specification gives, and against the
 * server's own {@code CLUSTER KEYSLOT} on the test cluster.
 */
@WithTestServer
class SlotHashTest {

    @Test
    void crc16_isXmodem_asTheSpecificationsReferenceValue() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(SlotHash.crc16(digits, 0, digits.length)).isEqualTo(0x31C3);
        assertThat(SlotHash.slot("123456789")).isEqualTo(12739);
    }

    @Test
    void slot_ofKeysFromTheRedisDocumentation() {
        assertThat(SlotHash.slot("foo")).isEqualTo(12182);
        assertThat(SlotHash.slot("somekey")).isEqualTo(11058);
        assertThat(SlotHash.slot("")).isZero();
    }

    @Test
    void hashTag_keysWithTheSameTagShareASlot() {
        int user = SlotHash.slot("user1000");

        assertThat(SlotHash.slot("{user1000}.following")).isEqualTo(user);
        assertThat(SlotHash.slot("{user1000}.followers")).isEqualTo(user);
        assertThat(SlotHash.slot("prefix{user1000}suffix")).isEqualTo(user);
    }

    @Test
    void hashTag_emptyFirstTag_hashesTheWholeKey() {
        // CRC16-XMODEM("foo{}{bar}") = 0xE0AB; "bar" alone would be slot 5061.
        assertThat(SlotHash.slot("foo{}{bar}")).isEqualTo(0xE0AB % 16384).isEqualTo(8363);
    }

    @Test
    void hashTag_isUpToTheFirstClosingBrace_afterTheFirstOpeningOne() {
        assertThat(SlotHash.slot("foo{{bar}}zap")).isEqualTo(SlotHash.slot("{bar"));
        assertThat(SlotHash.slot("foo{bar}{zap}")).isEqualTo(SlotHash.slot("bar"));
        assertThat(SlotHash.slot("foo{bar")).isNotEqualTo(SlotHash.slot("bar"));
    }

    @Test
    void string_isHashedAsItsUtf8Bytes() {
        assertThat(SlotHash.slot("clé{é}")).isEqualTo(SlotHash.slot("é".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void slot_agreesWithTheServersKeyslot_forTaggedUntaggedAndUnicodeKeys(TestCluster cluster) {
        ClusterNode node = cluster.nodes().get(0);
        Random random = new Random(19);
        List<String> keys = new ArrayList<>(
                List.of("", "{", "}", "{}", "{{}}", "a{b}c", "a{}b{c}", "{a}{b}", "user:{42}:name", "ключ", "キー{タグ}"));
        String alphabet = "ab{}:xyz01é";
        for (int i = 0; i < 200; i++) {
            StringBuilder key = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            keys.add(key.toString());
        }
        for (String key : keys) {
            assertThat(SlotHash.slot(key))
                    .as("slot of '%s'", key)
                    .isEqualTo(Integer.parseInt(
                            node.execute("CLUSTER", "KEYSLOT", key).substring(1)));
        }
    }
}
