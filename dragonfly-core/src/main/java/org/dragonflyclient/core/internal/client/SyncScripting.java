package org.dragonflyclient.core.internal.client;

import java.util.List;

import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.Script;
import org.dragonflyclient.core.ScriptingCommands;
import org.dragonflyclient.core.internal.command.ScriptingCommandBuilder;

/**
 * The scripting commands of {@link ScriptingCommands}: each builds its command with
 * {@link ScriptingCommandBuilder} and waits for its reply through {@link SyncMode#call}.
 */
interface SyncScripting extends ScriptingCommands, SyncMode {

    /** Shared, stateless. */
    ScriptingCommandBuilder SCRIPTS = ScriptingCommandBuilder.INSTANCE;

    @Override
    default Reply eval(String script, byte[][] keys, byte[]... args) {
        return call(SCRIPTS.eval(script, keys, args));
    }

    @Override
    default Reply eval(String script, String[] keys, String... args) {
        return call(SCRIPTS.eval(script, keys, args));
    }

    @Override
    default Reply evalsha(String sha, byte[][] keys, byte[]... args) {
        return call(SCRIPTS.evalsha(sha, keys, args));
    }

    @Override
    default Reply evalsha(String sha, String[] keys, String... args) {
        return call(SCRIPTS.evalsha(sha, keys, args));
    }

    @Override
    default Reply eval(Script script, byte[][] keys, byte[]... args) {
        return evalScript(script, keys, args);
    }

    @Override
    default Reply eval(Script script, String[] keys, String... args) {
        return evalScript(script, keys, args);
    }

    /** {@code EVALSHA}, and {@code EVAL} when the server does not know the script (it did not run). */
    private Reply evalScript(Script script, Object[] keys, Object[] args) {
        try {
            return call(SCRIPTS.evalsha(script, keys, args));
        } catch (DragonflyServerException e) {
            if (!ScriptingCommandBuilder.isNoScript(e)) {
                throw e;
            }
            return call(SCRIPTS.eval(script, keys, args));
        }
    }

    @Override
    default String scriptLoad(String script) {
        return call(SCRIPTS.scriptLoad(script));
    }

    @Override
    default List<Boolean> scriptExists(String... shas) {
        return call(SCRIPTS.scriptExists(shas));
    }

    @Override
    default void scriptFlush() {
        call(SCRIPTS.scriptFlush());
    }
}
