package org.dragonflyclient.core.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dragonflyclient.core.DragonflyCrossSlotException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.KeyCommandBuilder;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.command.ListCommandBuilder;
import org.dragonflyclient.core.internal.command.ScriptingCommandBuilder;
import org.dragonflyclient.core.internal.command.ServerCommandBuilder;
import org.dragonflyclient.core.internal.command.StringCommandBuilder;
import org.dragonflyclient.core.internal.output.ValueDecoder;

/** Where the keys of each command layout are, and how redirections are read; no server needed. */
class CommandKeysTest {

    @Test
    void keysOfEachLayout() {
        StringCommandBuilder strings = StringCommandBuilder.INSTANCE;
        assertThat(CommandKeys.keys(strings.get("a", ValueDecoder.UTF8))).containsExactly("a");
        assertThat(CommandKeys.keys(strings.mget(new Object[] {"a", "b"}, ValueDecoder.UTF8)))
                .containsExactly("a", "b");
        assertThat(CommandKeys.keys(strings.mset(Map.of("k", "v")))).containsExactly("k");
        assertThat(CommandKeys.keys(strings.mset(new Object[] {"k1", "v1", "k2", "v2"})))
                .containsExactly("k1", "k2");
        assertThat(CommandKeys.keys(ListCommandBuilder.INSTANCE.blockingPop(
                        Keyword.BLPOP, Duration.ofSeconds(1), new Object[] {"l1", "l2"}, ValueDecoder.UTF8)))
                .containsExactly("l1", "l2");
        assertThat(CommandKeys.keys(ScriptingCommandBuilder.INSTANCE.eval(
                        "return 1", new Object[] {"k1", "k2"}, new Object[] {"arg"})))
                .containsExactly("k1", "k2");
        assertThat(CommandKeys.keys(ServerCommandBuilder.INSTANCE.ping())).isEmpty();
        assertThat(CommandKeys.keys(KeyCommandBuilder.INSTANCE.scan("0", null, ValueDecoder.UTF8)))
                .isEmpty();
        // execute(...) is routed by its name when known, else by its first argument.
        assertThat(CommandKeys.keys(ServerCommandBuilder.INSTANCE.execute("mget", new Object[] {"a", "b"})))
                .containsExactly("a", "b");
        assertThat(CommandKeys.keys(ServerCommandBuilder.INSTANCE.execute("HGETALL", new Object[] {"h"})))
                .containsExactly("h");
        assertThat(CommandKeys.slot(ServerCommandBuilder.INSTANCE.execute("INFO", new Object[0])))
                .isEqualTo(CommandKeys.ANY);
    }

    @Test
    void oneSlotOrACrossSlotErrorNamingTheKeys() {
        Command<?> tagged = ScriptingCommandBuilder.INSTANCE.eval(
                "return 1", new Object[] {"{u1}.a", "{u1}.b".getBytes()}, new Object[0]);
        assertThat(CommandKeys.slot(tagged)).isEqualTo(SlotHash.slot("u1"));
        Command<?> cross = ScriptingCommandBuilder.INSTANCE.eval("return 1", new Object[] {"a", "b"}, new Object[0]);
        assertThat(SlotHash.slot("a")).isNotEqualTo(SlotHash.slot("b"));
        assertThatThrownBy(() -> CommandKeys.slot(cross))
                .isInstanceOf(DragonflyCrossSlotException.class)
                .hasMessageStartingWith("EVAL touches keys in different hash slots ([a, b]")
                .hasMessageContaining("{user42}");
    }

    @Test
    void redirectionsAreRecognised() {
        assertThat(Redirection.of(new DragonflyServerException("MOVED 3999 127.0.0.1:6381")))
                .isEqualTo(new Redirection(Redirection.Kind.MOVED, 3999, "127.0.0.1", 6381));
        assertThat(Redirection.of(new DragonflyServerException("ASK 12 [::1]:7000")))
                .isEqualTo(new Redirection(Redirection.Kind.ASK, 12, "::1", 7000));
        assertThat(Redirection.of(new DragonflyServerException("MOVED 5 :7001")))
                .isEqualTo(new Redirection(Redirection.Kind.MOVED, 5, "", 7001));
        assertThat(Redirection.of(
                                new DragonflyServerException("TRYAGAIN Multiple keys request during rehashing of slot"))
                        .kind())
                .isEqualTo(Redirection.Kind.TRYAGAIN);
        assertThat(Redirection.of(new DragonflyServerException("CLUSTERDOWN The cluster is down"))
                        .kind())
                .isEqualTo(Redirection.Kind.CLUSTERDOWN);
        assertThat(Redirection.of(new DragonflyServerException("MOVED nonsense")))
                .isNull();
        assertThat(Redirection.of(new DragonflyServerException("MOVED 99999 h:1")))
                .isNull();
        assertThat(Redirection.of(new DragonflyServerException("WRONGTYPE Operation")))
                .isNull();
        assertThat(Redirection.of(new IllegalStateException("MOVED 1 h:1"))).isNull();
    }
}
