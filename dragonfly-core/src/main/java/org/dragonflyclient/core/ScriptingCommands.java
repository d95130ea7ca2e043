package org.dragonflyclient.core;

import java.util.List;

/**
 * Lua scripting. Part of {@link DragonflyCommands}, whose conventions apply; the asynchronous
 * forms are in {@link ScriptingAsyncCommands}.
 *
 * <p>Prefer {@link #eval(Script, String[], String...)} with a {@link Script} constant: it sends
 * only the SHA-1 and falls back to the source by itself when the server does not know it.
 *
 * <p><b>Dragonfly refuses undeclared keys.</b> Pass every key a script reads or writes in
 * {@code keys}: by default Dragonfly fails a script that touches any other key with
 * {@code script tried accessing undeclared key}. See {@link Script} for the
 * {@code --!df flags=allow-undeclared-keys} escape hatch.
 *
 * <p>Script results come back as a {@link Reply}: Lua numbers as {@link Reply.Integer}, strings as
 * {@link Reply.Bulk}, tables as {@link Reply.Aggregate}, {@code false}/{@code nil} as
 * {@link Reply#NULL}; an error raised by the script throws {@link DragonflyServerException}.
 */
public interface ScriptingCommands {

    /**
     * {@code EVAL script numkeys key [key ...] arg [arg ...]}: sends the whole source.
     *
     * @param script the Lua source
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return the script's result
     */
    Reply eval(String script, byte[][] keys, byte[]... args);

    /**
     * {@code EVAL script numkeys key [key ...] arg [arg ...]}, with text keys and arguments.
     *
     * @param script the Lua source
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return the script's result
     */
    Reply eval(String script, String[] keys, String... args);

    /**
     * {@code EVALSHA sha numkeys key [key ...] arg [arg ...]}: runs a script the server has cached.
     *
     * @param sha the script's SHA-1, from {@link #scriptLoad(String)} or {@link Script#sha()}
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return the script's result
     * @throws DragonflyServerException with code {@code NOSCRIPT} when the server does not have the
     *     script (use {@link #eval(Script, byte[][], byte[]...)} to fall back automatically)
     */
    Reply evalsha(String sha, byte[][] keys, byte[]... args);

    /**
     * {@code EVALSHA sha numkeys key [key ...] arg [arg ...]}, with text keys and arguments.
     *
     * @param sha the script's SHA-1, from {@link #scriptLoad(String)} or {@link Script#sha()}
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return the script's result
     * @throws DragonflyServerException with code {@code NOSCRIPT} when the server does not have the
     *     script (use {@link #eval(Script, String[], String...)} to fall back automatically)
     */
    Reply evalsha(String sha, String[] keys, String... args);

    /**
     * Runs a script by its SHA-1 ({@code EVALSHA}); when the server answers {@code NOSCRIPT},
     * sends it again with {@code EVAL}, which runs it and caches it on the server. The script runs
     * once either way: {@code NOSCRIPT} means it did not run.
     *
     * @param script the script
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return the script's result
     */
    Reply eval(Script script, byte[][] keys, byte[]... args);

    /**
     * Runs a script by its SHA-1 and falls back to {@code EVAL} on {@code NOSCRIPT}, with text keys
     * and arguments; see {@link #eval(Script, byte[][], byte[]...)}.
     *
     * @param script the script
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return the script's result
     */
    Reply eval(Script script, String[] keys, String... args);

    /**
     * {@code SCRIPT LOAD script}: caches a script on the server without running it.
     *
     * @param script the Lua source
     * @return its SHA-1, for {@code EVALSHA}
     */
    String scriptLoad(String script);

    /**
     * {@code SCRIPT EXISTS sha [sha ...]}.
     *
     * @param shas SHA-1 digests, at least one
     * @return for each digest, in order, whether the server has the script cached
     */
    List<Boolean> scriptExists(String... shas);

    /** {@code SCRIPT FLUSH}: empties the server's script cache. */
    void scriptFlush();
}
