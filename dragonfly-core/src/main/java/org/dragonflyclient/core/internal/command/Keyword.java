package org.dragonflyclient.core.internal.command;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/** Command names and option words, encoded once as ASCII bytes so no command re-encodes them. */
public final class Keyword {

    private Keyword() {}

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code GET}. */
    public static final byte[] GET = ascii("GET");
    /** {@code SET}. */
    public static final byte[] SET = ascii("SET");
    /** {@code DEL}. */
    public static final byte[] DEL = ascii("DEL");
    /** {@code UNLINK}. */
    public static final byte[] UNLINK = ascii("UNLINK");
    /** {@code EXISTS}. */
    public static final byte[] EXISTS = ascii("EXISTS");
    /** {@code MGET}. */
    public static final byte[] MGET = ascii("MGET");
    /** {@code MSET}. */
    public static final byte[] MSET = ascii("MSET");
    /** {@code EXPIRE}. */
    public static final byte[] EXPIRE = ascii("EXPIRE");
    /** {@code PEXPIRE}. */
    public static final byte[] PEXPIRE = ascii("PEXPIRE");
    /** {@code TTL}. */
    public static final byte[] TTL = ascii("TTL");
    /** {@code PTTL}. */
    public static final byte[] PTTL = ascii("PTTL");
    /** {@code PERSIST}. */
    public static final byte[] PERSIST = ascii("PERSIST");
    /** {@code GETEX}. */
    public static final byte[] GETEX = ascii("GETEX");
    /** {@code GETDEL}. */
    public static final byte[] GETDEL = ascii("GETDEL");
    /** {@code INCR}. */
    public static final byte[] INCR = ascii("INCR");
    /** {@code INCRBY}. */
    public static final byte[] INCRBY = ascii("INCRBY");
    /** {@code DECR}. */
    public static final byte[] DECR = ascii("DECR");
    /** {@code DECRBY}. */
    public static final byte[] DECRBY = ascii("DECRBY");
    /** {@code SCAN}. */
    public static final byte[] SCAN = ascii("SCAN");
    /** {@code PING}. */
    public static final byte[] PING = ascii("PING");
    /** {@code ECHO}. */
    public static final byte[] ECHO = ascii("ECHO");
    /** {@code INFO}. */
    public static final byte[] INFO = ascii("INFO");
    /** {@code DBSIZE}. */
    public static final byte[] DBSIZE = ascii("DBSIZE");
    /** {@code FLUSHDB}. */
    public static final byte[] FLUSHDB = ascii("FLUSHDB");
    /** {@code FLUSHALL}. */
    public static final byte[] FLUSHALL = ascii("FLUSHALL");
    /** {@code HELLO}. */
    public static final byte[] HELLO = ascii("HELLO");
    /** {@code AUTH}. */
    public static final byte[] AUTH = ascii("AUTH");
    /** {@code CLIENT}. */
    public static final byte[] CLIENT = ascii("CLIENT");
    /** {@code SELECT}. */
    public static final byte[] SELECT = ascii("SELECT");

    // hashes
    /** {@code HSET}. */
    public static final byte[] HSET = ascii("HSET");
    /** {@code HGET}. */
    public static final byte[] HGET = ascii("HGET");
    /** {@code HMGET}. */
    public static final byte[] HMGET = ascii("HMGET");
    /** {@code HGETALL}. */
    public static final byte[] HGETALL = ascii("HGETALL");
    /** {@code HDEL}. */
    public static final byte[] HDEL = ascii("HDEL");
    /** {@code HEXISTS}. */
    public static final byte[] HEXISTS = ascii("HEXISTS");
    /** {@code HINCRBY}. */
    public static final byte[] HINCRBY = ascii("HINCRBY");
    /** {@code HLEN}. */
    public static final byte[] HLEN = ascii("HLEN");
    /** {@code HSCAN}. */
    public static final byte[] HSCAN = ascii("HSCAN");

    // lists
    /** {@code LPUSH}. */
    public static final byte[] LPUSH = ascii("LPUSH");
    /** {@code RPUSH}. */
    public static final byte[] RPUSH = ascii("RPUSH");
    /** {@code LPOP}. */
    public static final byte[] LPOP = ascii("LPOP");
    /** {@code RPOP}. */
    public static final byte[] RPOP = ascii("RPOP");
    /** {@code LRANGE}. */
    public static final byte[] LRANGE = ascii("LRANGE");
    /** {@code LLEN}. */
    public static final byte[] LLEN = ascii("LLEN");
    /** {@code BLPOP}. */
    public static final byte[] BLPOP = ascii("BLPOP");
    /** {@code BRPOP}. */
    public static final byte[] BRPOP = ascii("BRPOP");

    // sets
    /** {@code SADD}. */
    public static final byte[] SADD = ascii("SADD");
    /** {@code SREM}. */
    public static final byte[] SREM = ascii("SREM");
    /** {@code SMEMBERS}. */
    public static final byte[] SMEMBERS = ascii("SMEMBERS");
    /** {@code SISMEMBER}. */
    public static final byte[] SISMEMBER = ascii("SISMEMBER");
    /** {@code SCARD}. */
    public static final byte[] SCARD = ascii("SCARD");
    /** {@code SSCAN}. */
    public static final byte[] SSCAN = ascii("SSCAN");

    // sorted sets
    /** {@code ZADD}. */
    public static final byte[] ZADD = ascii("ZADD");
    /** {@code ZRANGE}. */
    public static final byte[] ZRANGE = ascii("ZRANGE");
    /** {@code ZREM}. */
    public static final byte[] ZREM = ascii("ZREM");
    /** {@code ZSCORE}. */
    public static final byte[] ZSCORE = ascii("ZSCORE");
    /** {@code ZINCRBY}. */
    public static final byte[] ZINCRBY = ascii("ZINCRBY");
    /** {@code ZCARD}. */
    public static final byte[] ZCARD = ascii("ZCARD");

    // scripting
    /** {@code EVAL}. */
    public static final byte[] EVAL = ascii("EVAL");
    /** {@code EVALSHA}. */
    public static final byte[] EVALSHA = ascii("EVALSHA");
    /** {@code SCRIPT}. */
    public static final byte[] SCRIPT = ascii("SCRIPT");

    // pub/sub
    /** {@code PUBLISH}. */
    public static final byte[] PUBLISH = ascii("PUBLISH");
    /** {@code SPUBLISH} (sharded pub/sub). */
    public static final byte[] SPUBLISH = ascii("SPUBLISH");
    /** {@code SSUBSCRIBE} (sharded pub/sub). */
    public static final byte[] SSUBSCRIBE = ascii("SSUBSCRIBE");
    /** {@code SUNSUBSCRIBE} (sharded pub/sub). */
    public static final byte[] SUNSUBSCRIBE = ascii("SUNSUBSCRIBE");
    /** {@code SUBSCRIBE}. */
    public static final byte[] SUBSCRIBE = ascii("SUBSCRIBE");
    /** {@code PSUBSCRIBE}. */
    public static final byte[] PSUBSCRIBE = ascii("PSUBSCRIBE");
    /** {@code UNSUBSCRIBE}. */
    public static final byte[] UNSUBSCRIBE = ascii("UNSUBSCRIBE");
    /** {@code PUNSUBSCRIBE}. */
    public static final byte[] PUNSUBSCRIBE = ascii("PUNSUBSCRIBE");

    // transactions
    /** {@code MULTI}. */
    public static final byte[] MULTI = ascii("MULTI");
    /** {@code EXEC}. */
    public static final byte[] EXEC = ascii("EXEC");
    /** {@code DISCARD}. */
    public static final byte[] DISCARD = ascii("DISCARD");
    /** {@code WATCH}. */
    public static final byte[] WATCH = ascii("WATCH");
    /** {@code UNWATCH}. */
    public static final byte[] UNWATCH = ascii("UNWATCH");

    /** {@code EX}. */
    public static final byte[] EX = ascii("EX");
    /** {@code PX}. */
    public static final byte[] PX = ascii("PX");
    /** {@code EXAT}. */
    public static final byte[] EXAT = ascii("EXAT");
    /** {@code PXAT}. */
    public static final byte[] PXAT = ascii("PXAT");
    /** {@code NX}. */
    public static final byte[] NX = ascii("NX");
    /** {@code XX}. */
    public static final byte[] XX = ascii("XX");
    /** {@code KEEPTTL}. */
    public static final byte[] KEEPTTL = ascii("KEEPTTL");
    /** {@code GET} as the option of {@code SET}. */
    public static final byte[] GET_OPTION = GET;
    /** {@code PERSIST} as the option of {@code GETEX}. */
    public static final byte[] PERSIST_OPTION = PERSIST;
    /** {@code MATCH}. */
    public static final byte[] MATCH = ascii("MATCH");
    /** {@code COUNT}. */
    public static final byte[] COUNT = ascii("COUNT");
    /** {@code TYPE}. */
    public static final byte[] TYPE = ascii("TYPE");
    /** {@code SETNAME}. */
    public static final byte[] SETNAME = ascii("SETNAME");
    /** {@code TRACKING} (of {@code CLIENT}). */
    public static final byte[] TRACKING = ascii("TRACKING");
    /** {@code ON}. */
    public static final byte[] ON = ascii("ON");
    /** {@code ASYNC}. */
    public static final byte[] ASYNC = ascii("ASYNC");

    /** {@code BYSCORE}. */
    public static final byte[] BYSCORE = ascii("BYSCORE");
    /** {@code WITHSCORES}. */
    public static final byte[] WITHSCORES = ascii("WITHSCORES");
    /** {@code LIMIT}. */
    public static final byte[] LIMIT = ascii("LIMIT");
    /** {@code LOAD}. */
    public static final byte[] LOAD = ascii("LOAD");
    /** {@code FLUSH}. */
    public static final byte[] FLUSH = ascii("FLUSH");

    /** {@code ASKING} (cluster: the next command may touch a slot this node is importing). */
    public static final byte[] ASKING = ascii("ASKING");
    /** {@code CLUSTER}. */
    public static final byte[] CLUSTER = ascii("CLUSTER");
    /** {@code SHARDS} (of {@code CLUSTER}). */
    public static final byte[] SHARDS = ascii("SHARDS");
    /** {@code SLOTS} (of {@code CLUSTER}). */
    public static final byte[] SLOTS = ascii("SLOTS");

    /** The text of every constant above, so naming a command for metrics allocates nothing. */
    private static final Map<byte[], String> NAMES = new IdentityHashMap<>();

    static {
        for (Field field : Keyword.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == byte[].class) {
                try {
                    byte[] word = (byte[]) field.get(null);
                    NAMES.putIfAbsent(word, new String(word, StandardCharsets.US_ASCII));
                } catch (IllegalAccessException e) {
                    throw new ExceptionInInitializerError(e);
                }
            }
        }
    }

    /**
     * Names a command for messages and metrics.
     *
     * @param name a command name as bytes
     * @return its text; a shared constant for the names defined here
     */
    public static String nameOf(byte[] name) {
        String known = NAMES.get(name);
        return known != null ? known : new String(name, StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT);
    }
}
