package org.dragonflyclient.core.internal.connection;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections whose readers' woken callers send their next commands to one another: while a
 * caller woken by any member's reader has not come back, the synchronous writes of every member
 * are held, and the caller whose return brings the count to zero writes each member's hold
 * (decision 0004 for one connection, decision 0020 for a cluster).
 *
 * <p>On a single server a caller keeps its connection (the pool routes by thread), so each
 * connection is a group of its own. On a cluster a caller's next key is on any master, so the
 * connections of one pool index on every node form one group: the batch one node's reader woke is
 * written to every node in as few writes as it allows.
 *
 * <p>Why nothing is stranded: a member holds only when it reads a count above zero under its own
 * lock after its bytes were added, and the caller that brings the count to zero then takes every
 * member's lock in turn, so for each member it either sees the bytes or the member saw zero. A
 * member joins before its first write (so the list read after the decrement includes every member
 * that could hold) and leaves when it closes (a closed member holds nothing).
 */
public final class WakeGroup {

    /** Callers woken with their reply that have not come back yet. */
    private final AtomicInteger waking = new AtomicInteger();

    private volatile CommandWriter[] members = new CommandWriter[0];

    /** Counts a caller a member's reader is about to wake. */
    void expectWaking() {
        // The caller may report back before this increment; the count then dips below zero for a
        // moment, which holds nothing (holding needs a count above zero).
        waking.incrementAndGet();
    }

    /** @return whether a woken caller has not come back, so synchronous writes are held */
    boolean isWaking() {
        return waking.get() > 0;
    }

    /** A counted caller came back. The last one writes what every member held. */
    void wokeUp() {
        if (waking.decrementAndGet() == 0) {
            for (CommandWriter member : members) {
                member.writeHeld();
            }
        }
    }

    synchronized void join(CommandWriter writer) {
        CommandWriter[] now = members;
        CommandWriter[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = writer;
        members = next;
    }

    synchronized void leave(CommandWriter writer) {
        CommandWriter[] now = members;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == writer) {
                CommandWriter[] next = new CommandWriter[now.length - 1];
                System.arraycopy(now, 0, next, 0, i);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                members = next;
                return;
            }
        }
    }

    /** @return the number of members; for tests */
    int size() {
        return members.length;
    }
}
