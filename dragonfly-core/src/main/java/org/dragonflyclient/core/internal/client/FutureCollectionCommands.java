package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.HashCommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ListCommandBuilder;
import org.dragonflyclient.core.internal.command.SetCommandBuilder;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.HashAsyncCommands;
import org.dragonflyclient.core.KeyValue;
import org.dragonflyclient.core.ListAsyncCommands;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetAsyncCommands;

/**
 * The asynchronous hash, list and set commands. Each builds its command with its family's builder
 * and hands it to {@link #submit}; blocking pops go to {@link #submitBlocking}. The root of
 * {@link FutureCommands}, split off so that no class holds every family.
 */
abstract class FutureCollectionCommands implements HashAsyncCommands, ListAsyncCommands, SetAsyncCommands {

    private static final ValueDecoder<byte[]> BYTES = ValueDecoder.BYTES;
    private static final ValueDecoder<String> UTF8 = ValueDecoder.UTF8;

    private final HashCommandBuilder hashes = HashCommandBuilder.INSTANCE;
    private final ListCommandBuilder lists = ListCommandBuilder.INSTANCE;
    private final SetCommandBuilder sets = SetCommandBuilder.INSTANCE;

    /**
     * Sends the command now (asynchronous API) or later (pipeline, transaction).
     *
     * @param command the command
     * @param <T> its reply type
     * @return the future of its reply, usually the command itself
     */
    protected abstract <T> CompletableFuture<T> submit(Command<T> command);

    /**
     * Sends a blocking command where it cannot stall other callers: on a dedicated connection,
     * with a deadline of {@code blockFor} plus the command timeout (none when {@code blockFor} is
     * zero). A transaction queues it like any other command (it does not block inside
     * {@code EXEC}); a pipeline refuses it.
     *
     * @param command the command
     * @param blockFor how long the server may block, zero for no limit
     * @param <T> its reply type
     * @return the future of its reply
     */
    protected abstract <T> CompletableFuture<T> submitBlocking(Command<T> command, Duration blockFor);

    // ---------------------------------------------------------------- hashes

    @Override
    public CompletableFuture<Long> hset(byte[] key, byte[] field, byte[] value) {
        return submit(hashes.hset(key, field, value));
    }

    @Override
    public CompletableFuture<Long> hset(String key, String field, String value) {
        return submit(hashes.hset(key, field, value));
    }

    @Override
    public CompletableFuture<Long> hset(byte[] key, Map<byte[], byte[]> fields) {
        return submit(hashes.hset(key, fields));
    }

    @Override
    public CompletableFuture<Long> hset(String key, Map<String, String> fields) {
        return submit(hashes.hset(key, fields));
    }

    @Override
    public CompletableFuture<byte[]> hget(byte[] key, byte[] field) {
        return submit(hashes.hget(key, field, BYTES));
    }

    @Override
    public CompletableFuture<String> hget(String key, String field) {
        return submit(hashes.hget(key, field, UTF8));
    }

    @Override
    public CompletableFuture<List<byte[]>> hmget(byte[] key, byte[]... fields) {
        return submit(hashes.hmget(key, fields, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> hmget(String key, String... fields) {
        return submit(hashes.hmget(key, fields, UTF8));
    }

    @Override
    public CompletableFuture<Map<byte[], byte[]>> hgetall(byte[] key) {
        return submit(hashes.hgetall(key, BYTES));
    }

    @Override
    public CompletableFuture<Map<String, String>> hgetall(String key) {
        return submit(hashes.hgetall(key, UTF8));
    }

    @Override
    public CompletableFuture<Long> hdel(byte[] key, byte[]... fields) {
        return submit(hashes.hdel(key, fields));
    }

    @Override
    public CompletableFuture<Long> hdel(String key, String... fields) {
        return submit(hashes.hdel(key, fields));
    }

    @Override
    public CompletableFuture<Boolean> hexists(byte[] key, byte[] field) {
        return submit(hashes.hexists(key, field));
    }

    @Override
    public CompletableFuture<Boolean> hexists(String key, String field) {
        return submit(hashes.hexists(key, field));
    }

    @Override
    public CompletableFuture<Long> hincrBy(byte[] key, byte[] field, long increment) {
        return submit(hashes.hincrBy(key, field, increment));
    }

    @Override
    public CompletableFuture<Long> hincrBy(String key, String field, long increment) {
        return submit(hashes.hincrBy(key, field, increment));
    }

    @Override
    public CompletableFuture<Long> hlen(byte[] key) {
        return submit(hashes.hlen(key));
    }

    @Override
    public CompletableFuture<Long> hlen(String key) {
        return submit(hashes.hlen(key));
    }

    @Override
    public CompletableFuture<ScanPage<Map.Entry<byte[], byte[]>>> hscan(byte[] key, String cursor, ScanArgs args) {
        return submit(hashes.hscan(key, cursor, args, BYTES));
    }

    @Override
    public CompletableFuture<ScanPage<Map.Entry<String, String>>> hscan(String key, String cursor, ScanArgs args) {
        return submit(hashes.hscan(key, cursor, args, UTF8));
    }

    // ---------------------------------------------------------------- lists

    @Override
    public CompletableFuture<Long> lpush(byte[] key, byte[]... values) {
        return submit(lists.push(Keyword.LPUSH, key, values));
    }

    @Override
    public CompletableFuture<Long> lpush(String key, String... values) {
        return submit(lists.push(Keyword.LPUSH, key, values));
    }

    @Override
    public CompletableFuture<Long> rpush(byte[] key, byte[]... values) {
        return submit(lists.push(Keyword.RPUSH, key, values));
    }

    @Override
    public CompletableFuture<Long> rpush(String key, String... values) {
        return submit(lists.push(Keyword.RPUSH, key, values));
    }

    @Override
    public CompletableFuture<byte[]> lpop(byte[] key) {
        return submit(lists.pop(Keyword.LPOP, key, BYTES));
    }

    @Override
    public CompletableFuture<String> lpop(String key) {
        return submit(lists.pop(Keyword.LPOP, key, UTF8));
    }

    @Override
    public CompletableFuture<List<byte[]>> lpop(byte[] key, long count) {
        return submit(lists.pop(Keyword.LPOP, key, count, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> lpop(String key, long count) {
        return submit(lists.pop(Keyword.LPOP, key, count, UTF8));
    }

    @Override
    public CompletableFuture<byte[]> rpop(byte[] key) {
        return submit(lists.pop(Keyword.RPOP, key, BYTES));
    }

    @Override
    public CompletableFuture<String> rpop(String key) {
        return submit(lists.pop(Keyword.RPOP, key, UTF8));
    }

    @Override
    public CompletableFuture<List<byte[]>> rpop(byte[] key, long count) {
        return submit(lists.pop(Keyword.RPOP, key, count, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> rpop(String key, long count) {
        return submit(lists.pop(Keyword.RPOP, key, count, UTF8));
    }

    @Override
    public CompletableFuture<List<byte[]>> lrange(byte[] key, long start, long stop) {
        return submit(lists.lrange(key, start, stop, BYTES));
    }

    @Override
    public CompletableFuture<List<String>> lrange(String key, long start, long stop) {
        return submit(lists.lrange(key, start, stop, UTF8));
    }

    @Override
    public CompletableFuture<Long> llen(byte[] key) {
        return submit(lists.llen(key));
    }

    @Override
    public CompletableFuture<Long> llen(String key) {
        return submit(lists.llen(key));
    }

    @Override
    public CompletableFuture<KeyValue<byte[]>> blpop(Duration timeout, byte[]... keys) {
        return submitBlocking(lists.blockingPop(Keyword.BLPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    public CompletableFuture<KeyValue<String>> blpop(Duration timeout, String... keys) {
        return submitBlocking(lists.blockingPop(Keyword.BLPOP, timeout, keys, UTF8), timeout);
    }

    @Override
    public CompletableFuture<KeyValue<byte[]>> brpop(Duration timeout, byte[]... keys) {
        return submitBlocking(lists.blockingPop(Keyword.BRPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    public CompletableFuture<KeyValue<String>> brpop(Duration timeout, String... keys) {
        return submitBlocking(lists.blockingPop(Keyword.BRPOP, timeout, keys, UTF8), timeout);
    }

    // ---------------------------------------------------------------- sets

    @Override
    public CompletableFuture<Long> sadd(byte[] key, byte[]... members) {
        return submit(sets.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    public CompletableFuture<Long> sadd(String key, String... members) {
        return submit(sets.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    public CompletableFuture<Long> srem(byte[] key, byte[]... members) {
        return submit(sets.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    public CompletableFuture<Long> srem(String key, String... members) {
        return submit(sets.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    public CompletableFuture<Set<byte[]>> smembers(byte[] key) {
        return submit(sets.smembers(key, BYTES));
    }

    @Override
    public CompletableFuture<Set<String>> smembers(String key) {
        return submit(sets.smembers(key, UTF8));
    }

    @Override
    public CompletableFuture<Boolean> sismember(byte[] key, byte[] member) {
        return submit(sets.sismember(key, member));
    }

    @Override
    public CompletableFuture<Boolean> sismember(String key, String member) {
        return submit(sets.sismember(key, member));
    }

    @Override
    public CompletableFuture<Long> scard(byte[] key) {
        return submit(sets.scard(key));
    }

    @Override
    public CompletableFuture<Long> scard(String key) {
        return submit(sets.scard(key));
    }

    @Override
    public CompletableFuture<ScanPage<byte[]>> sscan(byte[] key, String cursor, ScanArgs args) {
        return submit(sets.sscan(key, cursor, args, BYTES));
    }

    @Override
    public CompletableFuture<ScanPage<String>> sscan(String key, String cursor, ScanArgs args) {
        return submit(sets.sscan(key, cursor, args, UTF8));
    }
}
