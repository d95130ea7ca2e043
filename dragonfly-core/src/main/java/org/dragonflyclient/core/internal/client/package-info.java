/**
 * The implementations of the API. {@link org.dragonflyclient.core.internal.client.CommandDispatcher}
 * decides how every command travels (connection, deadline, listener); the {@code Sync*} and
 * {@code Async*} interfaces bind each command family's builder to a mode; the client, its async
 * view, pipelines and transactions implement the families they offer.
 */
@NullMarked
package org.dragonflyclient.core.internal.client;

import org.jspecify.annotations.NullMarked;
