package org.dragonflyclient.core.internal.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.dragonflyclient.core.CommandListener;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyInterruptedException;
import org.dragonflyclient.core.DragonflyTimeoutException;
import org.dragonflyclient.core.ScanPage;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;

/**
 * The commands a cluster client sends in parts, and how their replies are put back together:
 * <ul>
 *   <li>{@code MGET}, {@code MSET}, {@code DEL}, {@code UNLINK}, {@code EXISTS} over keys of more
 *       than one slot: one command per slot, all sent at once (each following its own
 *       redirections), values reassembled in the caller's key order, counts summed. A split
 *       {@code MSET} is not atomic: when a part fails, the other slots may have been written.</li>
 *   <li>{@code DBSIZE} (summed), {@code FLUSHDB}, {@code FLUSHALL}, {@code SCRIPT LOAD} and
 *       {@code SCRIPT FLUSH}: to every master.</li>
 *   <li>{@code SCAN}: one master after the other, in address order. The cursor handed to the
 *       caller is {@code nodeCursor@host:port}; {@code "0"} ends the walk after the last master.
 *       A slot that moves to an already-walked master during the walk may have keys missed.</li>
 * </ul>
 * The listener hears of such a command once, as the caller sees it: with the node of a
 * {@code SCAN} page, the one node all parts went to, or {@link CommandListener#SEVERAL_NODES}.
 */
final class ClusterFanOut {

    private final ClusterRouter router;
    private final ClusterNodes nodes;

    ClusterFanOut(ClusterRouter router, ClusterNodes nodes) {
        this.router = router;
        this.nodes = nodes;
    }

    /** @return whether the command is sent in parts */
    boolean handles(Command<?> command) {
        byte[] name = command.name();
        if (name == Keyword.DBSIZE || name == Keyword.FLUSHDB || name == Keyword.FLUSHALL || name == Keyword.SCAN) {
            return true;
        }
        if (name == Keyword.SCRIPT) {
            Object sub = command.args().length == 0 ? null : command.args()[0];
            return sub == Keyword.LOAD || sub == Keyword.FLUSH;
        }
        if (name == Keyword.MGET
                || name == Keyword.MSET
                || name == Keyword.DEL
                || name == Keyword.UNLINK
                || name == Keyword.EXISTS) {
            return spansSlots(CommandKeys.keys(command));
        }
        return false;
    }

    private static boolean spansSlots(List<Object> keys) {
        if (keys.size() < 2) {
            return false;
        }
        int first = CommandKeys.slotOf(keys.get(0));
        for (int i = 1; i < keys.size(); i++) {
            if (CommandKeys.slotOf(keys.get(i)) != first) {
                return true;
            }
        }
        return false;
    }

    /** Sends a command {@link #handles} accepts; its deadline is set. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(Command<T> command) {
        try {
            byte[] name = command.name();
            if (name == Keyword.SCAN) {
                return (CompletableFuture<T>) scan((Command<ScanPage<Object>>) (Command<?>) command);
            }
            if (name == Keyword.DBSIZE
                    || name == Keyword.FLUSHDB
                    || name == Keyword.FLUSHALL
                    || name == Keyword.SCRIPT) {
                return everyMaster(command, name == Keyword.DBSIZE);
            }
            return split(command);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---------------------------------------------------------------- split by slot

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> split(Command<T> command) {
        Object[] args = command.args();
        boolean pairs = command.name() == Keyword.MSET;
        int step = pairs ? 2 : 1;
        Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += step) {
            bySlot.computeIfAbsent(CommandKeys.slotOf(args[i]), s -> new ArrayList<>())
                    .add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(bySlot.values());
        List<Command<?>> commands = new ArrayList<>(groups.size());
        List<CompletableFuture<T>> parts = new ArrayList<>(groups.size());
        for (List<Integer> positions : groups) {
            Object[] partArgs = new Object[positions.size() * step];
            for (int j = 0; j < positions.size(); j++) {
                System.arraycopy(args, positions.get(j), partArgs, j * step, step);
            }
            commands.add(command.part(partArgs));
            parts.add(new CompletableFuture<>());
        }
        // Grouped by node: one write per node, not one per slot.
        NodeClient one = router.submitAll(commands, new ArrayList<>(parts));
        command.node(one != null ? one.address() : CommandListener.SEVERAL_NODES);
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> {
                    if (command.name() == Keyword.MGET) {
                        Object[] values = new Object[args.length];
                        for (int g = 0; g < groups.size(); g++) {
                            List<?> partValues = (List<?>) parts.get(g).join();
                            List<Integer> positions = groups.get(g);
                            for (int j = 0; j < positions.size(); j++) {
                                values[positions.get(j)] = partValues.get(j);
                            }
                        }
                        return (T) Arrays.asList(values);
                    }
                    if (pairs) {
                        return null;
                    }
                    long sum = 0;
                    for (CompletableFuture<T> part : parts) {
                        sum += (Long) part.join();
                    }
                    return (T) Long.valueOf(sum);
                });
    }

    // ---------------------------------------------------------------- every master

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> everyMaster(Command<T> command, boolean sum) {
        List<NodeClient> masters = nodes.masters();
        if (masters.isEmpty()) {
            nodes.master(CommandKeys.ANY); // throws: no master known
        }
        command.node(masters.size() == 1 ? masters.get(0).address() : CommandListener.SEVERAL_NODES);
        List<CompletableFuture<T>> parts = new ArrayList<>(masters.size());
        for (NodeClient master : masters) {
            parts.add(router.submitTo(master, command.part(command.args())));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> {
                    if (!sum) {
                        return parts.get(0).join(); // null, or SCRIPT LOAD's digest, the same everywhere
                    }
                    long total = 0;
                    for (CompletableFuture<T> part : parts) {
                        total += (Long) part.join();
                    }
                    return (T) Long.valueOf(total);
                });
    }

    // ---------------------------------------------------------------- scan

    private CompletableFuture<ScanPage<Object>> scan(Command<ScanPage<Object>> command) {
        Object[] args = command.args();
        String cursor = String.valueOf(args[0]);
        List<NodeClient> masters = new ArrayList<>(nodes.masters());
        masters.sort(Comparator.comparing(NodeClient::address));
        if (masters.isEmpty()) {
            nodes.master(CommandKeys.ANY); // throws: no master known
        }
        String nodeCursor;
        NodeClient node;
        if (cursor.equals("0")) {
            nodeCursor = "0";
            node = masters.get(0);
        } else {
            int at = cursor.indexOf('@');
            if (at <= 0) {
                throw new IllegalArgumentException("'" + cursor + "' is not a cursor of this cluster client's SCAN; "
                        + "start with \"0\" and pass back the cursor of the previous page (nodeCursor@host:port)");
            }
            nodeCursor = cursor.substring(0, at);
            String address = cursor.substring(at + 1);
            node = masters.stream()
                    .filter(m -> m.address().equals(address))
                    .findFirst()
                    .orElse(null);
            if (node == null) {
                // That master left during the walk: go on with the next one in address order.
                NodeClient next = after(masters, address);
                if (next == null) {
                    return CompletableFuture.completedFuture(new ScanPage<>("0", List.of()));
                }
                node = next;
                nodeCursor = "0";
            }
        }
        Object[] partArgs = args.clone();
        partArgs[0] = nodeCursor;
        NodeClient walked = node;
        command.node(walked.address());
        return router.submitTo(node, command.part(partArgs)).thenApply(page -> {
            if (!page.isLast()) {
                return new ScanPage<>(page.cursor() + "@" + walked.address(), page.keys());
            }
            NodeClient next = after(masters, walked.address());
            return new ScanPage<>(next == null ? "0" : "0@" + next.address(), page.keys());
        });
    }

    private static @Nullable NodeClient after(List<NodeClient> sorted, String address) {
        for (NodeClient node : sorted) {
            if (node.address().compareTo(address) > 0) {
                return node;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- waiting

    /** See {@link ClusterRouter#await}. */
    static <T> T await(CompletableFuture<T> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new DragonflyException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            throw new DragonflyTimeoutException(
                    "No reply from every cluster node involved within the command timeout; some parts may have run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragonflyInterruptedException("Interrupted while waiting for the cluster's replies");
        }
    }
}
