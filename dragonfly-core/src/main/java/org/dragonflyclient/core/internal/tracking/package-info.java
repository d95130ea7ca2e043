/**
 * Client-side caching on top of server-assisted invalidation: the fan-out of the invalidation
 * stream to the user's listener and to every near cache, the near cache's race guard
 * ({@link org.dragonflyclient.core.internal.tracking.DefaultNearCache}), and the core's bounded
 * store.
 */
@NullMarked
package org.dragonflyclient.core.internal.tracking;

import org.jspecify.annotations.NullMarked;
