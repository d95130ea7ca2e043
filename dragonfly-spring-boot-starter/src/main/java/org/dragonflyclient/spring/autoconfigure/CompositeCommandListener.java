package org.dragonflyclient.spring.autoconfigure;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.dragonflyclient.core.CommandListener;

/**
 * Hands each completed command to every {@link CommandListener} bean. The client takes one
 * listener; this lets metrics and the application's own listeners coexist. A listener that
 * throws is logged, never allowed to fail the command.
 */
final class CompositeCommandListener implements CommandListener {

    private static final Log logger = LogFactory.getLog(CompositeCommandListener.class);

    private final CommandListener[] listeners;

    private CompositeCommandListener(List<CommandListener> listeners) {
        this.listeners = listeners.toArray(new CommandListener[0]);
    }

    static CommandListener of(List<CommandListener> listeners) {
        if (listeners.isEmpty()) {
            return CommandListener.NONE;
        }
        return listeners.size() == 1 ? listeners.get(0) : new CompositeCommandListener(listeners);
    }

    @Override
    public void commandCompleted(String command, long durationNanos, Throwable failure) {
        commandCompleted(command, null, durationNanos, failure);
    }

    /** The client calls this one: each listener hears the node too (a cluster's, {@code null} otherwise). */
    @Override
    public void commandCompleted(String command, String node, long durationNanos, Throwable failure) {
        for (CommandListener listener : listeners) {
            try {
                listener.commandCompleted(command, node, durationNanos, failure);
            } catch (RuntimeException e) {
                logger.warn("CommandListener " + listener + " failed on " + command, e);
            }
        }
    }
}
