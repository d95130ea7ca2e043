package org.dragonflyclient.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.DragonflyTimeoutException;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(5), now::get);

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void closed_letsEveryCallThrough() {
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void oneFailure_opensIt_forTheOpenDuration() {
        DragonflyTimeoutException failure = new DragonflyTimeoutException("timed out");

        assertThat(breaker.onFailure(failure)).isTrue();

        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        advance(4);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.lastFailure()).isSameAs(failure);
    }

    @Test
    void afterTheOpenDuration_exactlyOneProbeGoesThrough() {
        breaker.onFailure(new DragonflyTimeoutException("timed out"));
        advance(5);

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aSuccessfulProbe_closesIt() {
        breaker.onFailure(new DragonflyTimeoutException("timed out"));
        advance(5);
        breaker.tryAcquire();

        assertThat(breaker.onSuccess()).isTrue();

        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.onSuccess()).isFalse();
    }

    @Test
    void aFailedProbe_reopensItForAnotherPeriod() {
        breaker.onFailure(new DragonflyTimeoutException("timed out"));
        advance(5);
        breaker.tryAcquire();

        assertThat(breaker.onFailure(new DragonflyTimeoutException("again"))).isFalse();

        assertThat(breaker.tryAcquire()).isFalse();
        advance(5);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void anInconclusiveProbe_letsTheNextCallerProbe() {
        breaker.onFailure(new DragonflyTimeoutException("timed out"));
        advance(5);
        breaker.tryAcquire();

        breaker.onInconclusive();

        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void zeroDuration_neverOpens() {
        CircuitBreaker disabled = new CircuitBreaker(Duration.ZERO, now::get);

        assertThat(disabled.onFailure(new DragonflyTimeoutException("timed out")))
                .isFalse();

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.tryAcquire()).isTrue();
    }
}
