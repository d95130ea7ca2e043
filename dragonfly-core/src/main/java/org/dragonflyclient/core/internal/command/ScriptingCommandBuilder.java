package org.dragonflyclient.core.internal.command;

import java.util.List;

import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.Script;
import org.dragonflyclient.core.internal.output.BooleanListOutput;
import org.dragonflyclient.core.internal.output.LongOutput;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;
import org.dragonflyclient.core.internal.output.ValueDecoder;
import org.dragonflyclient.core.internal.output.ValueOutput;
import org.dragonflyclient.core.internal.output.VoidOutput;

/** Builds the scripting commands ({@code EVAL}, {@code EVALSHA}, {@code SCRIPT ...}) and {@code PUBLISH}. */
public final class ScriptingCommandBuilder {

    /** Shared: the builder holds no state. */
    public static final ScriptingCommandBuilder INSTANCE = new ScriptingCommandBuilder();

    private ScriptingCommandBuilder() {}

    /**
     * {@code EVAL script numkeys key [key ...] arg [arg ...]}.
     *
     * @param script the Lua source
     * @param keys the keys the script touches, {@code null} for none
     * @param args the other arguments, {@code null} for none
     * @return the command
     */
    public Command<Reply> eval(String script, Object[] keys, Object[] args) {
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("EVAL needs Lua source, such as \"return redis.call('GET', KEYS[1])\"");
        }
        return new Command<>(Keyword.EVAL, scriptArguments(script, keys, args), new ReplyTreeOutput());
    }

    /**
     * {@code EVALSHA} of a {@link Script}.
     *
     * @param script the script
     * @param keys the keys the script touches, {@code null} for none
     * @param args the other arguments, {@code null} for none
     * @return the command
     */
    public Command<Reply> evalsha(Script script, Object[] keys, Object[] args) {
        return evalsha(requireScript(script).sha(), keys, args);
    }

    /**
     * {@code EVAL} of a {@link Script}'s source: the fallback when the server does not know its SHA.
     *
     * @param script the script
     * @param keys the keys
     * @param args the arguments
     * @return the command
     */
    public Command<Reply> eval(Script script, Object[] keys, Object[] args) {
        return eval(requireScript(script).source(), keys, args);
    }

    private static Script requireScript(Script script) {
        if (script == null) {
            throw new IllegalArgumentException("script must not be null; create it once with Script.of(source)");
        }
        return script;
    }

    /**
     * {@code EVALSHA sha numkeys key [key ...] arg [arg ...]}.
     *
     * @param sha the SHA-1 of a script the server has cached
     * @param keys the keys the script touches, {@code null} for none
     * @param args the other arguments, {@code null} for none
     * @return the command
     */
    public Command<Reply> evalsha(String sha, Object[] keys, Object[] args) {
        if (sha == null || sha.length() != 40) {
            throw new IllegalArgumentException("EVALSHA needs the 40-digit SHA-1 of a script (from scriptLoad or "
                    + "Script.sha()), got " + (sha == null ? "null" : "'" + sha + "'"));
        }
        return new Command<>(Keyword.EVALSHA, scriptArguments(sha, keys, args), new ReplyTreeOutput());
    }

    private static Object[] scriptArguments(String scriptOrSha, Object[] keys, Object[] args) {
        int keyCount = keys == null ? 0 : keys.length;
        int argCount = args == null ? 0 : args.length;
        Object[] result = new Object[2 + keyCount + argCount];
        result[0] = scriptOrSha;
        result[1] = keyCount;
        for (int i = 0; i < keyCount; i++) {
            result[2 + i] = Arguments.notNull(keys[i], "script key " + i);
        }
        for (int i = 0; i < argCount; i++) {
            result[2 + keyCount + i] = Arguments.notNull(args[i], "script argument " + i);
        }
        return result;
    }

    /**
     * {@code SCRIPT LOAD script}.
     *
     * @param script the Lua source
     * @return the command, answering the script's SHA-1
     */
    public Command<String> scriptLoad(String script) {
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("SCRIPT LOAD needs Lua source");
        }
        return new Command<>(Keyword.SCRIPT, new Object[] {Keyword.LOAD, script}, new ValueOutput<>(ValueDecoder.UTF8));
    }

    /**
     * {@code SCRIPT EXISTS sha [sha ...]}.
     *
     * @param shas the SHA-1 digests
     * @return the command, answering one flag per digest
     */
    public Command<List<Boolean>> scriptExists(String[] shas) {
        Object[] checked = Arguments.keys(shas, "SCRIPT EXISTS");
        Object[] args = new Object[checked.length + 1];
        args[0] = Keyword.EXISTS;
        System.arraycopy(checked, 0, args, 1, checked.length);
        return new Command<>(Keyword.SCRIPT, args, new BooleanListOutput());
    }

    /**
     * {@code SCRIPT FLUSH}.
     *
     * @return the command
     */
    public Command<Void> scriptFlush() {
        return new Command<>(Keyword.SCRIPT, new Object[] {Keyword.FLUSH}, new VoidOutput());
    }

    /**
     * {@code PUBLISH channel message}.
     *
     * @param channel the channel
     * @param message the message
     * @return the command, answering how many subscribers received the message
     */
    public Command<Long> publish(Object channel, Object message) {
        return publish(Keyword.PUBLISH, channel, message);
    }

    /**
     * {@code PUBLISH} or {@code SPUBLISH channel message}.
     *
     * @param name {@link Keyword#PUBLISH} or {@link Keyword#SPUBLISH}
     * @param channel the channel
     * @param message the message
     * @return the command, answering how many subscribers received the message
     */
    public Command<Long> publish(byte[] name, Object channel, Object message) {
        return new Command<>(
                name,
                new Object[] {Arguments.notNull(channel, "channel"), Arguments.notNull(message, "message")},
                new LongOutput());
    }

    /**
     * Tells whether a failure is the server's {@code NOSCRIPT}: the script is not in its cache.
     *
     * @param failure a command's failure, possibly wrapped in a {@link java.util.concurrent.CompletionException}
     * @return {@code true} for {@code NOSCRIPT}
     */
    public static boolean isNoScript(Throwable failure) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof org.dragonflyclient.core.DragonflyServerException e
                && e.getErrorCode().equals("NOSCRIPT");
    }
}
