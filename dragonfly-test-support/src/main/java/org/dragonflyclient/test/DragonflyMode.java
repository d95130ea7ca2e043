package org.dragonflyclient.test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small in-memory server, run by {@link ScriptedServer}, that answers the way Dragonfly does
 * where Dragonfly differs from Redis, for tests on machines where Dragonfly cannot run:
 * <ul>
 *   <li>{@code KEYS} returns at most {@value #DEFAULT_KEYS_OUTPUT_LIMIT} keys (Dragonfly's
 *       {@code --keys_output_limit});</li>
 *   <li>{@code SCAN} cursors are unsigned 64-bit numbers above 2^63, and pages may hold no key
 *       while the cursor is not {@code 0} (see {@link ScriptedKeySpace});</li>
 *   <li>{@link #outOfMemory(boolean) out of memory}, writes get {@code -ERR Out of memory};</li>
 *   <li>a script that touches a key it did not declare fails with Dragonfly's
 *       {@code script tried accessing undeclared key}, unless it starts with
 *       {@code --!df flags=allow-undeclared-keys};</li>
 *   <li>{@code CLIENT TRACKING} is refused on RESP2 ("Client tracking is currently not supported
 *       for RESP2. Please use RESP3.") and with {@code BCAST} or {@code REDIRECT} (syntax error);
 *       on RESP3 it tracks the keys a connection reads and pushes {@code invalidate} messages;</li>
 *   <li>{@code INFO} and {@code HELLO} report a {@code dragonfly_version};</li>
 *   <li>{@code CLUSTER} is refused, or with {@link #emulatedCluster(String, int)} answered as in
 *       {@code --cluster_mode=emulated}: one node owning every slot.</li>
 * </ul>
 * It keeps each connection's protocol ({@code HELLO 2|3}), name and tracking state, and string keys
 * with expiry. Commands: {@code PING ECHO HELLO AUTH SELECT CLIENT CLUSTER INFO DBSIZE FLUSHALL FLUSHDB GET
 * GETEX PTTL SET DEL UNLINK EXISTS SCAN KEYS EVAL EVALSHA SCRIPT QUIT}; anything else gets Dragonfly's
 * unknown-command error. Scripts are not Lua: {@code EVAL} runs bodies made of
 * {@code [return] redis.call('CMD', 'literal' | KEYS[i] | ARGV[i], ...)} lines and comments, and
 * refuses anything else with a compile error that says so.
 *
 * <pre>{@code
 * DragonflyMode dragonfly = new DragonflyMode();
 * try (ScriptedServer server = ScriptedServer.start(dragonfly)) {
 *     dragonfly.outOfMemory(true);
 *     ... connect to server.uri() ...
 *     assertThat(dragonfly.commandCount("KEYS")).isZero();
 * }
 * }</pre>
 */
public final class DragonflyMode implements ScriptedServer.Script {

    /** Dragonfly's default {@code --keys_output_limit}. */
    public static final int DEFAULT_KEYS_OUTPUT_LIMIT = 8192;
    /** The version this mode reports as {@code dragonfly_version}. */
    public static final String VERSION = "df-v1.37.0";
    /** The Redis version Dragonfly reports for compatibility. */
    static final String REDIS_VERSION = "7.4.0";
    /** Dragonfly's error for writes once it is out of memory ({@code kOutOfMemory}). */
    public static final String OUT_OF_MEMORY = "ERR Out of memory";
    /** Dragonfly's error for a script touching an undeclared key ({@code kUndeclaredKeyErr}). */
    public static final String UNDECLARED_KEY = "script tried accessing undeclared key";

    static final String TRACKING_ON_RESP2 =
            "ERR Client tracking is currently not supported for RESP2. Please use RESP3.";

    private final ScriptedKeySpace keys = new ScriptedKeySpace();
    private final ScriptedEval eval = new ScriptedEval(this);
    private final Map<String, AtomicLong> commandCounts = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> trackers = new ConcurrentHashMap<>();
    private final AtomicLong nextClientId = new AtomicLong(1);
    private volatile boolean outOfMemory;
    private volatile int keysOutputLimit = DEFAULT_KEYS_OUTPUT_LIMIT;
    private volatile ScriptedCluster cluster;

    /**
     * Makes every write fail with {@value #OUT_OF_MEMORY} (or lets writes through again), as
     * Dragonfly does once it reaches {@code --maxmemory}. Reads and deletes still work.
     *
     * @param full {@code true} to refuse writes
     * @return this
     */
    public DragonflyMode outOfMemory(boolean full) {
        this.outOfMemory = full;
        return this;
    }

    /**
     * Sets how many keys {@code KEYS} returns at most.
     *
     * @param limit Dragonfly's {@code --keys_output_limit}
     * @return this
     */
    public DragonflyMode keysOutputLimit(int limit) {
        this.keysOutputLimit = limit;
        return this;
    }

    /**
     * Answers {@code CLUSTER SHARDS}, {@code SLOTS}, {@code NODES}, {@code INFO} and {@code MYID}
     * as Dragonfly does with {@code --cluster_mode=emulated}: one master, no replica, owning every
     * slot. Without this, {@code CLUSTER} is refused as Dragonfly refuses it with the cluster mode
     * off.
     *
     * @param host the address the node announces, as the client connected to it
     * @param port the port it announces; the scripted server's own, or another to stage a node
     *     that announces an address the client cannot reach
     * @return this
     */
    public DragonflyMode emulatedCluster(String host, int port) {
        this.cluster = new ScriptedCluster(host, port, "5b36e0c5a3a1d4e6f9b8c7d6e5f4a3b2c1d0e9f8");
        return this;
    }

    /**
     * Tells how many times a command was received, on all connections together.
     *
     * @param name the command name, any case
     * @return how many times it was received
     */
    public long commandCount(String name) {
        AtomicLong count = commandCounts.get(name.toUpperCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    /** @return how many keys are stored (expired keys not counted) */
    public int size() {
        return keys.size();
    }

    /** @return what this server reports itself as: Dragonfly {@value #VERSION}, scripted */
    public ServerCapabilities capabilities() {
        return ServerCapabilities.of(ServerCapabilities.Product.DRAGONFLY, VERSION, "scripted");
    }

    @Override
    public void serve(InputStream rawIn, OutputStream rawOut) throws IOException {
        InputStream in = new BufferedInputStream(rawIn);
        Session session = new Session(nextClientId.getAndIncrement(), new BufferedOutputStream(rawOut));
        try {
            for (List<String> command;
                    (command = ScriptedServer.readCommand(in, StandardCharsets.ISO_8859_1)) != null; ) {
                if (command.isEmpty()) {
                    continue;
                }
                String name = command.get(0).toUpperCase(Locale.ROOT);
                commandCounts.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
                Object reply = execute(session, name, command.subList(1, command.size()), null);
                synchronized (session) {
                    session.writer.write(reply);
                    if (in.available() == 0) {
                        session.out.flush();
                    }
                }
                if (name.equals("QUIT")) {
                    return;
                }
            }
        } finally {
            untrack(session);
        }
    }

    /**
     * Runs one command.
     *
     * @param script the declared keys when called from a script, {@code null} otherwise
     * @return the reply: {@link ReplyWriter} says which Java types stand for which RESP types
     */
    Object execute(Session session, String name, List<String> args, ScriptedEval.Declared script) {
        if (script != null) {
            String undeclared = script.firstUndeclared(name, args);
            if (undeclared != null) {
                return new ReplyWriter.Error("ERR " + UNDECLARED_KEY + ", key: " + undeclared);
            }
        }
        Boolean caching = session.cachingNext;
        session.cachingNext = null;
        try {
            return switch (name) {
                case "PING" -> args.isEmpty() ? new ReplyWriter.Status("PONG") : args.get(0);
                case "ECHO" -> arity(args, 1, 1) ? args.get(0) : wrongArgs("echo");
                case "QUIT" -> ReplyWriter.OK;
                case "HELLO" -> hello(session, args);
                case "AUTH" -> ReplyWriter.OK;
                case "SELECT" ->
                    args.size() == 1 && args.get(0).equals("0")
                            ? ReplyWriter.OK
                            : new ReplyWriter.Error("ERR DB index is out of range");
                case "CLIENT" -> ScriptedClientCommand.execute(this, session, args);
                case "CLUSTER" -> ScriptedCluster.execute(cluster, args);
                case "INFO" -> info(args.isEmpty() ? "all" : args.get(0).toLowerCase(Locale.ROOT));
                case "DBSIZE" -> (long) keys.size();
                case "FLUSHALL", "FLUSHDB" -> {
                    keys.clear();
                    invalidateAll();
                    yield ReplyWriter.OK;
                }
                case "GET" -> arity(args, 1, 1) ? read(session, args.get(0), caching) : wrongArgs("get");
                case "GETEX" -> getex(session, args, caching);
                case "PTTL" -> arity(args, 1, 1) ? pttl(args.get(0)) : wrongArgs("pttl");
                case "SET" -> set(session, args);
                case "DEL", "UNLINK" -> delete(session, args, name);
                case "EXISTS" ->
                    args.isEmpty()
                            ? wrongArgs("exists")
                            : (long) args.stream()
                                    .filter(k -> keys.get(k) != null)
                                    .count();
                case "SCAN" -> scan(args);
                case "KEYS" -> arity(args, 1, 1) ? keys.keys(args.get(0), keysOutputLimit) : wrongArgs("keys");
                case "EVAL", "EVALSHA", "SCRIPT" ->
                    script != null
                            ? new ReplyWriter.Error("ERR This Redis command is not allowed from script")
                            : eval.execute(session, name, args);
                default -> new ReplyWriter.Error("ERR unknown command '" + name + "'");
            };
        } catch (NumberFormatException e) {
            return new ReplyWriter.Error("ERR value is not an integer or out of range");
        }
    }

    private static boolean arity(List<String> args, int min, int max) {
        return args.size() >= min && args.size() <= max;
    }

    private static ReplyWriter.Error wrongArgs(String command) {
        return new ReplyWriter.Error("ERR wrong number of arguments for '" + command + "' command");
    }

    private Object hello(Session session, List<String> args) {
        int i = 0;
        if (!args.isEmpty()) {
            String version = args.get(i++);
            if (!version.equals("2") && !version.equals("3")) {
                return new ReplyWriter.Error("NOPROTO unsupported protocol version");
            }
            session.protocol = Integer.parseInt(version);
        }
        for (; i < args.size(); i++) {
            String option = args.get(i).toUpperCase(Locale.ROOT);
            if (option.equals("AUTH") && i + 2 < args.size()) {
                i += 2;
            } else if (option.equals("SETNAME") && i + 1 < args.size()) {
                session.name = args.get(++i);
            } else {
                return new ReplyWriter.Error("ERR syntax error");
            }
        }
        return new ReplyWriter.MapReply(List.of(
                "server",
                "redis",
                "version",
                REDIS_VERSION,
                "dragonfly_version",
                VERSION,
                "proto",
                (long) session.protocol,
                "id",
                session.id,
                "mode",
                "standalone",
                "role",
                "master"));
    }

    private String info(String section) {
        StringBuilder text = new StringBuilder();
        boolean all = section.equals("all") || section.equals("everything") || section.equals("default");
        if (all || section.equals("server")) {
            text.append("# Server\r\nredis_version:")
                    .append(REDIS_VERSION)
                    .append("\r\ndragonfly_version:")
                    .append(VERSION)
                    .append("\r\nredis_mode:standalone\r\narch_bits:64\r\nthread_count:1\r\n");
        }
        if (all || section.equals("memory")) {
            text.append("# Memory\r\nused_memory:1048576\r\nmaxmemory:")
                    .append(outOfMemory ? 1048576 : 1073741824L)
                    .append("\r\n");
        }
        if (all || section.equals("keyspace")) {
            text.append("# Keyspace\r\ndb0:keys=")
                    .append(keys.size())
                    .append(",expires=")
                    .append(keys.expiring())
                    .append(",avg_ttl=-1\r\n");
        }
        return text.toString();
    }

    private Object read(Session session, String key, Boolean caching) {
        String value = keys.get(key);
        track(session, key, caching);
        return value;
    }

    /** @return as Redis: -2 for a missing key, -1 for one without expiry, else the milliseconds left */
    private long pttl(String key) {
        if (keys.get(key) == null) {
            return -2;
        }
        long expiresAt = keys.expiresAt(key);
        return expiresAt == 0 ? -1 : Math.max(0, expiresAt - System.currentTimeMillis());
    }

    private Object getex(Session session, List<String> args, Boolean caching) {
        if (args.isEmpty()) {
            return wrongArgs("getex");
        }
        String key = args.get(0);
        String value = keys.get(key);
        track(session, key, caching);
        if (args.size() == 1 || value == null) {
            return value;
        }
        String option = args.get(1).toUpperCase(Locale.ROOT);
        long expiresAt;
        if (option.equals("PERSIST") && args.size() == 2) {
            expiresAt = 0;
        } else if (args.size() == 3) {
            expiresAt = expiry(option, Long.parseLong(args.get(2)));
            if (expiresAt < 0) {
                return new ReplyWriter.Error("ERR syntax error");
            }
        } else {
            return new ReplyWriter.Error("ERR syntax error");
        }
        keys.put(key, value, expiresAt);
        return value;
    }

    private static long expiry(String option, long amount) {
        long now = System.currentTimeMillis();
        return switch (option) {
            case "EX" -> now + amount * 1000;
            case "PX" -> now + amount;
            case "EXAT" -> amount * 1000;
            case "PXAT" -> amount;
            default -> -1;
        };
    }

    private Object set(Session session, List<String> args) {
        if (args.size() < 2) {
            return wrongArgs("set");
        }
        String key = args.get(0);
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        boolean keepTtl = false;
        long expiresAt = 0;
        for (int i = 2; i < args.size(); i++) {
            String option = args.get(i).toUpperCase(Locale.ROOT);
            switch (option) {
                case "NX" -> nx = true;
                case "XX" -> xx = true;
                case "GET" -> get = true;
                case "KEEPTTL" -> keepTtl = true;
                case "EX", "PX", "EXAT", "PXAT" -> {
                    if (i + 1 >= args.size()) {
                        return new ReplyWriter.Error("ERR syntax error");
                    }
                    long amount = Long.parseLong(args.get(++i));
                    if (amount <= 0) {
                        return new ReplyWriter.Error("ERR invalid expire time in 'set' command");
                    }
                    expiresAt = expiry(option, amount);
                }
                default -> {
                    return new ReplyWriter.Error("ERR syntax error");
                }
            }
        }
        if (nx && xx) {
            return new ReplyWriter.Error("ERR syntax error");
        }
        if (outOfMemory) {
            return new ReplyWriter.Error(OUT_OF_MEMORY);
        }
        String old = keys.get(key);
        if ((nx && old != null) || (xx && old == null)) {
            return get ? old : null;
        }
        if (keepTtl && old != null) {
            expiresAt = keys.expiresAt(key);
        }
        keys.put(key, args.get(1), expiresAt);
        invalidate(session, key);
        return get ? old : ReplyWriter.OK;
    }

    private Object delete(Session session, List<String> args, String name) {
        if (args.isEmpty()) {
            return wrongArgs(name.toLowerCase(Locale.ROOT));
        }
        long removed = 0;
        for (String key : args) {
            if (keys.remove(key)) {
                removed++;
                invalidate(session, key);
            }
        }
        return removed;
    }

    private Object scan(List<String> args) {
        if (args.isEmpty()) {
            return wrongArgs("scan");
        }
        long cursor;
        try {
            cursor = Long.parseUnsignedLong(args.get(0));
        } catch (NumberFormatException e) {
            return new ReplyWriter.Error("ERR invalid cursor");
        }
        String pattern = "*";
        int count = 10;
        boolean stringsWanted = true;
        for (int i = 1; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                return new ReplyWriter.Error("ERR syntax error");
            }
            switch (args.get(i).toUpperCase(Locale.ROOT)) {
                case "MATCH" -> pattern = args.get(i + 1);
                case "COUNT" -> count = Integer.parseInt(args.get(i + 1));
                case "TYPE" -> {
                    // Every value here is a string.
                    stringsWanted = args.get(i + 1).equalsIgnoreCase("string");
                }
                default -> {
                    return new ReplyWriter.Error("ERR syntax error");
                }
            }
        }
        if (count < 1) {
            return new ReplyWriter.Error("ERR syntax error");
        }
        try {
            ScriptedKeySpace.Page page = keys.scan(cursor, pattern, count);
            List<Object> keyList = stringsWanted ? new ArrayList<>(page.keys()) : List.of();
            return List.of(page.cursor(), keyList);
        } catch (IllegalArgumentException e) {
            return new ReplyWriter.Error("ERR invalid cursor");
        }
    }

    // Client-side caching: which connections read which keys.

    private void track(Session session, String key, Boolean caching) {
        if (!session.tracking
                || (session.optIn && !Boolean.TRUE.equals(caching))
                || (session.optOut && Boolean.FALSE.equals(caching))) {
            return;
        }
        trackers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    private void invalidate(Session writer, String key) {
        Set<Session> readers = trackers.remove(key);
        if (readers != null) {
            for (Session reader : readers) {
                if (!(reader == writer && reader.noLoop)) {
                    reader.push(List.of(key));
                }
            }
        }
    }

    private void invalidateAll() {
        Set<Session> readers = ConcurrentHashMap.newKeySet();
        trackers.values().forEach(readers::addAll);
        trackers.clear();
        readers.forEach(reader -> reader.push(null));
    }

    void untrack(Session session) {
        trackers.values().forEach(readers -> readers.remove(session));
    }

    /** One connection's state. Replies and pushes are written under its monitor. */
    static final class Session {

        final long id;
        final OutputStream out;
        final ReplyWriter writer;
        volatile int protocol = 2;
        volatile String name;
        volatile boolean tracking;
        volatile boolean noLoop;
        volatile boolean optIn;
        volatile boolean optOut;
        volatile Boolean cachingNext;

        Session(long id, OutputStream out) {
            this.id = id;
            this.out = out;
            this.writer = new ReplyWriter(out, () -> protocol);
        }

        /** Sends {@code invalidate} for {@code keys}, {@code null} meaning "everything". */
        void push(List<String> keys) {
            synchronized (this) {
                try {
                    writer.writeInvalidate(keys);
                    out.flush();
                } catch (IOException e) {
                    // The connection is gone; its own thread cleans up.
                }
            }
        }
    }
}
