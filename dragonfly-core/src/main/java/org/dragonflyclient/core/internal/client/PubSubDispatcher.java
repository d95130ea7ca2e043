package org.dragonflyclient.core.internal.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.dragonflyclient.core.PubSub;
import org.dragonflyclient.core.PubSubListener;
import org.dragonflyclient.core.PubSubMessage;

/**
 * The listener side of a {@link PubSub}: a queue between the thread that reads the subscriber
 * connection and the one thread that calls the listeners, so a slow listener never holds up
 * reading. Messages count against a bound and are dropped beyond it (the newest first, as they
 * arrive); connection events ({@code disconnected}, {@code resubscribed}) are rare and always
 * queued, in order with the messages.
 */
final class PubSubDispatcher {

    private static final System.Logger LOG = System.getLogger(PubSub.class.getName());
    private static final Object STOP = new Object();

    private final List<PubSubListener> listeners = new CopyOnWriteArrayList<>();
    /** {@link PubSubMessage}s, events as {@code Consumer<PubSubListener>}, and {@link #STOP}. */
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    private final AtomicInteger queuedMessages = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int maxQueued;
    private final String address;
    private final Thread thread;
    private volatile boolean overflowing;
    private volatile boolean stopped;
    /** Only read and written by the listener thread. */
    private boolean listenerFailureLogged;

    PubSubDispatcher(int maxQueued, String address) {
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be at least 1, got " + maxQueued);
        }
        this.maxQueued = maxQueued;
        this.address = address;
        this.thread = new Thread(this::run, "dragonfly-pubsub-listener-" + address);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void addListener(PubSubListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
    }

    void removeListener(PubSubListener listener) {
        listeners.remove(listener);
    }

    long dropped() {
        return dropped.get();
    }

    /** Queues a message for the listeners, or drops it when {@code maxQueued} are already waiting. */
    void message(PubSubMessage message) {
        if (queuedMessages.incrementAndGet() > maxQueued) {
            queuedMessages.decrementAndGet();
            long total = dropped.incrementAndGet();
            if (!overflowing) {
                overflowing = true;
                LOG.log(
                        System.Logger.Level.WARNING,
                        () -> "Pub/sub listeners on " + address + " fall behind: "
                                + maxQueued + " messages are waiting, so new messages are dropped (" + total
                                + " so far). "
                                + "Make the listener faster, hand work to an executor, or open pubSub(maxQueuedMessages) "
                                + "with a larger bound");
            }
            return;
        }
        queue.add(message);
    }

    /** Queues a connection event, delivered in order with the messages. */
    void event(Consumer<PubSubListener> event) {
        queue.add(event);
    }

    /** Stops the thread; messages still queued are not delivered. */
    void stop() {
        stopped = true;
        queue.add(STOP);
    }

    @SuppressWarnings("unchecked")
    private void run() {
        while (!stopped) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP || stopped) {
                return;
            }
            if (item instanceof PubSubMessage message) {
                int waiting = queuedMessages.decrementAndGet();
                if (overflowing && waiting < maxQueued / 2) {
                    overflowing = false;
                    LOG.log(
                            System.Logger.Level.INFO,
                            () -> "Pub/sub listeners on " + address + " caught up; " + dropped.get()
                                    + " messages were dropped in all");
                }
                deliver(listener -> listener.message(message));
            } else {
                deliver((Consumer<PubSubListener>) item);
            }
        }
    }

    private void deliver(Consumer<PubSubListener> call) {
        for (PubSubListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                // A listener that fails on every message must not flood the log: one warning, then DEBUG.
                System.Logger.Level level =
                        listenerFailureLogged ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
                listenerFailureLogged = true;
                LOG.log(
                        level,
                        "A pub/sub listener on " + address + " failed; it keeps receiving messages "
                                + "(further listener failures are logged at DEBUG)",
                        e);
            }
        }
    }
}
