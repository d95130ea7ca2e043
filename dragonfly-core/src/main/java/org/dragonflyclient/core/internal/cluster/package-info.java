/**
 * What a cluster client needs to know before it can route: the hash slot of a key
 * ({@link org.dragonflyclient.core.internal.cluster.SlotHash}) and which node serves each slot
 * ({@link org.dragonflyclient.core.internal.cluster.ClusterTopology}, parsed from
 * {@code CLUSTER SHARDS} or {@code CLUSTER SLOTS}). Nothing in the API uses it yet.
 */
@NullMarked
package org.dragonflyclient.core.internal.cluster;

import org.jspecify.annotations.NullMarked;
