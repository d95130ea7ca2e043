package org.dragonflyclient.test;

import java.util.List;
import java.util.Locale;

import org.dragonflyclient.test.DragonflyMode.Session;

/** {@code CLIENT ...} for {@link DragonflyMode}, with Dragonfly's rules for {@code TRACKING}. */
final class ScriptedClientCommand {

    private static final ReplyWriter.Error SYNTAX = new ReplyWriter.Error("ERR syntax error");

    private ScriptedClientCommand() {}

    static Object execute(DragonflyMode server, Session session, List<String> args) {
        String sub = args.isEmpty() ? "" : args.get(0).toUpperCase(Locale.ROOT);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (sub) {
            case "SETNAME" -> {
                if (rest.size() != 1 || rest.get(0).contains(" ")) {
                    yield new ReplyWriter.Error(
                            "ERR Client names cannot contain spaces, newlines or special characters.");
                }
                session.name = rest.get(0);
                yield ReplyWriter.OK;
            }
            case "GETNAME" -> session.name;
            case "ID" -> session.id;
            // Some of Dragonfly's fields; like Dragonfly, no resp=.
            case "INFO", "LIST" ->
                "id=" + session.id + " name=" + (session.name == null ? "" : session.name)
                        + " tid=0 lib-name= lib-ver=\n";
            case "TRACKING" -> tracking(server, session, rest);
            case "CACHING" -> caching(session, rest);
            default ->
                new ReplyWriter.Error(
                        "ERR Unknown subcommand or wrong number of arguments for '" + sub + "'. Try CLIENT HELP.");
        };
    }

    /** {@code ON|OFF [OPTIN|OPTOUT|NOLOOP] [NOLOOP]}, RESP3 only; {@code BCAST}, {@code REDIRECT}, {@code PREFIX} are syntax errors. */
    private static Object tracking(DragonflyMode server, Session session, List<String> args) {
        if (session.protocol != 3) {
            return new ReplyWriter.Error(DragonflyMode.TRACKING_ON_RESP2);
        }
        if (args.isEmpty() || args.size() > 3) {
            return SYNTAX;
        }
        String onOff = args.get(0).toUpperCase(Locale.ROOT);
        if (!onOff.equals("ON") && !onOff.equals("OFF")) {
            return SYNTAX;
        }
        boolean optIn = false;
        boolean optOut = false;
        boolean noLoop = false;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i).toUpperCase(Locale.ROOT);
            if (i == 1 && option.equals("OPTIN")) {
                optIn = true;
            } else if (i == 1 && option.equals("OPTOUT")) {
                optOut = true;
            } else if (option.equals("NOLOOP") && !noLoop) {
                noLoop = true;
            } else {
                return SYNTAX;
            }
        }
        session.tracking = onOff.equals("ON");
        session.optIn = optIn;
        session.optOut = optOut;
        session.noLoop = noLoop;
        if (!session.tracking) {
            server.untrack(session);
        }
        return ReplyWriter.OK;
    }

    private static Object caching(Session session, List<String> args) {
        if (args.size() != 1) {
            return SYNTAX;
        }
        String yesNo = args.get(0).toUpperCase(Locale.ROOT);
        if (!session.tracking || (!session.optIn && !session.optOut)) {
            return new ReplyWriter.Error("ERR CLIENT CACHING can be called only when the client is in tracking mode"
                    + " with OPTIN or OPTOUT mode enabled");
        }
        if (yesNo.equals("YES") && session.optIn) {
            session.cachingNext = Boolean.TRUE;
        } else if (yesNo.equals("NO") && session.optOut) {
            session.cachingNext = Boolean.FALSE;
        } else {
            return SYNTAX;
        }
        return ReplyWriter.OK;
    }
}
