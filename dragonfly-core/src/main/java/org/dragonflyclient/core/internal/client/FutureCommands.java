package org.dragonflyclient.core.internal.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.CommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyAsyncCommands;
import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetArgs;

/**
 * Every asynchronous command, built by {@link CommandBuilder} (and the family builders, in the
 * base classes) and handed to {@link #submit}: the asynchronous API sends it at once, a pipeline
 * keeps it for one write later, a transaction for {@code EXEC}.
 */
abstract class FutureCommands extends FutureSortedSetAndScriptingCommands implements DragonflyAsyncCommands {

    private static final ValueDecoder<byte[]> BYTES = ValueDecoder.BYTES;
    private static final ValueDecoder<String> UTF8 = ValueDecoder.UTF8;

    private final CommandBuilder build = CommandBuilder.INSTANCE;

    /**
     * Sends the command now or later.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the command itself, which is the future of its reply
     */
    @Override
    protected abstract <T> CompletableFuture<T> submit(Command<T> command);

    /** Reports the command to the listener when it completes; costs nothing without a listener. */
    static void observe(Command<?> command, long start, CommandListener listener) {
        if (listener != CommandListener.NONE) {
            command.whenComplete((value, failure) ->
                    listener.commandCompleted(command.displayName(), System.nanoTime() - start, failure));
        }
    }

    // ---------------------------------------------------------------- strings

    @Override
    public CompletableFuture<byte[]> get(byte[] key) {
        return submit(build.get(key, BYTES));
    }

    @Override
    public CompletableFuture<String> get(String key) {
        return submit(build.get(key, UTF8));
    }

    @Override
    public CompletableFuture<Void> set(byte[] key, byte[] value) {
        return submit(build.set(key, value));
    }

    @Override
    public CompletableFuture<Void> set(String key, String value) {
        return submit(build.set(key, value));
    }

    @Override
    public CompletableFuture<Boolean> set(byte[] key, byte[] value, SetArgs args) {
        return submit(build.set(key, value, args));
    }

    @Override
    public CompletableFuture<Boolean> set(String key, String value, SetArgs args) {
        return submit(build.set(key, value, args));
    }

    @Override
    public CompletableFuture<byte[]> setGet(byte[] key, byte[] value, SetArgs args) {
        return submit(build.setGet(key, value, args, BYTES));
    }

    @Override
    public CompletableFuture<String> setGet(String key, String value, SetArgs args) {
        return submit(build.setGet(key, value, args, UTF8));
    }

    @Override
    public CompletableFuture<Void> mset(byte[]... keysAndValues) {
        return submit(build.mset(keysAndValues));
    }

    @Override
    public CompletableFuture<Void> mset(String... keysAndValues) {
        return submit(build.mset(keysAndValues));
    }

    @Override
    public CompletableFuture<Void> mset(Map<String, String> entries) {
        return submit(build.mset(entries));
    }

    @Override
    public CompletableFuture<List<byte[]>> mget(byte[]... keys) {
        return submit(build.mget(keys, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> mget(String... keys) {
        return submit(build.mget(keys, UTF8));
    }

    @Override
    public CompletableFuture<byte[]> getex(byte[] key, GetExArgs args) {
        return submit(build.getex(key, args, BYTES));
    }

    @Override
    public CompletableFuture<String> getex(String key, GetExArgs args) {
        return submit(build.getex(key, args, UTF8));
    }

    @Override
    public CompletableFuture<byte[]> getdel(byte[] key) {
        return submit(build.getdel(key, BYTES));
    }

    @Override
    public CompletableFuture<String> getdel(String key) {
        return submit(build.getdel(key, UTF8));
    }

    @Override
    public CompletableFuture<Long> incr(byte[] key) {
        return submit(build.incrBy(Keyword.INCR, key, null));
    }

    @Override
    public CompletableFuture<Long> incr(String key) {
        return submit(build.incrBy(Keyword.INCR, key, null));
    }

    @Override
    public CompletableFuture<Long> incrBy(byte[] key, long increment) {
        return submit(build.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long increment) {
        return submit(build.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    public CompletableFuture<Long> decr(byte[] key) {
        return submit(build.incrBy(Keyword.DECR, key, null));
    }

    @Override
    public CompletableFuture<Long> decr(String key) {
        return submit(build.incrBy(Keyword.DECR, key, null));
    }

    @Override
    public CompletableFuture<Long> decrBy(byte[] key, long decrement) {
        return submit(build.incrBy(Keyword.DECRBY, key, decrement));
    }

    @Override
    public CompletableFuture<Long> decrBy(String key, long decrement) {
        return submit(build.incrBy(Keyword.DECRBY, key, decrement));
    }

    // ---------------------------------------------------------------- keys

    @Override
    public CompletableFuture<Long> del(byte[]... keys) {
        return submit(build.count(Keyword.DEL, keys));
    }

    @Override
    public CompletableFuture<Long> del(String... keys) {
        return submit(build.count(Keyword.DEL, keys));
    }

    @Override
    public CompletableFuture<Long> unlink(byte[]... keys) {
        return submit(build.count(Keyword.UNLINK, keys));
    }

    @Override
    public CompletableFuture<Long> unlink(String... keys) {
        return submit(build.count(Keyword.UNLINK, keys));
    }

    @Override
    public CompletableFuture<Long> exists(byte[]... keys) {
        return submit(build.count(Keyword.EXISTS, keys));
    }

    @Override
    public CompletableFuture<Long> exists(String... keys) {
        return submit(build.count(Keyword.EXISTS, keys));
    }

    @Override
    public CompletableFuture<Boolean> expire(byte[] key, long seconds) {
        return submit(build.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    public CompletableFuture<Boolean> expire(String key, long seconds) {
        return submit(build.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(byte[] key, long millis) {
        return submit(build.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return submit(build.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    public CompletableFuture<Long> ttl(byte[] key) {
        return submit(build.keyToLong(Keyword.TTL, key));
    }

    @Override
    public CompletableFuture<Long> ttl(String key) {
        return submit(build.keyToLong(Keyword.TTL, key));
    }

    @Override
    public CompletableFuture<Long> pttl(byte[] key) {
        return submit(build.keyToLong(Keyword.PTTL, key));
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return submit(build.keyToLong(Keyword.PTTL, key));
    }

    @Override
    public CompletableFuture<Boolean> persist(byte[] key) {
        return submit(build.persist(key));
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return submit(build.persist(key));
    }

    @Override
    public CompletableFuture<ScanPage<String>> scan(String cursor, ScanArgs args) {
        return submit(build.scan(cursor, args, UTF8));
    }

    @Override
    public CompletableFuture<ScanPage<byte[]>> scanBinary(String cursor, ScanArgs args) {
        return submit(build.scan(cursor, args, BYTES));
    }

    // ---------------------------------------------------------------- server

    @Override
    public CompletableFuture<String> ping() {
        return submit(build.ping());
    }

    @Override
    public CompletableFuture<byte[]> echo(byte[] message) {
        return submit(build.echo(message, BYTES));
    }

    @Override
    public CompletableFuture<String> echo(String message) {
        return submit(build.echo(message, UTF8));
    }

    @Override
    public CompletableFuture<String> info() {
        return submit(build.info(null));
    }

    @Override
    public CompletableFuture<String> info(String section) {
        return submit(build.info(section));
    }

    @Override
    public CompletableFuture<Long> dbsize() {
        return submit(build.dbsize());
    }

    @Override
    public CompletableFuture<Void> flushdb() {
        return submit(build.flush(Keyword.FLUSHDB));
    }

    @Override
    public CompletableFuture<Void> flushall() {
        return submit(build.flush(Keyword.FLUSHALL));
    }

    @Override
    public CompletableFuture<Reply> execute(String command, Object... args) {
        return submit(build.execute(command, args));
    }
}
