package org.dragonflyclient.core;

/** The RESP protocol version a connection speaks. */
public enum Protocol {
    /** RESP2: every server. Pub/sub then needs a connection of its own. */
    RESP2,
    /**
     * RESP3 ({@code HELLO 3}): typed replies and push messages on the same connection. The client
     * asks for it first and falls back to RESP2 when the server refuses {@code HELLO}.
     */
    RESP3
}
