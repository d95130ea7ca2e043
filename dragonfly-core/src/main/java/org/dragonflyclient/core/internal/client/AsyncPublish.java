package org.dragonflyclient.core.internal.client;

import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.PubSubAsyncCommands;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ScriptingCommandBuilder;

/** {@code PUBLISH} of {@link PubSubAsyncCommands}, handed to {@link AsyncMode#send}. */
interface AsyncPublish extends PubSubAsyncCommands, AsyncMode {

    @Override
    default CompletableFuture<Long> publish(byte[] channel, byte[] message) {
        return send(ScriptingCommandBuilder.INSTANCE.publish(channel, message));
    }

    @Override
    default CompletableFuture<Long> publish(String channel, String message) {
        return send(ScriptingCommandBuilder.INSTANCE.publish(channel, message));
    }

    @Override
    default CompletableFuture<Long> spublish(byte[] channel, byte[] message) {
        return send(ScriptingCommandBuilder.INSTANCE.publish(Keyword.SPUBLISH, channel, message));
    }

    @Override
    default CompletableFuture<Long> spublish(String channel, String message) {
        return send(ScriptingCommandBuilder.INSTANCE.publish(Keyword.SPUBLISH, channel, message));
    }
}
