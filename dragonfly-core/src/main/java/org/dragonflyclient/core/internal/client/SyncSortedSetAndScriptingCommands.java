package org.dragonflyclient.core.internal.client;

import java.util.List;
import java.util.Map;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.ScriptingCommandBuilder;
import org.dragonflyclient.core.internal.command.SortedSetCommandBuilder;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.PubSubCommands;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ScoreRange;
import org.dragonflyclient.core.ScoredValue;
import org.dragonflyclient.core.Script;
import org.dragonflyclient.core.ScriptingCommands;
import org.dragonflyclient.core.SortedSetCommands;

/**
 * The synchronous sorted-set, scripting and publish commands, on top of
 * {@link SyncCollectionCommands}. A base of {@link DefaultDragonflyClient}, split off so that no
 * class holds every family.
 */
abstract class SyncSortedSetAndScriptingCommands extends SyncCollectionCommands
        implements SortedSetCommands, ScriptingCommands, PubSubCommands {

    private final SortedSetCommandBuilder zsets = SortedSetCommandBuilder.INSTANCE;
    private final ScriptingCommandBuilder scripts = ScriptingCommandBuilder.INSTANCE;

    // ---------------------------------------------------------------- sorted sets

    @Override
    public long zadd(byte[] key, double score, byte[] member) {
        return sync(zsets.zadd(key, score, member));
    }

    @Override
    public long zadd(String key, double score, String member) {
        return sync(zsets.zadd(key, score, member));
    }

    @Override
    public long zadd(byte[] key, Map<byte[], Double> scores) {
        return sync(zsets.zadd(key, scores));
    }

    @Override
    public long zadd(String key, Map<String, Double> scores) {
        return sync(zsets.zadd(key, scores));
    }

    @Override
    public List<byte[]> zrange(byte[] key, long start, long stop) {
        return sync(zsets.zrange(key, start, stop, BYTES));
    }

    @Override
    public List<String> zrange(String key, long start, long stop) {
        return sync(zsets.zrange(key, start, stop, UTF8));
    }

    @Override
    public List<ScoredValue<byte[]>> zrangeWithScores(byte[] key, long start, long stop) {
        return sync(zsets.zrangeWithScores(key, start, stop, BYTES));
    }

    @Override
    public List<ScoredValue<String>> zrangeWithScores(String key, long start, long stop) {
        return sync(zsets.zrangeWithScores(key, start, stop, UTF8));
    }

    @Override
    public List<byte[]> zrangeByScore(byte[] key, ScoreRange range) {
        return sync(zsets.zrangeByScore(key, range, -1, -1, BYTES));
    }

    @Override
    public List<String> zrangeByScore(String key, ScoreRange range) {
        return sync(zsets.zrangeByScore(key, range, -1, -1, UTF8));
    }

    @Override
    public List<byte[]> zrangeByScore(byte[] key, ScoreRange range, long offset, long count) {
        return sync(zsets.zrangeByScore(key, range, requireOffset(offset), count, BYTES));
    }

    @Override
    public List<String> zrangeByScore(String key, ScoreRange range, long offset, long count) {
        return sync(zsets.zrangeByScore(key, range, requireOffset(offset), count, UTF8));
    }

    @Override
    public List<ScoredValue<byte[]>> zrangeByScoreWithScores(byte[] key, ScoreRange range) {
        return sync(zsets.zrangeByScoreWithScores(key, range, -1, -1, BYTES));
    }

    @Override
    public List<ScoredValue<String>> zrangeByScoreWithScores(String key, ScoreRange range) {
        return sync(zsets.zrangeByScoreWithScores(key, range, -1, -1, UTF8));
    }

    static long requireOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("The LIMIT offset must be 0 or more, got " + offset);
        }
        return offset;
    }

    @Override
    public long zrem(byte[] key, byte[]... members) {
        return sync(zsets.zrem(key, members));
    }

    @Override
    public long zrem(String key, String... members) {
        return sync(zsets.zrem(key, members));
    }

    @Override
    public Double zscore(byte[] key, byte[] member) {
        return sync(zsets.zscore(key, member));
    }

    @Override
    public Double zscore(String key, String member) {
        return sync(zsets.zscore(key, member));
    }

    @Override
    public double zincrby(byte[] key, double increment, byte[] member) {
        return sync(zsets.zincrby(key, increment, member));
    }

    @Override
    public double zincrby(String key, double increment, String member) {
        return sync(zsets.zincrby(key, increment, member));
    }

    @Override
    public long zcard(byte[] key) {
        return sync(zsets.zcard(key));
    }

    @Override
    public long zcard(String key) {
        return sync(zsets.zcard(key));
    }

    // ---------------------------------------------------------------- scripting

    @Override
    public Reply eval(String script, byte[][] keys, byte[]... args) {
        return sync(scripts.eval(script, keys, args));
    }

    @Override
    public Reply eval(String script, String[] keys, String... args) {
        return sync(scripts.eval(script, keys, args));
    }

    @Override
    public Reply evalsha(String sha, byte[][] keys, byte[]... args) {
        return sync(scripts.evalsha(sha, keys, args));
    }

    @Override
    public Reply evalsha(String sha, String[] keys, String... args) {
        return sync(scripts.evalsha(sha, keys, args));
    }

    @Override
    public Reply eval(Script script, byte[][] keys, byte[]... args) {
        return evalScript(script, keys, args);
    }

    @Override
    public Reply eval(Script script, String[] keys, String... args) {
        return evalScript(script, keys, args);
    }

    /** {@code EVALSHA}, and {@code EVAL} when the server does not know the script (it did not run). */
    private Reply evalScript(Script script, Object[] keys, Object[] args) {
        Command<Reply> bySha = scripts.evalsha(requireScript(script).sha(), keys, args);
        try {
            return sync(bySha);
        } catch (DragonflyServerException e) {
            if (!ScriptingCommandBuilder.isNoScript(e)) {
                throw e;
            }
            return sync(scripts.eval(script.source(), keys, args));
        }
    }

    static Script requireScript(Script script) {
        if (script == null) {
            throw new IllegalArgumentException("script must not be null; create it once with Script.of(source)");
        }
        return script;
    }

    @Override
    public String scriptLoad(String script) {
        return sync(scripts.scriptLoad(script));
    }

    @Override
    public List<Boolean> scriptExists(String... shas) {
        return sync(scripts.scriptExists(shas));
    }

    @Override
    public void scriptFlush() {
        sync(scripts.scriptFlush());
    }

    // ---------------------------------------------------------------- publish

    @Override
    public long publish(byte[] channel, byte[] message) {
        return sync(scripts.publish(channel, message));
    }

    @Override
    public long publish(String channel, String message) {
        return sync(scripts.publish(channel, message));
    }
}
