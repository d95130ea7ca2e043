package org.dragonflyclient.core.internal.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.Script;
import org.dragonflyclient.core.ScriptingAsyncCommands;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.ScriptingCommandBuilder;

/**
 * The scripting commands of {@link ScriptingAsyncCommands}: each builds its command with
 * {@link ScriptingCommandBuilder} and hands it to {@link AsyncMode#send}.
 */
interface AsyncScripting extends ScriptingAsyncCommands, AsyncMode {

    /** Shared, stateless. */
    ScriptingCommandBuilder SCRIPTS = ScriptingCommandBuilder.INSTANCE;

    @Override
    default CompletableFuture<Reply> eval(String script, byte[][] keys, byte[]... args) {
        return send(SCRIPTS.eval(script, keys, args));
    }

    @Override
    default CompletableFuture<Reply> eval(String script, String[] keys, String... args) {
        return send(SCRIPTS.eval(script, keys, args));
    }

    @Override
    default CompletableFuture<Reply> evalsha(String sha, byte[][] keys, byte[]... args) {
        return send(SCRIPTS.evalsha(sha, keys, args));
    }

    @Override
    default CompletableFuture<Reply> evalsha(String sha, String[] keys, String... args) {
        return send(SCRIPTS.evalsha(sha, keys, args));
    }

    @Override
    default CompletableFuture<Reply> eval(Script script, byte[][] keys, byte[]... args) {
        return evalScript(script, keys, args);
    }

    @Override
    default CompletableFuture<Reply> eval(Script script, String[] keys, String... args) {
        return evalScript(script, keys, args);
    }

    /**
     * Sends a script by SHA-1 and, when the server answers {@code NOSCRIPT} (the script did not
     * run), by source through {@link #sendFallback}. A transaction overrides this: nothing can be
     * retried inside {@code EXEC}, so it queues the source from the start.
     *
     * @param script the script
     * @param keys the keys
     * @param args the arguments
     * @return the future of the script's result
     */
    default CompletableFuture<Reply> evalScript(Script script, Object[] keys, Object[] args) {
        Command<Reply> bySha = SCRIPTS.evalsha(script, keys, args);
        Command<Reply> bySource = SCRIPTS.eval(script, keys, args);
        return send(bySha)
                .exceptionallyCompose(failure -> ScriptingCommandBuilder.isNoScript(failure)
                        ? sendFallback(bySource)
                        : CompletableFuture.failedFuture(failure));
    }

    /**
     * Sends the {@code EVAL} fallback of {@link #evalScript}: like any command, but a pipeline sends
     * it on its own, since the batch it came from has been written.
     *
     * @param command the fallback
     * @param <T> its reply type
     * @return the future of its reply
     */
    default <T> CompletableFuture<T> sendFallback(Command<T> command) {
        return send(command);
    }

    @Override
    default CompletableFuture<String> scriptLoad(String script) {
        return send(SCRIPTS.scriptLoad(script));
    }

    @Override
    default CompletableFuture<List<Boolean>> scriptExists(String... shas) {
        return send(SCRIPTS.scriptExists(shas));
    }

    @Override
    default CompletableFuture<Void> scriptFlush() {
        return send(SCRIPTS.scriptFlush());
    }
}
