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

    public static final byte[] GET = ascii("GET");
    public static final byte[] SET = ascii("SET");
    public static final byte[] DEL = ascii("DEL");
    public static final byte[] UNLINK = ascii("UNLINK");
    public static final byte[] EXISTS = ascii("EXISTS");
    public static final byte[] MGET = ascii("MGET");
    public static final byte[] MSET = ascii("MSET");
    public static final byte[] EXPIRE = ascii("EXPIRE");
    public static final byte[] PEXPIRE = ascii("PEXPIRE");
    public static final byte[] TTL = ascii("TTL");
    public static final byte[] PTTL = ascii("PTTL");
    public static final byte[] PERSIST = ascii("PERSIST");
    public static final byte[] GETEX = ascii("GETEX");
    public static final byte[] GETDEL = ascii("GETDEL");
    public static final byte[] INCR = ascii("INCR");
    public static final byte[] INCRBY = ascii("INCRBY");
    public static final byte[] DECR = ascii("DECR");
    public static final byte[] DECRBY = ascii("DECRBY");
    public static final byte[] SCAN = ascii("SCAN");
    public static final byte[] PING = ascii("PING");
    public static final byte[] ECHO = ascii("ECHO");
    public static final byte[] INFO = ascii("INFO");
    public static final byte[] DBSIZE = ascii("DBSIZE");
    public static final byte[] FLUSHDB = ascii("FLUSHDB");
    public static final byte[] FLUSHALL = ascii("FLUSHALL");
    public static final byte[] HELLO = ascii("HELLO");
    public static final byte[] AUTH = ascii("AUTH");
    public static final byte[] CLIENT = ascii("CLIENT");
    public static final byte[] SELECT = ascii("SELECT");

    public static final byte[] EX = ascii("EX");
    public static final byte[] PX = ascii("PX");
    public static final byte[] EXAT = ascii("EXAT");
    public static final byte[] PXAT = ascii("PXAT");
    public static final byte[] NX = ascii("NX");
    public static final byte[] XX = ascii("XX");
    public static final byte[] KEEPTTL = ascii("KEEPTTL");
    public static final byte[] GET_OPTION = GET;
    public static final byte[] PERSIST_OPTION = PERSIST;
    public static final byte[] MATCH = ascii("MATCH");
    public static final byte[] COUNT = ascii("COUNT");
    public static final byte[] TYPE = ascii("TYPE");
    public static final byte[] SETNAME = ascii("SETNAME");
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
