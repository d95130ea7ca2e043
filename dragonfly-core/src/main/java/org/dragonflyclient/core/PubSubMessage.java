package org.dragonflyclient.core;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One message received by a {@link PubSub}: the channel it was published on, the pattern that
 * matched it (for {@code PSUBSCRIBE} subscriptions), and its payload. Names and payload are kept
 * as the server sent them; the text accessors decode them as UTF-8.
 */
public final class PubSubMessage {

    private final byte[] channel;
    private final byte[] pattern;
    private final byte[] payload;

    /**
     * @param channel the channel
     * @param pattern the pattern that matched, {@code null} for a channel subscription
     * @param payload the message
     */
    public PubSubMessage(byte[] channel, byte @Nullable [] pattern, byte[] payload) {
        this.channel = channel;
        this.pattern = pattern;
        this.payload = payload;
    }

    /** @return the channel, as UTF-8 text */
    public String channel() {
        return new String(channel, StandardCharsets.UTF_8);
    }

    /** @return the channel as sent; the array is shared, do not modify it */
    public byte[] channelBytes() {
        return channel;
    }

    /** @return the pattern that matched, as UTF-8 text, or {@code null} for a channel subscription */
    public @Nullable String pattern() {
        return pattern == null ? null : new String(pattern, StandardCharsets.UTF_8);
    }

    /** @return the pattern that matched as sent, or {@code null}; the array is shared, do not modify it */
    public byte @Nullable [] patternBytes() {
        return pattern;
    }

    /** @return the message, as UTF-8 text */
    public String message() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** @return the message as sent; the array is shared, do not modify it */
    public byte[] messageBytes() {
        return payload;
    }

    @Override
    public String toString() {
        return "PubSubMessage[channel=" + channel() + (pattern == null ? "" : ", pattern=" + pattern()) + ", "
                + payload.length + " bytes]";
    }
}
