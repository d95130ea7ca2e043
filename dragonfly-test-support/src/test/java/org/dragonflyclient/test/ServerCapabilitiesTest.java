package org.dragonflyclient.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.test.ServerCapabilities.Product;

class ServerCapabilitiesTest {

    private static final ServerCapabilities REDIS_62 = ServerCapabilities.of(Product.REDIS, "6.2.11", "EMBEDDED_REDIS");
    private static final ServerCapabilities REDIS_70 = ServerCapabilities.of(Product.REDIS, "7.0.15", "REDIS_BINARY");
    private static final ServerCapabilities DRAGONFLY =
            ServerCapabilities.of(Product.DRAGONFLY, "df-v1.37.0", "scripted");

    @Test
    void redis62_hasHelloAndClientInfo_butPrintsNoRespAndHasNoClusterShards() {
        assertThat(REDIS_62.hello()).isTrue();
        assertThat(REDIS_62.clientInfo()).isTrue();
        assertThat(REDIS_62.clientListShowsResp()).isFalse();
        assertThat(REDIS_62.clusterShards()).isFalse();
        assertThat(REDIS_62.luaShebangFlags()).isFalse();
        assertThat(REDIS_62.keysOutputLimit()).isEmpty();
        assertThat(REDIS_62.lacks("CLUSTER SHARDS (Redis 7.0+)"))
                .isEqualTo("Redis 6.2.11 (EMBEDDED_REDIS) lacks CLUSTER SHARDS (Redis 7.0+)");
    }

    @Test
    void redis70_printsResp_andHasShebangFlags() {
        assertThat(REDIS_70.clientListShowsResp()).isTrue();
        assertThat(REDIS_70.luaShebangFlags()).isTrue();
        assertThat(REDIS_70.clientTrackingOnResp2()).isTrue();
        assertThat(REDIS_70.luaRefusesUndeclaredKeys()).isFalse();
        assertThat(REDIS_70.outOfMemoryError()).startsWith("OOM ");
    }

    @Test
    void dragonfly_isNeverTakenForTheRedisVersionItClaims() {
        assertThat(DRAGONFLY.isRedisAtLeast(6, 0)).isFalse();
        assertThat(DRAGONFLY.hello()).isTrue();
        assertThat(DRAGONFLY.clientTrackingOnResp2()).isFalse();
        assertThat(DRAGONFLY.clientTrackingBroadcastAndRedirect()).isFalse();
        assertThat(DRAGONFLY.luaRefusesUndeclaredKeys()).isTrue();
        assertThat(DRAGONFLY.keysOutputLimit()).hasValue(8192);
        assertThat(DRAGONFLY.outOfMemoryError()).isEqualTo("ERR Out of memory");
        assertThat(DRAGONFLY).hasToString("Dragonfly df-v1.37.0 (scripted)");
    }
}
