/**
 * The client's API, the only exported package: {@link org.dragonflyclient.core.DragonflyClient}
 * and its {@link org.dragonflyclient.core.ClientOptions}, one interface per command family and mode
 * (synchronous {@code *Commands}, asynchronous {@code *AsyncCommands}), pipelines, transactions,
 * pub/sub, argument and reply types, and the exceptions. Nothing here depends on
 * {@code internal}: those packages may change in any release.
 */
@NullMarked
package org.dragonflyclient.core;

import org.jspecify.annotations.NullMarked;
