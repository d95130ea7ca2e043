package org.dragonflyclient.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Lua script and its SHA-1, computed here once. Pass it to
 * {@link ScriptingCommands#eval(Script, String[], String...)}: the client sends {@code EVALSHA}
 * (only the 40-character digest), and when the server answers {@code NOSCRIPT} (it restarted, or
 * someone ran {@code SCRIPT FLUSH}) it sends the source with {@code EVAL} by itself, which also
 * caches the script on the server again. Create scripts once and keep them in constants.
 *
 * <pre>{@code
 * static final Script INCR_IF_EXISTS = Script.of(
 *         "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end return nil");
 *
 * Reply r = client.eval(INCR_IF_EXISTS, new String[] {"counter"});
 * }</pre>
 *
 * <h2>Keys must be declared on Dragonfly</h2>
 * Pass every key a script touches in {@code KEYS}, never build key names inside the script or
 * pass them in {@code ARGV}. Redis tolerates undeclared keys outside cluster mode; Dragonfly, by
 * default, refuses them with {@code script tried accessing undeclared key}, because it locks
 * exactly the declared keys to run scripts in parallel. A script that cannot declare its keys
 * must opt out on its first line with Dragonfly's flag comment,
 * {@code --!df flags=allow-undeclared-keys} (Redis reads it as an ordinary comment; note that
 * Redis 7's {@code #!lua flags=...} shebang is a syntax error on Dragonfly), or the server must
 * run with {@code --default_lua_flags=allow-undeclared-keys}. Such scripts lock the whole
 * database while they run.
 */
public final class Script {

    private final String source;
    private final String sha;

    private Script(String source, String sha) {
        this.source = source;
        this.sha = sha;
    }

    /**
     * Creates a script and computes its SHA-1 as the server will.
     *
     * @param source the Lua source
     * @return the script
     * @throws IllegalArgumentException when the source is {@code null} or blank
     */
    public static Script of(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(
                    "A script needs Lua source, such as \"return redis.call('GET', KEYS[1])\"");
        }
        return new Script(source, sha1Hex(source));
    }

    /**
     * The SHA-1 of UTF-8 text in lower-case hexadecimal, as {@code SCRIPT LOAD} returns it.
     *
     * @param source the script source
     * @return 40 hexadecimal digits
     */
    static String sha1Hex(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(40);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK, but every JDK must provide it", e);
        }
    }

    /** @return the Lua source */
    public String source() {
        return source;
    }

    /** @return the SHA-1 of the source, lower-case hexadecimal, as {@code EVALSHA} expects it */
    public String sha() {
        return sha;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Script other && sha.equals(other.sha);
    }

    @Override
    public int hashCode() {
        return sha.hashCode();
    }

    @Override
    public String toString() {
        return "Script[" + sha + "]";
    }
}
