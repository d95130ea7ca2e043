package org.dragonflyclient.core;

/**
 * The synchronous commands. Each call blocks until its reply arrives or the command timeout
 * passes. Every key and value command has a binary form ({@code byte[]} keys and values, returned
 * as {@code byte[]}) and a text form ({@code String}, encoded and decoded as UTF-8).
 *
 * <p>Absent values are {@code null}, never an empty array. Every method may throw
 * {@link DragonflyConnectionException}, {@link DragonflyTimeoutException},
 * {@link DragonflyServerException} (for example {@code WRONGTYPE}) or
 * {@link DragonflyInterruptedException}; {@link IllegalArgumentException} means the arguments were
 * wrong and nothing was sent.
 *
 * <p>Each command family has an interface of its own: {@link StringCommands},
 * {@link KeyCommands}, {@link HashCommands}, {@link ListCommands}, {@link SetCommands},
 * {@link SortedSetCommands}, {@link ScriptingCommands}, {@link PubSubCommands} and
 * {@link ServerCommands}. Subscriptions and transactions have objects of their own:
 * {@link DragonflyClient#pubSub()} and {@link DragonflyClient#transaction()}.
 */
public interface DragonflyCommands
        extends StringCommands,
                KeyCommands,
                HashCommands,
                ListCommands,
                SetCommands,
                SortedSetCommands,
                ScriptingCommands,
                PubSubCommands,
                ServerCommands {}
