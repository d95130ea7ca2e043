package org.dragonflyclient.core.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.CommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.ConnectionPool;
import org.dragonflyclient.core.internal.connection.Connector;
import org.dragonflyclient.core.internal.connection.DedicatedConnections;
import org.dragonflyclient.core.internal.connection.PushHandler;
import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyAsyncCommands;
import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.GetExArgs;
import org.dragonflyclient.core.KeyScanner;
import org.dragonflyclient.core.Pipeline;
import org.dragonflyclient.core.Protocol;
import org.dragonflyclient.core.PubSub;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.ScanArgs;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.core.Transaction;

/**
 * The one implementation of {@link DragonflyClient}. Each synchronous method builds its command
 * with {@link CommandBuilder}, sends it on the connection {@link ConnectionPool#route} picks, and
 * waits in {@link Connection#await}; that is the whole path of a call. The data-type families live
 * in the base classes; blocking commands take a connection from {@link DedicatedConnections}.
 */
public final class DefaultDragonflyClient extends SyncSortedSetAndScriptingCommands implements DragonflyClient {

    private static final ValueDecoder<byte[]> BYTES = ValueDecoder.BYTES;
    private static final ValueDecoder<String> UTF8 = ValueDecoder.UTF8;

    private final ClientOptions options;
    private final ConnectionPool pool;
    private final CommandBuilder build = CommandBuilder.INSTANCE;
    private final long timeoutNanos;
    private final DefaultAsyncCommands async;
    private final CommandListener listener;
    private final DedicatedConnections dedicated;
    private final Set<DefaultPubSub> pubSubs = ConcurrentHashMap.newKeySet();

    private DefaultDragonflyClient(ClientOptions options, ConnectionPool pool, DedicatedConnections dedicated) {
        this.options = options;
        this.pool = pool;
        this.dedicated = dedicated;
        this.timeoutNanos = options.timeout().toNanos();
        this.listener = options.commandListener();
        this.async = new DefaultAsyncCommands(pool, dedicated, timeoutNanos, listener);
    }

    public static DragonflyClient connect(ClientOptions options) {
        Connector connector = new Connector(options, PushHandler.IGNORE);
        ConnectionPool pool = ConnectionPool.open(connector);
        return new DefaultDragonflyClient(options, pool, new DedicatedConnections(connector, DedicatedConnections.DEFAULT_MAX));
    }

    @Override
    protected <T> T sync(Command<T> command) {
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        command.deadline(deadline);
        command.waiter(Thread.currentThread());
        try {
            Connection connection = pool.route(deadline);
            connection.dispatch(command);
            T result = connection.await(command);
            if (listener != CommandListener.NONE) {
                listener.commandCompleted(command.displayName(), System.nanoTime() - start, null);
            }
            return result;
        } catch (RuntimeException e) {
            if (listener != CommandListener.NONE) {
                listener.commandCompleted(command.displayName(), System.nanoTime() - start, e);
            }
            throw e;
        }
    }

    @Override
    protected <T> T syncBlocking(Command<T> command, Duration blockFor) {
        long start = System.nanoTime();
        command.waiter(Thread.currentThread());
        Connection connection = null;
        try {
            connection = dedicated.lease(start + timeoutNanos);
            command.deadline(DefaultAsyncCommands.blockingDeadline(start, blockFor, timeoutNanos));
            connection.dispatch(command);
            T result = connection.await(command);
            if (listener != CommandListener.NONE) {
                listener.commandCompleted(command.displayName(), System.nanoTime() - start, null);
            }
            return result;
        } catch (RuntimeException e) {
            if (listener != CommandListener.NONE) {
                listener.commandCompleted(command.displayName(), System.nanoTime() - start, e);
            }
            throw e;
        } finally {
            if (connection != null) {
                dedicated.release(connection);
            }
        }
    }

    @Override
    public DragonflyAsyncCommands async() {
        return async;
    }

    @Override
    public Pipeline pipeline() {
        return new DefaultPipeline(pool, timeoutNanos, listener, async);
    }

    @Override
    public PubSub pubSub() {
        return pubSub(PubSub.DEFAULT_MAX_QUEUED_MESSAGES);
    }

    @Override
    public PubSub pubSub(int maxQueuedMessages) {
        DefaultPubSub pubSub = DefaultPubSub.open(pool.connector(), maxQueuedMessages, pubSubs::remove);
        pubSubs.add(pubSub);
        return pubSub;
    }

    @Override
    public Transaction transaction() {
        return new DefaultTransaction(pool, dedicated, timeoutNanos, listener);
    }

    @Override
    public ClientOptions options() {
        return options;
    }

    @Override
    public Protocol protocol() {
        return pool.connector().negotiatedProtocol();
    }

    @Override
    public int openConnections() {
        return pool.openCount();
    }

    @Override
    public int inFlightCommands() {
        return pool.inFlightCount();
    }

    @Override
    public void close() {
        pubSubs.forEach(DefaultPubSub::close);
        dedicated.close();
        pool.close();
    }

    @Override
    public String toString() {
        return "DragonflyClient[" + options + "]";
    }

    // ---------------------------------------------------------------- strings

    @Override
    public byte[] get(byte[] key) {
        return sync(build.get(key, BYTES));
    }

    @Override
    public String get(String key) {
        return sync(build.get(key, UTF8));
    }

    @Override
    public void set(byte[] key, byte[] value) {
        sync(build.set(key, value));
    }

    @Override
    public void set(String key, String value) {
        sync(build.set(key, value));
    }

    @Override
    public boolean set(byte[] key, byte[] value, SetArgs args) {
        return sync(build.set(key, value, args));
    }

    @Override
    public boolean set(String key, String value, SetArgs args) {
        return sync(build.set(key, value, args));
    }

    @Override
    public byte[] setGet(byte[] key, byte[] value, SetArgs args) {
        return sync(build.setGet(key, value, args, BYTES));
    }

    @Override
    public String setGet(String key, String value, SetArgs args) {
        return sync(build.setGet(key, value, args, UTF8));
    }

    @Override
    public void mset(byte[]... keysAndValues) {
        sync(build.mset(keysAndValues));
    }

    @Override
    public void mset(String... keysAndValues) {
        sync(build.mset(keysAndValues));
    }

    @Override
    public void mset(Map<String, String> entries) {
        sync(build.mset(entries));
    }

    @Override
    public List<byte[]> mget(byte[]... keys) {
        return sync(build.mget(keys, BYTES));
    }

    @Override
    public List<String> mget(String... keys) {
        return sync(build.mget(keys, UTF8));
    }

    @Override
    public byte[] getex(byte[] key, GetExArgs args) {
        return sync(build.getex(key, args, BYTES));
    }

    @Override
    public String getex(String key, GetExArgs args) {
        return sync(build.getex(key, args, UTF8));
    }

    @Override
    public byte[] getdel(byte[] key) {
        return sync(build.getdel(key, BYTES));
    }

    @Override
    public String getdel(String key) {
        return sync(build.getdel(key, UTF8));
    }

    @Override
    public long incr(byte[] key) {
        return sync(build.incrBy(Keyword.INCR, key, null));
    }

    @Override
    public long incr(String key) {
        return sync(build.incrBy(Keyword.INCR, key, null));
    }

    @Override
    public long incrBy(byte[] key, long increment) {
        return sync(build.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    public long incrBy(String key, long increment) {
        return sync(build.incrBy(Keyword.INCRBY, key, increment));
    }

    @Override
    public long decr(byte[] key) {
        return sync(build.incrBy(Keyword.DECR, key, null));
    }

    @Override
    public long decr(String key) {
        return sync(build.incrBy(Keyword.DECR, key, null));
    }

    @Override
    public long decrBy(byte[] key, long decrement) {
        return sync(build.incrBy(Keyword.DECRBY, key, decrement));
    }

    @Override
    public long decrBy(String key, long decrement) {
        return sync(build.incrBy(Keyword.DECRBY, key, decrement));
    }

    // ---------------------------------------------------------------- keys

    @Override
    public long del(byte[]... keys) {
        return sync(build.count(Keyword.DEL, keys));
    }

    @Override
    public long del(String... keys) {
        return sync(build.count(Keyword.DEL, keys));
    }

    @Override
    public long unlink(byte[]... keys) {
        return sync(build.count(Keyword.UNLINK, keys));
    }

    @Override
    public long unlink(String... keys) {
        return sync(build.count(Keyword.UNLINK, keys));
    }

    @Override
    public long exists(byte[]... keys) {
        return sync(build.count(Keyword.EXISTS, keys));
    }

    @Override
    public long exists(String... keys) {
        return sync(build.count(Keyword.EXISTS, keys));
    }

    @Override
    public boolean expire(byte[] key, long seconds) {
        return sync(build.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    public boolean expire(String key, long seconds) {
        return sync(build.expire(Keyword.EXPIRE, key, seconds));
    }

    @Override
    public boolean pexpire(byte[] key, long millis) {
        return sync(build.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    public boolean pexpire(String key, long millis) {
        return sync(build.expire(Keyword.PEXPIRE, key, millis));
    }

    @Override
    public long ttl(byte[] key) {
        return sync(build.keyToLong(Keyword.TTL, key));
    }

    @Override
    public long ttl(String key) {
        return sync(build.keyToLong(Keyword.TTL, key));
    }

    @Override
    public long pttl(byte[] key) {
        return sync(build.keyToLong(Keyword.PTTL, key));
    }

    @Override
    public long pttl(String key) {
        return sync(build.keyToLong(Keyword.PTTL, key));
    }

    @Override
    public boolean persist(byte[] key) {
        return sync(build.persist(key));
    }

    @Override
    public boolean persist(String key) {
        return sync(build.persist(key));
    }

    @Override
    public KeyScanner<String> scan(ScanArgs args) {
        return new KeyScanner<>(cursor -> scan(cursor, args));
    }

    @Override
    public KeyScanner<byte[]> scanBinary(ScanArgs args) {
        return new KeyScanner<>(cursor -> scanBinary(cursor, args));
    }

    @Override
    public ScanPage<String> scan(String cursor, ScanArgs args) {
        return sync(build.scan(cursor, args, UTF8));
    }

    @Override
    public ScanPage<byte[]> scanBinary(String cursor, ScanArgs args) {
        return sync(build.scan(cursor, args, BYTES));
    }

    // ---------------------------------------------------------------- server

    @Override
    public String ping() {
        return sync(build.ping());
    }

    @Override
    public byte[] echo(byte[] message) {
        return sync(build.echo(message, BYTES));
    }

    @Override
    public String echo(String message) {
        return sync(build.echo(message, UTF8));
    }

    @Override
    public String info() {
        return sync(build.info(null));
    }

    @Override
    public String info(String section) {
        return sync(build.info(section));
    }

    @Override
    public long dbsize() {
        return sync(build.dbsize());
    }

    @Override
    public void flushdb() {
        sync(build.flush(Keyword.FLUSHDB));
    }

    @Override
    public void flushall() {
        sync(build.flush(Keyword.FLUSHALL));
    }

    @Override
    public Reply execute(String command, Object... args) {
        return sync(build.execute(command, args));
    }
}
