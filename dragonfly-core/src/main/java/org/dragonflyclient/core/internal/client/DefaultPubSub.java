package org.dragonflyclient.core.internal.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyInterruptedException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.DragonflyTimeoutException;
import org.dragonflyclient.core.PubSub;
import org.dragonflyclient.core.PubSubListener;
import org.dragonflyclient.core.PubSubMessage;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.internal.cluster.SlotHash;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.connection.Connection;
import org.dragonflyclient.core.internal.connection.Connector;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;
import org.dragonflyclient.core.internal.resp.FrameHandler;
import org.dragonflyclient.core.internal.resp.ReplySink;

/**
 * A subscriber connection in subscriber mode ({@link Connection#readFramesUntilClosed}): every
 * frame the server sends on it is a subscription confirmation, a message, or an error, and
 * arrives here whatever the protocol (RESP3 push frames, RESP2 arrays).
 *
 * <p>The wanted channels and patterns are the source of truth: a change is recorded first, then
 * sent. Confirmations come back in the order requests were written; requests are written and
 * queued in {@link #pending} under one lock, so the head of the queue is always the request the
 * next confirmation belongs to. The reader thread reads until the connection closes, then reopens
 * it with backoff and subscribes to everything recorded before reading again.
 *
 * <p>Names are kept as ISO-8859-1 strings: one char per byte, so binary names survive intact and
 * compare by content.
 */
final class DefaultPubSub implements PubSub {

    private static final System.Logger LOG = System.getLogger(PubSub.class.getName());

    private final Connector connector;
    private final ClientOptions options;
    private final Consumer<DefaultPubSub> onClose;
    private final PubSubDispatcher dispatcher;
    private final Connection.Listener onClosed = this::connectionLost;
    private final Thread reader;

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final Set<String> channels = new LinkedHashSet<>();
    /** Guarded by {@link #lock}. */
    private final Set<String> patterns = new LinkedHashSet<>();
    /** Guarded by {@link #lock}. */
    private final Set<String> shardChannels = new LinkedHashSet<>();
    /**
     * Told of a shard channel the server unsubscribed by itself (its slot moved to another node);
     * a cluster subscriber subscribes it again where it went.
     */
    private volatile Consumer<String> onShardChannelLost = name -> {};
    /** Requests written and not fully confirmed, in write order; guarded by {@link #lock}. */
    private final ArrayDeque<Request> pending = new ArrayDeque<>();

    private volatile Connection connection;
    private volatile boolean closed;

    /** One (P)(UN)SUBSCRIBE awaiting one confirmation per name. */
    private static final class Request {
        final String kind;
        int remaining;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Request(String kind, int names) {
            this.kind = kind;
            this.remaining = names;
        }
    }

    private DefaultPubSub(Connector connector, int maxQueuedMessages, Consumer<DefaultPubSub> onClose) {
        this.connector = connector;
        this.options = connector.options();
        this.onClose = onClose;
        this.dispatcher = new PubSubDispatcher(maxQueuedMessages, options.address());
        this.reader = new Thread(this::readLoop, "dragonfly-pubsub-reader-" + options.address());
        this.reader.setDaemon(true);
    }

    static DefaultPubSub open(Connector connector, int maxQueuedMessages, Consumer<DefaultPubSub> onClose) {
        DefaultPubSub pubSub = new DefaultPubSub(connector, maxQueuedMessages, onClose);
        pubSub.connection = connector.open(pubSub.onClosed);
        pubSub.dispatcher.start();
        pubSub.reader.start();
        return pubSub;
    }

    @Override
    public void addListener(PubSubListener listener) {
        dispatcher.addListener(listener);
    }

    @Override
    public void removeListener(PubSubListener listener) {
        dispatcher.removeListener(listener);
    }

    // ---------------------------------------------------------------- subscribing

    @Override
    public void subscribe(String... channels) {
        change(Keyword.SUBSCRIBE, "subscribe", names(channels, "SUBSCRIBE"), this.channels, true);
    }

    @Override
    public void subscribe(byte[]... channels) {
        change(Keyword.SUBSCRIBE, "subscribe", names(channels, "SUBSCRIBE"), this.channels, true);
    }

    @Override
    public void psubscribe(String... patterns) {
        change(Keyword.PSUBSCRIBE, "psubscribe", names(patterns, "PSUBSCRIBE"), this.patterns, true);
    }

    @Override
    public void psubscribe(byte[]... patterns) {
        change(Keyword.PSUBSCRIBE, "psubscribe", names(patterns, "PSUBSCRIBE"), this.patterns, true);
    }

    @Override
    public void unsubscribe(String... channels) {
        change(Keyword.UNSUBSCRIBE, "unsubscribe", names(channels, "UNSUBSCRIBE"), this.channels, false);
    }

    @Override
    public void unsubscribe(byte[]... channels) {
        change(Keyword.UNSUBSCRIBE, "unsubscribe", names(channels, "UNSUBSCRIBE"), this.channels, false);
    }

    @Override
    public void punsubscribe(String... patterns) {
        change(Keyword.PUNSUBSCRIBE, "punsubscribe", names(patterns, "PUNSUBSCRIBE"), this.patterns, false);
    }

    @Override
    public void punsubscribe(byte[]... patterns) {
        change(Keyword.PUNSUBSCRIBE, "punsubscribe", names(patterns, "PUNSUBSCRIBE"), this.patterns, false);
    }

    @Override
    public void ssubscribe(String... channels) {
        ssubscribe(names(channels, "SSUBSCRIBE"));
    }

    @Override
    public void ssubscribe(byte[]... channels) {
        ssubscribe(names(channels, "SSUBSCRIBE"));
    }

    /** One {@code SSUBSCRIBE} per slot: a cluster refuses shard channels of several slots at once. */
    void ssubscribe(List<String> names) {
        for (List<String> sameSlot : bySlot(names)) {
            change(Keyword.SSUBSCRIBE, "ssubscribe", sameSlot, shardChannels, true);
        }
    }

    @Override
    public void sunsubscribe(String... channels) {
        sunsubscribe(names(channels, "SUNSUBSCRIBE"));
    }

    @Override
    public void sunsubscribe(byte[]... channels) {
        sunsubscribe(names(channels, "SUNSUBSCRIBE"));
    }

    void sunsubscribe(List<String> names) {
        for (List<String> sameSlot : bySlot(names)) {
            change(Keyword.SUNSUBSCRIBE, "sunsubscribe", sameSlot, shardChannels, false);
        }
    }

    /** Groups names (ISO-8859-1 keys) by hash slot, keeping their order. */
    static List<List<String>> bySlot(List<String> names) {
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        for (String name : names) {
            groups.computeIfAbsent(
                            SlotHash.slot(name.getBytes(StandardCharsets.ISO_8859_1)), s -> new java.util.ArrayList<>())
                    .add(name);
        }
        return List.copyOf(groups.values());
    }

    /**
     * Drops shard channels from what this subscriber restores after a reconnect, without telling
     * the server: their slot moved to another node, which a cluster subscriber subscribes them on.
     *
     * @param names the channels, as ISO-8859-1 keys
     */
    void forgetShardChannels(List<String> names) {
        lock.lock();
        try {
            shardChannels.removeAll(names);
        } finally {
            lock.unlock();
        }
    }

    /** @param listener told of each shard channel the server unsubscribed by itself */
    void onShardChannelLost(Consumer<String> listener) {
        this.onShardChannelLost = listener;
    }

    /** @return the channels, as ISO-8859-1 keys */
    List<String> channelKeys() {
        return snapshot(channels);
    }

    /** @return the patterns, as ISO-8859-1 keys */
    List<String> patternKeys() {
        return snapshot(patterns);
    }

    /**
     * Subscribes to what another subscriber had, as ISO-8859-1 keys; what cannot be confirmed now is
     * recorded and made after a reconnect.
     *
     * @param channelKeys the channels
     * @param patternKeys the patterns
     */
    void restore(List<String> channelKeys, List<String> patternKeys) {
        try {
            if (!channelKeys.isEmpty()) {
                change(Keyword.SUBSCRIBE, "subscribe", channelKeys, channels, true);
            }
            if (!patternKeys.isEmpty()) {
                change(Keyword.PSUBSCRIBE, "psubscribe", patternKeys, patterns, true);
            }
        } catch (DragonflyConnectionException | DragonflyTimeoutException e) {
            // Recorded: the reconnect subscribes them.
        }
    }

    /** @return the shard channels, as ISO-8859-1 keys */
    List<String> shardChannelKeys() {
        return snapshot(shardChannels);
    }

    /** Names as the ISO-8859-1 keys this class keeps, for a cluster subscriber that groups them. */
    static List<String> keys(Object[] names, String command) {
        return names(names, command);
    }

    @Override
    public void unsubscribeAll() {
        List<String> all = snapshot(channels);
        if (!all.isEmpty()) {
            change(Keyword.UNSUBSCRIBE, "unsubscribe", all, channels, false);
        }
    }

    @Override
    public void punsubscribeAll() {
        List<String> all = snapshot(patterns);
        if (!all.isEmpty()) {
            change(Keyword.PUNSUBSCRIBE, "punsubscribe", all, patterns, false);
        }
    }

    private List<String> snapshot(Set<String> names) {
        lock.lock();
        try {
            return List.copyOf(names);
        } finally {
            lock.unlock();
        }
    }

    /** Checks the names and turns them into distinct ISO-8859-1 keys, in order. */
    private static List<String> names(Object[] names, String command) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException(command + " needs at least one name");
        }
        Map<String, Boolean> distinct = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            Object name = names[i];
            if (name == null) {
                throw new IllegalArgumentException(command + " name " + i + " is null");
            }
            byte[] bytes = name instanceof byte[] b ? b : ((String) name).getBytes(StandardCharsets.UTF_8);
            distinct.put(new String(bytes, StandardCharsets.ISO_8859_1), Boolean.TRUE);
        }
        return List.copyOf(distinct.keySet());
    }

    private static Object[] wire(List<String> names) {
        Object[] args = new Object[names.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = names.get(i).getBytes(StandardCharsets.ISO_8859_1);
        }
        return args;
    }

    private void change(byte[] command, String kind, List<String> names, Set<String> wanted, boolean add) {
        if (closed) {
            throw new IllegalStateException("This subscriber is closed; open a new one with client.pubSub()");
        }
        Request request = null;
        lock.lock();
        try {
            if (add) {
                wanted.addAll(names);
            } else {
                wanted.removeAll(names);
            }
            Connection current = connection;
            if (current != null && current.isOpen()) {
                request = send(current, command, kind, names);
            }
        } finally {
            lock.unlock();
        }
        if (request == null) {
            if (add) {
                throw new DragonflyConnectionException(
                        "The subscriber is not connected to " + options.address()
                                + " (it is reconnecting); the subscription is recorded and will be made when the connection "
                                + "is restored. Call unsubscribe to drop it",
                        null);
            }
            return;
        }
        await(request, kind, names, wanted, add);
    }

    /** Writes a request and queues it for its confirmations; call under {@link #lock}. */
    private Request send(Connection current, byte[] command, String kind, List<String> names) {
        Request request = new Request(kind, names.size());
        pending.add(request);
        try {
            current.send(command, wire(names));
        } catch (DragonflyException e) {
            pending.remove(request);
            request.done.completeExceptionally(e);
        }
        return request;
    }

    private void await(Request request, String kind, List<String> names, Set<String> wanted, boolean add) {
        try {
            request.done.get(options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new DragonflyTimeoutException(
                    "The server did not confirm " + kind.toUpperCase(java.util.Locale.ROOT)
                            + " within the command timeout; the change is recorded and applies after a reconnect at the latest");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragonflyInterruptedException(
                    "Interrupted while waiting for the server to confirm " + kind.toUpperCase(java.util.Locale.ROOT));
        } catch (ExecutionException e) {
            if (add && e.getCause() instanceof DragonflyServerException) {
                // Refused (an ACL, say): do not try again after every reconnect.
                lock.lock();
                try {
                    wanted.removeAll(names);
                } finally {
                    lock.unlock();
                }
            }
            throw e.getCause() instanceof RuntimeException r ? r : new DragonflyException(e.getMessage(), e.getCause());
        }
    }

    // ---------------------------------------------------------------- reading

    private final FrameHandler frames = new FrameHandler() {
        private ReplyTreeOutput frame;

        @Override
        public ReplySink beginFrame(boolean push) {
            frame = new ReplyTreeOutput();
            return frame;
        }

        @Override
        public void endFrame(boolean push) {
            ReplyTreeOutput done = frame;
            frame = null;
            try {
                onFrame(done);
            } catch (RuntimeException e) {
                // The frame was read whole, so the stream is still in step: skip it and go on.
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Skipped a malformed frame on the subscriber connection to " + options.address(),
                        e);
            }
        }
    };

    private void onFrame(ReplyTreeOutput frame) {
        RuntimeException error = frame.topLevelFailure();
        if (error != null) {
            complete(null, error);
            return;
        }
        Reply reply = frame.value();
        if (!(reply instanceof Reply.Aggregate aggregate)
                || aggregate.elements().size() < 2) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> "Ignoring unexpected frame on the subscriber connection: " + reply);
            return;
        }
        List<Reply> e = aggregate.elements();
        String kind = e.get(0).asString();
        switch (kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT)) {
            case "message" -> dispatcher.message(new PubSubMessage(bytes(e.get(1)), null, bytes(e.get(2))));
            case "pmessage" -> dispatcher.message(new PubSubMessage(bytes(e.get(2)), bytes(e.get(1)), bytes(e.get(3))));
            case "smessage" -> dispatcher.message(new PubSubMessage(bytes(e.get(1)), null, bytes(e.get(2))));
            case "subscribe", "psubscribe", "unsubscribe", "punsubscribe", "ssubscribe" -> complete(kind, null);
            case "sunsubscribe" -> {
                if (!complete(kind, null)) {
                    shardChannelLost(new String(bytes(e.get(1)), StandardCharsets.ISO_8859_1));
                }
            }
            default ->
                LOG.log(System.Logger.Level.DEBUG, () -> "Ignoring " + kind + " frame on the subscriber connection");
        }
    }

    private static byte[] bytes(Reply reply) {
        return reply instanceof Reply.Bulk bulk
                ? bulk.value()
                : String.valueOf(reply.asString()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The server unsubscribed a shard channel without being asked: its slot moved to another node
     * (Redis 7 does this when a slot migrates). It is no longer restored here; a cluster subscriber
     * subscribes it where it went.
     */
    private void shardChannelLost(String name) {
        boolean wanted;
        lock.lock();
        try {
            wanted = shardChannels.remove(name);
        } finally {
            lock.unlock();
        }
        if (wanted) {
            LOG.log(
                    System.Logger.Level.INFO,
                    () -> "The server at " + options.address() + " unsubscribed shard channel "
                            + new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                            + " (its slot moved)");
            onShardChannelLost.accept(name);
        }
    }

    /**
     * A confirmation ({@code kind}) or an error reply for the request at the head of the queue.
     *
     * @return {@code false} when no request was waiting for it
     */
    private boolean complete(String kind, RuntimeException error) {
        Request done = null;
        lock.lock();
        try {
            Request head = pending.peek();
            if (head == null || (error == null && !head.kind.equalsIgnoreCase(kind))) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> "Unsolicited " + (error != null ? error.getMessage() : kind)
                                + " on the subscriber connection");
                return false;
            }
            if (error != null || --head.remaining == 0) {
                done = pending.poll();
            }
        } finally {
            lock.unlock();
        }
        if (done != null) {
            if (error != null) {
                done.done.completeExceptionally(error);
            } else {
                done.done.complete(null);
            }
        }
        return true;
    }

    private void readLoop() {
        while (!closed) {
            Connection current = connection;
            try {
                if (current != null && current.isOpen()) {
                    current.readFramesUntilClosed(frames);
                } else {
                    reconnect();
                }
            } catch (RuntimeException e) {
                // Never let the reader die: drop the connection and let the next turn reconnect.
                LOG.log(System.Logger.Level.WARNING, "Subscriber reader for " + options.address() + " failed", e);
                if (current != null) {
                    current.close();
                }
                LockSupport.parkNanos(this, options.reconnectDelay().toNanos());
            }
        }
    }

    private void connectionLost(Connection lost, DragonflyException reason) {
        lock.lock();
        try {
            if (connection == lost) {
                failPending(reason);
            }
        } finally {
            lock.unlock();
        }
        if (!closed) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> "Lost the subscriber connection to " + options.address() + ": " + reason.getMessage()
                            + "; reconnecting and subscribing again");
            dispatcher.event(listener -> listener.disconnected(reason));
        }
    }

    /** Fails the requests still waiting for confirmations; call under {@link #lock}. */
    private void failPending(DragonflyException reason) {
        for (Request r; (r = pending.poll()) != null; ) {
            r.done.completeExceptionally(reason);
        }
    }

    /** Opens a new connection with backoff and subscribes it to everything recorded. */
    private void reconnect() {
        long delay = options.reconnectDelay().toNanos();
        long maxDelay = options.maxReconnectDelay().toNanos();
        while (!closed) {
            try {
                Connection fresh = connector.open(onClosed);
                List<Request> restore = new java.util.ArrayList<>(2);
                lock.lock();
                try {
                    if (closed) {
                        fresh.close();
                        return;
                    }
                    failPending(new DragonflyConnectionException(
                            "The subscriber connection to " + options.address()
                                    + " was replaced before the server confirmed",
                            null,
                            true));
                    connection = fresh;
                    if (!channels.isEmpty()) {
                        restore.add(send(fresh, Keyword.SUBSCRIBE, "subscribe", List.copyOf(channels)));
                    }
                    if (!patterns.isEmpty()) {
                        restore.add(send(fresh, Keyword.PSUBSCRIBE, "psubscribe", List.copyOf(patterns)));
                    }
                    for (List<String> sameSlot : bySlot(List.copyOf(shardChannels))) {
                        restore.add(send(fresh, Keyword.SSUBSCRIBE, "ssubscribe", sameSlot));
                    }
                } finally {
                    lock.unlock();
                }
                CompletableFuture.allOf(restore.stream().map(r -> r.done).toArray(CompletableFuture[]::new))
                        .whenComplete((ok, failure) -> {
                            if (failure == null) {
                                LOG.log(
                                        System.Logger.Level.INFO,
                                        () -> "Subscriber reconnected to " + options.address());
                                dispatcher.event(PubSubListener::resubscribed);
                            }
                        });
                return;
            } catch (DragonflyException e) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> "Subscriber reconnect to " + options.address() + " failed: " + e.getMessage());
                LockSupport.parkNanos(this, delay);
                delay = Math.min(maxDelay, delay * 2);
            }
        }
    }

    // ---------------------------------------------------------------- state

    @Override
    public Set<String> channels() {
        return decoded(channels);
    }

    @Override
    public Set<String> patterns() {
        return decoded(patterns);
    }

    @Override
    public Set<String> shardChannels() {
        return decoded(shardChannels);
    }

    private Set<String> decoded(Set<String> names) {
        Set<String> text = new LinkedHashSet<>();
        for (String name : snapshot(names)) {
            text.add(new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return text;
    }

    @Override
    public boolean isConnected() {
        Connection current = connection;
        return !closed && current != null && current.isOpen();
    }

    @Override
    public long droppedMessages() {
        return dispatcher.dropped();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection current = connection;
        if (current != null) {
            current.close();
        }
        LockSupport.unpark(reader);
        dispatcher.stop();
        lock.lock();
        try {
            failPending(new DragonflyConnectionException("The subscriber was closed", null));
        } finally {
            lock.unlock();
        }
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "PubSub[" + options.address() + ", " + (isConnected() ? "connected" : "disconnected") + "]";
    }
}
