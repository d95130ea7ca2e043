package org.dragonflyclient.core.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.output.StatusOutput;

/**
 * The grouping rule of {@link CommandWriter}: which commands leave in which system call. The
 * stream records each {@code write} call separately, so a test can say exactly what left together.
 * End-to-end behaviour under real threads and a real server is covered by {@code ConcurrencyTest}
 * and {@code ChaosTest}; here each step of the rule is driven by hand, so each outcome is certain.
 */
class CommandWriterTest {

    private final RecordingStream out = new RecordingStream();
    private final CommandWriter writer =
            new CommandWriter(out, new InFlightQueue(), () -> {}, e -> {}, new WakeGroup());

    @Test
    void loneSynchronousCommand_isWrittenAtOnce() {
        writer.write(sync("a"));

        assertThat(out.writes()).containsExactly(echo("a"));
        assertThat(writer.isHolding()).isFalse();
    }

    @Test
    void whileAWokenWaiterIsComingBack_synchronousCommandsAreHeld_andItsReturnWritesThemInOneCall() {
        Command<String> woken = waitingCommand();
        writer.expectWaking(woken);

        writer.write(sync("b"));
        writer.write(sync("c"));
        assertThat(out.writes()).isEmpty();
        assertThat(writer.isHolding()).isTrue();

        assertThat(woken.leaveAwait()).isTrue();
        writer.wokeUp();

        assertThat(out.writes()).containsExactly(echo("b") + echo("c"));
        assertThat(writer.isHolding()).isFalse();
    }

    @Test
    void theLastOfSeveralWokenWaiters_writesTheHold() {
        Command<String> first = waitingCommand();
        Command<String> second = waitingCommand();
        writer.expectWaking(first);
        writer.expectWaking(second);
        writer.write(sync("b"));

        first.leaveAwait();
        writer.wokeUp();
        assertThat(out.writes()).isEmpty();

        second.leaveAwait();
        writer.wokeUp();
        assertThat(out.writes()).containsExactly(echo("b"));
    }

    @Test
    void aWaiterThatNeverWaited_isNotCounted() {
        // As with a pipeline whose last reply arrived before its caller could wait for it.
        Command<String> notWaiting = sync("x");
        writer.expectWaking(notWaiting);

        writer.write(sync("b"));

        assertThat(out.writes()).containsExactly(echo("b"));
        assertThat(notWaiting.leaveAwait()).isFalse();
    }

    @Test
    void aWaiterThatAlreadyLeft_isNotCounted() {
        // As with a waiter that timed out and returned before its late reply was read.
        Command<String> gone = waitingCommand();
        assertThat(gone.leaveAwait()).isFalse();
        writer.expectWaking(gone);

        writer.write(sync("b"));

        assertThat(out.writes()).containsExactly(echo("b"));
    }

    @Test
    void asynchronousCommandsAreNeverHeld_andTakeTheHoldAlong() {
        writer.expectWaking(waitingCommand());
        writer.write(sync("b"));

        writer.write(new Command<>(Keyword.ECHO, new Object[] {"async"}, new StatusOutput()));

        assertThat(out.writes()).containsExactly(echo("b") + echo("async"));
        assertThat(writer.isHolding()).isFalse();
    }

    @Test
    void pipelinesAreNeverHeld() {
        writer.expectWaking(waitingCommand());

        writer.writeAll(List.of(sync("p1"), sync("p2")));

        assertThat(out.writes()).containsExactly(echo("p1") + echo("p2"));
    }

    @Test
    void aHoldWhoseWaiterNeverComesBack_isWrittenByAnyWaiterOnceOverdue() throws InterruptedException {
        writer.expectWaking(waitingCommand()); // never reports back, like a thread starved of CPU
        writer.write(sync("b"));
        assertThat(out.writes()).isEmpty();

        TimeUnit.NANOSECONDS.sleep(CommandWriter.MAX_HOLD_NANOS + TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(writer.isHoldOverdue()).isTrue();
        writer.releaseOverdueHold();

        assertThat(out.writes()).containsExactly(echo("b"));
        assertThat(writer.isHoldOverdue()).isFalse();
    }

    @Test
    void closingDropsTheHold() {
        writer.expectWaking(waitingCommand());
        writer.write(sync("b"));

        writer.close();

        assertThat(writer.isHolding()).isFalse();
        assertThat(writer.write(sync("c"))).isFalse();
        assertThat(out.writes()).isEmpty();
    }

    @Test
    void inAGroup_aWaiterWokenByOneMembersReader_holdsEveryMembersWrites_andItsReturnWritesEachHold() {
        // A cluster: the caller woken by node A's reader sends its next command to node B.
        WakeGroup group = new WakeGroup();
        RecordingStream outA = new RecordingStream();
        RecordingStream outB = new RecordingStream();
        CommandWriter nodeA = new CommandWriter(outA, new InFlightQueue(), () -> {}, e -> {}, group);
        CommandWriter nodeB = new CommandWriter(outB, new InFlightQueue(), () -> {}, e -> {}, group);
        Command<String> woken = waitingCommand();
        nodeA.expectWaking(woken);

        nodeB.write(sync("b1"));
        nodeA.write(sync("a1"));
        nodeB.write(sync("b2"));
        assertThat(outA.writes()).isEmpty();
        assertThat(outB.writes()).isEmpty();
        assertThat(nodeB.isHolding()).isTrue();

        woken.leaveAwait();
        nodeA.wokeUp();

        assertThat(outA.writes()).containsExactly(echo("a1"));
        assertThat(outB.writes()).containsExactly(echo("b1") + echo("b2"));
        assertThat(nodeA.isHolding()).isFalse();
        assertThat(nodeB.isHolding()).isFalse();
    }

    @Test
    void aClosedMemberLeavesItsGroup_andTheOthersHoldsAreStillWritten() {
        WakeGroup group = new WakeGroup();
        RecordingStream outB = new RecordingStream();
        CommandWriter nodeA = new CommandWriter(new RecordingStream(), new InFlightQueue(), () -> {}, e -> {}, group);
        CommandWriter nodeB = new CommandWriter(outB, new InFlightQueue(), () -> {}, e -> {}, group);
        assertThat(group.size()).isEqualTo(2);
        Command<String> woken = waitingCommand();
        nodeA.expectWaking(woken);
        nodeB.write(sync("b"));

        nodeA.close();
        assertThat(group.size()).isEqualTo(1);
        woken.leaveAwait();
        nodeA.wokeUp(); // the waiter leaves its wait on the closed connection

        assertThat(outB.writes()).containsExactly(echo("b"));
    }

    @Test
    void writersOfDifferentGroups_doNotHoldEachOther() {
        // A single server's pool: each connection is a group of its own.
        RecordingStream other = new RecordingStream();
        CommandWriter second = new CommandWriter(other, new InFlightQueue(), () -> {}, e -> {}, new WakeGroup());
        writer.expectWaking(waitingCommand());

        second.write(sync("b"));

        assertThat(other.writes()).containsExactly(echo("b"));
    }

    /** A synchronous command: a thread will wait for it. */
    private static Command<String> sync(String text) {
        Command<String> command = new Command<>(Keyword.ECHO, new Object[] {text}, new StatusOutput());
        command.waiter(Thread.currentThread());
        return command;
    }

    /** A command whose waiter is inside its wait, as a reader finds it when the reply arrives. */
    private static Command<String> waitingCommand() {
        Command<String> command = sync("waiting");
        command.enterAwait();
        return command;
    }

    private static String echo(String text) {
        return "*2\r\n$4\r\nECHO\r\n$" + text.length() + "\r\n" + text + "\r\n";
    }

    /** Keeps the bytes of each {@code write} call apart. */
    private static final class RecordingStream extends OutputStream {
        private final List<String> writes = new ArrayList<>();

        @Override
        public void write(int b) throws IOException {
            throw new IOException("CommandWriter writes whole buffers");
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            ByteArrayOutputStream call = new ByteArrayOutputStream();
            call.write(b, off, len);
            writes.add(call.toString(StandardCharsets.UTF_8));
        }

        synchronized List<String> writes() {
            return List.copyOf(writes);
        }
    }
}
