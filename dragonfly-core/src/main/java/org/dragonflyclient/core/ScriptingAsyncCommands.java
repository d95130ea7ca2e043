package org.dragonflyclient.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous forms of {@link ScriptingCommands}: the same commands, arguments and results,
 * as futures. Part of {@link DragonflyAsyncCommands}, which says how futures complete and fail.
 * The {@link ScriptingCommands} notes on declaring keys for Dragonfly apply here too.
 *
 * <p>{@code eval(Script, ...)} falls back to {@code EVAL} on {@code NOSCRIPT} by itself. In a
 * {@link Pipeline} the fallback is sent on its own after the failed {@code EVALSHA}, so its future
 * may complete after {@link Pipeline#sync()} returns; in a {@link Transaction} the script is sent
 * with {@code EVAL} from the start, since a failed command cannot be retried inside {@code EXEC}.
 */
public interface ScriptingAsyncCommands {

    /**
     * {@code EVAL script numkeys key [key ...] arg [arg ...]}: sends the whole source.
     *
     * @param script the Lua source
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return a future of the script's result
     */
    CompletableFuture<Reply> eval(String script, byte[][] keys, byte[]... args);

    /**
     * {@code EVAL script numkeys key [key ...] arg [arg ...]}, with text keys and arguments.
     *
     * @param script the Lua source
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return a future of the script's result
     */
    CompletableFuture<Reply> eval(String script, String[] keys, String... args);

    /**
     * {@code EVALSHA sha numkeys key [key ...] arg [arg ...]}: runs a script the server has cached.
     *
     * @param sha the script's SHA-1, from {@link #scriptLoad(String)} or {@link Script#sha()}
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return a future of the script's result; it fails with a {@link DragonflyServerException} whose
     *     code is {@code NOSCRIPT} when the server does not have the script
     */
    CompletableFuture<Reply> evalsha(String sha, byte[][] keys, byte[]... args);

    /**
     * {@code EVALSHA sha numkeys key [key ...] arg [arg ...]}, with text keys and arguments.
     *
     * @param sha the script's SHA-1, from {@link #scriptLoad(String)} or {@link Script#sha()}
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return a future of the script's result; it fails with a {@link DragonflyServerException} whose
     *     code is {@code NOSCRIPT} when the server does not have the script
     */
    CompletableFuture<Reply> evalsha(String sha, String[] keys, String... args);

    /**
     * Runs a script by its SHA-1 ({@code EVALSHA}); when the server answers {@code NOSCRIPT},
     * sends it again with {@code EVAL}, which runs it and caches it on the server. The script runs
     * once either way: {@code NOSCRIPT} means it did not run.
     *
     * @param script the script
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return a future of the script's result
     */
    CompletableFuture<Reply> eval(Script script, byte[][] keys, byte[]... args);

    /**
     * Runs a script by its SHA-1 and falls back to {@code EVAL} on {@code NOSCRIPT}, with text keys
     * and arguments; see {@link #eval(Script, byte[][], byte[]...)}.
     *
     * @param script the script
     * @param keys every key the script touches; an empty array for none
     * @param args the other arguments, as {@code ARGV}
     * @return a future of the script's result
     */
    CompletableFuture<Reply> eval(Script script, String[] keys, String... args);

    /**
     * {@code SCRIPT LOAD script}: caches a script on the server without running it.
     *
     * @param script the Lua source
     * @return a future of its SHA-1, for {@code EVALSHA}
     */
    CompletableFuture<String> scriptLoad(String script);

    /**
     * {@code SCRIPT EXISTS sha [sha ...]}.
     *
     * @param shas SHA-1 digests, at least one
     * @return a future of for each digest, in order, whether the server has the script cached
     */
    CompletableFuture<List<Boolean>> scriptExists(String... shas);

    /**
     * {@code SCRIPT FLUSH}: empties the server's script cache.
     *
     * @return a future completed when the server has answered
     */
    CompletableFuture<Void> scriptFlush();
}
