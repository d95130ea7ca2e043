package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.HashCommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ListCommandBuilder;
import org.dragonflyclient.core.internal.command.SetCommandBuilder;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.HashCommands;
import org.dragonflyclient.core.KeyValue;
import org.dragonflyclient.core.ListCommands;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetCommands;

/**
 * The synchronous hash, list and set commands. Each builds its command with its family's builder
 * and hands it to {@link #sync}; blocking pops go to {@link #syncBlocking}, which runs them on a
 * dedicated connection. A base of {@link DefaultDragonflyClient}, split off so that no class
 * holds every family.
 */
abstract class SyncCollectionCommands implements HashCommands, ListCommands, SetCommands {

    static final ValueDecoder<byte[]> BYTES = ValueDecoder.BYTES;
    static final ValueDecoder<String> UTF8 = ValueDecoder.UTF8;

    private final HashCommandBuilder hashes = HashCommandBuilder.INSTANCE;
    private final ListCommandBuilder lists = ListCommandBuilder.INSTANCE;
    private final SetCommandBuilder sets = SetCommandBuilder.INSTANCE;

    /**
     * Sends a command on a shared connection and waits for its reply.
     *
     * @param command the command
     * @param <T> its reply type
     * @return the reply
     */
    protected abstract <T> T sync(Command<T> command);

    /**
     * Sends a blocking command on a dedicated connection and waits for its reply up to
     * {@code blockFor} plus the command timeout (without limit when {@code blockFor} is zero).
     *
     * @param command the command
     * @param blockFor how long the server may block, zero for no limit
     * @param <T> its reply type
     * @return the reply
     */
    protected abstract <T> T syncBlocking(Command<T> command, Duration blockFor);

    // ---------------------------------------------------------------- hashes

    @Override
    public long hset(byte[] key, byte[] field, byte[] value) {
        return sync(hashes.hset(key, field, value));
    }

    @Override
    public long hset(String key, String field, String value) {
        return sync(hashes.hset(key, field, value));
    }

    @Override
    public long hset(byte[] key, Map<byte[], byte[]> fields) {
        return sync(hashes.hset(key, fields));
    }

    @Override
    public long hset(String key, Map<String, String> fields) {
        return sync(hashes.hset(key, fields));
    }

    @Override
    public byte[] hget(byte[] key, byte[] field) {
        return sync(hashes.hget(key, field, BYTES));
    }

    @Override
    public String hget(String key, String field) {
        return sync(hashes.hget(key, field, UTF8));
    }

    @Override
    public List<byte[]> hmget(byte[] key, byte[]... fields) {
        return sync(hashes.hmget(key, fields, BYTES));
    }

    @Override
    public List<String> hmget(String key, String... fields) {
        return sync(hashes.hmget(key, fields, UTF8));
    }

    @Override
    public Map<byte[], byte[]> hgetall(byte[] key) {
        return sync(hashes.hgetall(key, BYTES));
    }

    @Override
    public Map<String, String> hgetall(String key) {
        return sync(hashes.hgetall(key, UTF8));
    }

    @Override
    public long hdel(byte[] key, byte[]... fields) {
        return sync(hashes.hdel(key, fields));
    }

    @Override
    public long hdel(String key, String... fields) {
        return sync(hashes.hdel(key, fields));
    }

    @Override
    public boolean hexists(byte[] key, byte[] field) {
        return sync(hashes.hexists(key, field));
    }

    @Override
    public boolean hexists(String key, String field) {
        return sync(hashes.hexists(key, field));
    }

    @Override
    public long hincrBy(byte[] key, byte[] field, long increment) {
        return sync(hashes.hincrBy(key, field, increment));
    }

    @Override
    public long hincrBy(String key, String field, long increment) {
        return sync(hashes.hincrBy(key, field, increment));
    }

    @Override
    public long hlen(byte[] key) {
        return sync(hashes.hlen(key));
    }

    @Override
    public long hlen(String key) {
        return sync(hashes.hlen(key));
    }

    @Override
    public ScanPage<Map.Entry<byte[], byte[]>> hscan(byte[] key, String cursor, ScanArgs args) {
        return sync(hashes.hscan(key, cursor, args, BYTES));
    }

    @Override
    public ScanPage<Map.Entry<String, String>> hscan(String key, String cursor, ScanArgs args) {
        return sync(hashes.hscan(key, cursor, args, UTF8));
    }

    // ---------------------------------------------------------------- lists

    @Override
    public long lpush(byte[] key, byte[]... values) {
        return sync(lists.push(Keyword.LPUSH, key, values));
    }

    @Override
    public long lpush(String key, String... values) {
        return sync(lists.push(Keyword.LPUSH, key, values));
    }

    @Override
    public long rpush(byte[] key, byte[]... values) {
        return sync(lists.push(Keyword.RPUSH, key, values));
    }

    @Override
    public long rpush(String key, String... values) {
        return sync(lists.push(Keyword.RPUSH, key, values));
    }

    @Override
    public byte[] lpop(byte[] key) {
        return sync(lists.pop(Keyword.LPOP, key, BYTES));
    }

    @Override
    public String lpop(String key) {
        return sync(lists.pop(Keyword.LPOP, key, UTF8));
    }

    @Override
    public List<byte[]> lpop(byte[] key, long count) {
        return sync(lists.pop(Keyword.LPOP, key, count, BYTES));
    }

    @Override
    public List<String> lpop(String key, long count) {
        return sync(lists.pop(Keyword.LPOP, key, count, UTF8));
    }

    @Override
    public byte[] rpop(byte[] key) {
        return sync(lists.pop(Keyword.RPOP, key, BYTES));
    }

    @Override
    public String rpop(String key) {
        return sync(lists.pop(Keyword.RPOP, key, UTF8));
    }

    @Override
    public List<byte[]> rpop(byte[] key, long count) {
        return sync(lists.pop(Keyword.RPOP, key, count, BYTES));
    }

    @Override
    public List<String> rpop(String key, long count) {
        return sync(lists.pop(Keyword.RPOP, key, count, UTF8));
    }

    @Override
    public List<byte[]> lrange(byte[] key, long start, long stop) {
        return sync(lists.lrange(key, start, stop, BYTES));
    }

    @Override
    public List<String> lrange(String key, long start, long stop) {
        return sync(lists.lrange(key, start, stop, UTF8));
    }

    @Override
    public long llen(byte[] key) {
        return sync(lists.llen(key));
    }

    @Override
    public long llen(String key) {
        return sync(lists.llen(key));
    }

    @Override
    public KeyValue<byte[]> blpop(Duration timeout, byte[]... keys) {
        return syncBlocking(lists.blockingPop(Keyword.BLPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    public KeyValue<String> blpop(Duration timeout, String... keys) {
        return syncBlocking(lists.blockingPop(Keyword.BLPOP, timeout, keys, UTF8), timeout);
    }

    @Override
    public KeyValue<byte[]> brpop(Duration timeout, byte[]... keys) {
        return syncBlocking(lists.blockingPop(Keyword.BRPOP, timeout, keys, BYTES), timeout);
    }

    @Override
    public KeyValue<String> brpop(Duration timeout, String... keys) {
        return syncBlocking(lists.blockingPop(Keyword.BRPOP, timeout, keys, UTF8), timeout);
    }

    // ---------------------------------------------------------------- sets

    @Override
    public long sadd(byte[] key, byte[]... members) {
        return sync(sets.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    public long sadd(String key, String... members) {
        return sync(sets.addOrRemove(Keyword.SADD, key, members));
    }

    @Override
    public long srem(byte[] key, byte[]... members) {
        return sync(sets.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    public long srem(String key, String... members) {
        return sync(sets.addOrRemove(Keyword.SREM, key, members));
    }

    @Override
    public Set<byte[]> smembers(byte[] key) {
        return sync(sets.smembers(key, BYTES));
    }

    @Override
    public Set<String> smembers(String key) {
        return sync(sets.smembers(key, UTF8));
    }

    @Override
    public boolean sismember(byte[] key, byte[] member) {
        return sync(sets.sismember(key, member));
    }

    @Override
    public boolean sismember(String key, String member) {
        return sync(sets.sismember(key, member));
    }

    @Override
    public long scard(byte[] key) {
        return sync(sets.scard(key));
    }

    @Override
    public long scard(String key) {
        return sync(sets.scard(key));
    }

    @Override
    public ScanPage<byte[]> sscan(byte[] key, String cursor, ScanArgs args) {
        return sync(sets.sscan(key, cursor, args, BYTES));
    }

    @Override
    public ScanPage<String> sscan(String key, String cursor, ScanArgs args) {
        return sync(sets.sscan(key, cursor, args, UTF8));
    }
}
