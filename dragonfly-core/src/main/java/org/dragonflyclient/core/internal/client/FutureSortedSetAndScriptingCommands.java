package org.dragonflyclient.core.internal.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.ScriptingCommandBuilder;
import org.dragonflyclient.core.internal.command.SortedSetCommandBuilder;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.PubSubAsyncCommands;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ScoreRange;
import org.dragonflyclient.core.ScoredValue;
import org.dragonflyclient.core.Script;
import org.dragonflyclient.core.ScriptingAsyncCommands;
import org.dragonflyclient.core.SortedSetAsyncCommands;

/**
 * The asynchronous sorted-set, scripting and publish commands, on top of
 * {@link FutureCollectionCommands}. A base of {@link FutureCommands}, split off so that no class
 * holds every family.
 */
abstract class FutureSortedSetAndScriptingCommands extends FutureCollectionCommands
        implements SortedSetAsyncCommands, ScriptingAsyncCommands, PubSubAsyncCommands {

    private static final ValueDecoder<byte[]> BYTES = ValueDecoder.BYTES;
    private static final ValueDecoder<String> UTF8 = ValueDecoder.UTF8;

    private final SortedSetCommandBuilder zsets = SortedSetCommandBuilder.INSTANCE;
    private final ScriptingCommandBuilder scripts = ScriptingCommandBuilder.INSTANCE;

    // ---------------------------------------------------------------- sorted sets

    @Override
    public CompletableFuture<Long> zadd(byte[] key, double score, byte[] member) {
        return submit(zsets.zadd(key, score, member));
    }

    @Override
    public CompletableFuture<Long> zadd(String key, double score, String member) {
        return submit(zsets.zadd(key, score, member));
    }

    @Override
    public CompletableFuture<Long> zadd(byte[] key, Map<byte[], Double> scores) {
        return submit(zsets.zadd(key, scores));
    }

    @Override
    public CompletableFuture<Long> zadd(String key, Map<String, Double> scores) {
        return submit(zsets.zadd(key, scores));
    }

    @Override
    public CompletableFuture<List<byte[]>> zrange(byte[] key, long start, long stop) {
        return submit(zsets.zrange(key, start, stop, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> zrange(String key, long start, long stop) {
        return submit(zsets.zrange(key, start, stop, UTF8));
    }

    @Override
    public CompletableFuture<List<ScoredValue<byte[]>>> zrangeWithScores(byte[] key, long start, long stop) {
        return submit(zsets.zrangeWithScores(key, start, stop, BYTES));
    }

    @Override
    public CompletableFuture<List<ScoredValue<String>>> zrangeWithScores(String key, long start, long stop) {
        return submit(zsets.zrangeWithScores(key, start, stop, UTF8));
    }

    @Override
    public CompletableFuture<List<byte[]>> zrangeByScore(byte[] key, ScoreRange range) {
        return submit(zsets.zrangeByScore(key, range, -1, -1, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> zrangeByScore(String key, ScoreRange range) {
        return submit(zsets.zrangeByScore(key, range, -1, -1, UTF8));
    }

    @Override
    public CompletableFuture<List<byte[]>> zrangeByScore(byte[] key, ScoreRange range, long offset, long count) {
        return submit(zsets.zrangeByScore(key, range, SyncSortedSetAndScriptingCommands.requireOffset(offset), count, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> zrangeByScore(String key, ScoreRange range, long offset, long count) {
        return submit(zsets.zrangeByScore(key, range, SyncSortedSetAndScriptingCommands.requireOffset(offset), count, UTF8));
    }

    @Override
    public CompletableFuture<List<ScoredValue<byte[]>>> zrangeByScoreWithScores(byte[] key, ScoreRange range) {
        return submit(zsets.zrangeByScoreWithScores(key, range, -1, -1, BYTES));
    }

    @Override
    public CompletableFuture<List<ScoredValue<String>>> zrangeByScoreWithScores(String key, ScoreRange range) {
        return submit(zsets.zrangeByScoreWithScores(key, range, -1, -1, UTF8));
    }

    @Override
    public CompletableFuture<Long> zrem(byte[] key, byte[]... members) {
        return submit(zsets.zrem(key, members));
    }

    @Override
    public CompletableFuture<Long> zrem(String key, String... members) {
        return submit(zsets.zrem(key, members));
    }

    @Override
    public CompletableFuture<Double> zscore(byte[] key, byte[] member) {
        return submit(zsets.zscore(key, member));
    }

    @Override
    public CompletableFuture<Double> zscore(String key, String member) {
        return submit(zsets.zscore(key, member));
    }

    @Override
    public CompletableFuture<Double> zincrby(byte[] key, double increment, byte[] member) {
        return submit(zsets.zincrby(key, increment, member));
    }

    @Override
    public CompletableFuture<Double> zincrby(String key, double increment, String member) {
        return submit(zsets.zincrby(key, increment, member));
    }

    @Override
    public CompletableFuture<Long> zcard(byte[] key) {
        return submit(zsets.zcard(key));
    }

    @Override
    public CompletableFuture<Long> zcard(String key) {
        return submit(zsets.zcard(key));
    }

    // ---------------------------------------------------------------- scripting

    @Override
    public CompletableFuture<Reply> eval(String script, byte[][] keys, byte[]... args) {
        return submit(scripts.eval(script, keys, args));
    }

    @Override
    public CompletableFuture<Reply> eval(String script, String[] keys, String... args) {
        return submit(scripts.eval(script, keys, args));
    }

    @Override
    public CompletableFuture<Reply> evalsha(String sha, byte[][] keys, byte[]... args) {
        return submit(scripts.evalsha(sha, keys, args));
    }

    @Override
    public CompletableFuture<Reply> evalsha(String sha, String[] keys, String... args) {
        return submit(scripts.evalsha(sha, keys, args));
    }

    @Override
    public CompletableFuture<Reply> eval(Script script, byte[][] keys, byte[]... args) {
        return evalScript(script, keys, args);
    }

    @Override
    public CompletableFuture<Reply> eval(Script script, String[] keys, String... args) {
        return evalScript(script, keys, args);
    }

    /**
     * Sends a script by SHA-1 and, when the server answers {@code NOSCRIPT} (the script did not
     * run), by source. The asynchronous API sends the fallback as soon as the failure arrives; a
     * pipeline overrides {@link #submitFallback} to send it outside its batch; a transaction
     * overrides this method, since nothing can be retried inside {@code EXEC}.
     *
     * @param script the script
     * @param keys the keys
     * @param args the arguments
     * @return the future of the script's result
     */
    protected CompletableFuture<Reply> evalScript(Script script, Object[] keys, Object[] args) {
        Command<Reply> bySha = scripts.evalsha(SyncSortedSetAndScriptingCommands.requireScript(script).sha(), keys, args);
        Command<Reply> bySource = scripts.eval(script.source(), keys, args);
        return submit(bySha).exceptionallyCompose(failure -> ScriptingCommandBuilder.isNoScript(failure)
                ? submitFallback(bySource) : CompletableFuture.failedFuture(failure));
    }

    /**
     * Sends the {@code EVAL} fallback of {@link #evalScript}; by default like any command.
     *
     * @param command the fallback
     * @param <T> its reply type
     * @return the future of its reply
     */
    protected <T> CompletableFuture<T> submitFallback(Command<T> command) {
        return submit(command);
    }

    @Override
    public CompletableFuture<String> scriptLoad(String script) {
        return submit(scripts.scriptLoad(script));
    }

    @Override
    public CompletableFuture<List<Boolean>> scriptExists(String... shas) {
        return submit(scripts.scriptExists(shas));
    }

    @Override
    public CompletableFuture<Void> scriptFlush() {
        return submit(scripts.scriptFlush());
    }

    // ---------------------------------------------------------------- publish

    @Override
    public CompletableFuture<Long> publish(byte[] channel, byte[] message) {
        return submit(scripts.publish(channel, message));
    }

    @Override
    public CompletableFuture<Long> publish(String channel, String message) {
        return submit(scripts.publish(channel, message));
    }
}
