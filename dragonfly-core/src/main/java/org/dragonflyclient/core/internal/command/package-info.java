/**
 * Commands: {@link org.dragonflyclient.core.internal.command.Command} (a request and the future of
 * its reply), one builder per command family, the protocol's keywords, and
 * {@link org.dragonflyclient.core.internal.command.Arguments}, where every argument is checked
 * before anything is sent.
 */
@NullMarked
package org.dragonflyclient.core.internal.command;

import org.jspecify.annotations.NullMarked;
