package org.dragonflyclient.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

import org.dragonflyclient.benchmarks.report.JmhResults.Result;

/**
 * One workload's row: our result, the peers' results, the ratios and whether the bar is met.
 * A missing result stays {@code null} and makes the row say "not available"; it is never dropped.
 *
 * @param workload which row
 * @param ours our result, or {@code null}
 * @param jedis Jedis's, or {@code null} (always for g)
 * @param lettuce Lettuce's (for g: RedisCacheManager on Lettuce), or {@code null}
 */
record Comparison(Workload workload, Result ours, Result jedis, Result lettuce) {

    /** How a bar came out. */
    enum Verdict {
        MET("met"),
        MISSED("missed"),
        NOT_MEASURED("not measured");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    static List<Comparison> of(JmhResults results) {
        List<Comparison> rows = new ArrayList<>();
        for (Workload w : Workload.values()) {
            rows.add(new Comparison(
                    w,
                    results.find(w.benchmark, w.param, Workload.OURS),
                    w.jedisValue == null ? null : results.find(w.benchmark, w.param, w.jedisValue),
                    results.find(w.benchmark, w.param, w.lettuceValue)));
        }
        return rows;
    }

    /** @return ours ÷ Jedis in ops/s, NaN when either is missing */
    double ratioToJedis() {
        return ratio(ours, jedis);
    }

    /** @return ours ÷ Lettuce (g: ÷ Spring Data Redis) in ops/s, NaN when either is missing */
    double ratioToLettuce() {
        return ratio(ours, lettuce);
    }

    /** @return the ratio the bar is about */
    double targetedRatio() {
        return workload.targetPeer == Workload.Peer.JEDIS ? ratioToJedis() : ratioToLettuce();
    }

    Verdict throughputVerdict() {
        double ratio = targetedRatio();
        if (Double.isNaN(ratio)) {
            return Verdict.NOT_MEASURED;
        }
        return ratio >= workload.targetRatio ? Verdict.MET : Verdict.MISSED;
    }

    /** @return workload h for a and d: our bytes/op at most Jedis's; {@code null} when there is no such bar */
    Verdict allocationVerdict() {
        if (!workload.allocationTarget) {
            return null;
        }
        if (ours == null || jedis == null || Double.isNaN(ours.bytesPerOp()) || Double.isNaN(jedis.bytesPerOp())) {
            return Verdict.NOT_MEASURED;
        }
        // gc.alloc.rate.norm jitters by a few bytes between runs: half a percent is a tie.
        return ours.bytesPerOp() <= jedis.bytesPerOp() * 1.005 ? Verdict.MET : Verdict.MISSED;
    }

    /**
     * Issue 18: our client CPU time per operation at most Jedis's (half a percent is a tie: the
     * process CPU clock counts in 10 ms ticks).
     *
     * @return the verdict, {@code null} when there is no Jedis in this workload
     */
    Verdict cpuVerdict() {
        if (workload.jedisValue == null) {
            return null;
        }
        if (ours == null || jedis == null || Double.isNaN(ours.cpuPerOp()) || Double.isNaN(jedis.cpuPerOp())) {
            return Verdict.NOT_MEASURED;
        }
        return ours.cpuPerOp() <= jedis.cpuPerOp() * 1.005 ? Verdict.MET : Verdict.MISSED;
    }

    /**
     * With several rounds, the median of the round-by-round ratios: the two clients of one round
     * ran minutes apart at most, so a burst of outside load that spoils one round spoils one ratio.
     */
    static double ratio(Result a, Result b) {
        return a == null || b == null ? Double.NaN : JmhResults.medianRatio(a.rounds(), b.rounds());
    }
}
