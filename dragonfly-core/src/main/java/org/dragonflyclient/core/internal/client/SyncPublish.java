package org.dragonflyclient.core.internal.client;

import org.dragonflyclient.core.PubSubCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ScriptingCommandBuilder;

/**
 * {@code PUBLISH} of {@link PubSubCommands}, waiting for its reply through {@link SyncMode#call}.
 * Subscriptions have an object of their own ({@link DefaultPubSub}).
 */
interface SyncPublish extends PubSubCommands, SyncMode {

    @Override
    default long publish(byte[] channel, byte[] message) {
        return call(ScriptingCommandBuilder.INSTANCE.publish(channel, message));
    }

    @Override
    default long publish(String channel, String message) {
        return call(ScriptingCommandBuilder.INSTANCE.publish(channel, message));
    }

    @Override
    default long spublish(byte[] channel, byte[] message) {
        return call(ScriptingCommandBuilder.INSTANCE.publish(Keyword.SPUBLISH, channel, message));
    }

    @Override
    default long spublish(String channel, String message) {
        return call(ScriptingCommandBuilder.INSTANCE.publish(Keyword.SPUBLISH, channel, message));
    }
}
