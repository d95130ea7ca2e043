package org.dragonflyclient.core.command;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/** Command names and option words, encoded once as ASCII bytes so no command re-encodes them. */
public final class Keyword {

    private Keyword() {
    }

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
    /** {@code ASYNC}. */
    public static final byte[] ASYNC = ascii("ASYNC");

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
