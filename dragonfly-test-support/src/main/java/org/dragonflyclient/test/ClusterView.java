package org.dragonflyclient.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One node's {@code CLUSTER NODES} answer, parsed: who is master or replica of whom and which
 * master serves which slots. The text is the same in Redis 6.2 and 7 ({@code ip:port@cport}, in
 * 7 optionally followed by {@code ,hostname}); slots being migrated ({@code [slot->-id]}) are
 * skipped.
 *
 * @param entries one per line
 */
record ClusterView(List<Entry> entries) {

    /**
     * One line.
     *
     * @param id the node id
     * @param port the client port
     * @param flags such as {@code myself}, {@code master}, {@code slave}, {@code fail?}, {@code fail}
     * @param masterId the master's id for a replica, {@code "-"} for a master
     * @param slots inclusive ranges as {@code [start, end]} pairs
     */
    record Entry(String id, int port, Set<String> flags, String masterId, List<int[]> slots) {

        boolean isMaster() {
            return flags.contains("master");
        }

        /** Whether some node suspects or has declared this one down, or does not know it well yet. */
        boolean isTroubled() {
            return flags.contains("fail?")
                    || flags.contains("fail")
                    || flags.contains("handshake")
                    || flags.contains("noaddr");
        }
    }

    /**
     * Parses the raw reply as {@link Resp#call} returns it: {@code $<length>\r\n<text>}.
     *
     * @throws IllegalStateException if the reply is an error or not a bulk string
     */
    static ClusterView parse(String raw) {
        if (!raw.startsWith("$")) {
            throw new IllegalStateException("CLUSTER NODES replied " + raw);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : raw.substring(raw.indexOf("\r\n") + 2).split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length < 8) {
                continue;
            }
            // ip:port@cport, and in Redis 7 possibly ip:port@cport,hostname
            String hostPort = fields[1].split("[@,]")[0];
            int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
            List<int[]> slots = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                String range = fields[i];
                if (range.startsWith("[")) {
                    continue;
                }
                int dash = range.indexOf('-');
                int start = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int last = dash < 0 ? start : Integer.parseInt(range.substring(dash + 1));
                slots.add(new int[] {start, last});
            }
            entries.add(new Entry(fields[0], port, Set.of(fields[2].split(",")), fields[3], List.copyOf(slots)));
        }
        return new ClusterView(List.copyOf(entries));
    }

    Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    Optional<Entry> myself() {
        return entries.stream().filter(e -> e.flags().contains("myself")).findFirst();
    }

    /** The master whose ranges hold {@code slot}. */
    Optional<Entry> masterOf(int slot) {
        for (Entry entry : entries) {
            if (entry.isMaster()) {
                for (int[] range : entry.slots()) {
                    if (range[0] <= slot && slot <= range[1]) {
                        return Optional.of(entry);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Who is master or replica of whom and which master holds which ranges, as text that two
     * views agree on when they agree on the layout.
     */
    String layout() {
        TreeMap<String, String> roles = new TreeMap<>();
        for (Entry entry : entries) {
            roles.put(entry.id(), entry.isMaster() ? "master" : "replica of " + entry.masterId());
        }
        return roles + " " + slotOwners();
    }

    /** Which master holds which ranges. */
    String slotOwners() {
        TreeMap<Integer, String> owners = new TreeMap<>();
        for (Entry entry : entries) {
            if (entry.isMaster()) {
                for (int[] range : entry.slots()) {
                    owners.put(range[0], range[0] + "-" + range[1] + "@" + entry.id());
                }
            }
        }
        return String.join(" ", owners.values());
    }
}
