/**
 * Connections: one socket and its FIFO of commands awaiting replies, the writer that coalesces
 * concurrent commands into one write, the spin-then-park wait, the handshake ({@code HELLO},
 * credentials, database), the multiplexed pool with reconnection, the dedicated connections of
 * blocking commands, and the write deadline.
 */
@NullMarked
package org.dragonflyclient.core.internal.connection;

import org.jspecify.annotations.NullMarked;
