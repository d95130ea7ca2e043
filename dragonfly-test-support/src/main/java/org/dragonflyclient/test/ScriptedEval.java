package org.dragonflyclient.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dragonflyclient.test.DragonflyMode.Session;

/**
 * {@code EVAL}, {@code EVALSHA} and {@code SCRIPT LOAD|EXISTS|FLUSH} for {@link DragonflyMode}.
 * Not Lua: a body is a list of {@code [return] redis.call|pcall('CMD', arg, ...)} lines (arguments
 * are quoted literals, integers, {@code KEYS[i]} or {@code ARGV[i]}) and {@code --} comments, run
 * in order. That is enough to show Dragonfly's rule that a script may touch only the keys it
 * declares, and its error texts; any other body is refused with a compile error saying so.
 */
final class ScriptedEval {

    private static final Pattern CALL = Pattern.compile("^(return\\s+)?redis\\.(call|pcall)\\((.*)\\)\\s*;?$");
    private static final Pattern KEY_OR_ARG = Pattern.compile("^(KEYS|ARGV)\\[(\\d+)]$");
    private static final String ALLOW_UNDECLARED = "allow-undeclared-keys";

    private final DragonflyMode server;
    private final Map<String, String> scripts = new ConcurrentHashMap<>();

    ScriptedEval(DragonflyMode server) {
        this.server = server;
    }

    /** The keys a running script declared, and whether it may touch others. */
    record Declared(Set<String> keys, boolean anyKey) {

        /** @return the first key of the command that the script did not declare, or {@code null} */
        String firstUndeclared(String command, List<String> args) {
            if (anyKey || args.isEmpty()) {
                return null;
            }
            List<String> touched = switch (command) {
                case "GET", "GETEX", "SET" -> args.subList(0, 1);
                case "DEL", "UNLINK", "EXISTS" -> args;
                default -> List.of();
            };
            return touched.stream()
                    .filter(key -> !keys.contains(key))
                    .findFirst()
                    .orElse(null);
        }
    }

    Object execute(Session session, String command, List<String> args) {
        if (command.equals("SCRIPT")) {
            return script(args);
        }
        if (args.size() < 2) {
            return new ReplyWriter.Error(
                    "ERR wrong number of arguments for '" + command.toLowerCase(Locale.ROOT) + "' command");
        }
        String body;
        if (command.equals("EVAL")) {
            body = args.get(0);
            scripts.put(sha1(body), body);
        } else {
            body = scripts.get(args.get(0).toLowerCase(Locale.ROOT));
            if (body == null) {
                return new ReplyWriter.Error("NOSCRIPT No matching script. Please use EVAL.");
            }
        }
        int numKeys = Integer.parseInt(args.get(1));
        if (numKeys < 0 || numKeys > args.size() - 2) {
            return new ReplyWriter.Error("ERR Number of keys can't be greater than number of args");
        }
        List<String> keys = args.subList(2, 2 + numKeys);
        List<String> argv = args.subList(2 + numKeys, args.size());
        return run(session, sha1(body), body, keys, argv);
    }

    private Object script(List<String> args) {
        String sub = args.isEmpty() ? "" : args.get(0).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "LOAD":
                if (args.size() != 2) {
                    break;
                }
                String sha = sha1(args.get(1));
                scripts.put(sha, args.get(1));
                return sha;
            case "EXISTS":
                List<Object> found = new ArrayList<>();
                for (String sha1 : args.subList(1, args.size())) {
                    found.add(scripts.containsKey(sha1.toLowerCase(Locale.ROOT)) ? 1L : 0L);
                }
                return found;
            case "FLUSH":
                scripts.clear();
                return ReplyWriter.OK;
            default:
                break;
        }
        return new ReplyWriter.Error("ERR Unknown subcommand or wrong number of arguments for '" + sub + "'");
    }

    private Object run(Session session, String sha, String body, List<String> keys, List<String> argv) {
        String[] lines = body.split("\n", -1);
        Declared declared =
                new Declared(Set.copyOf(keys), lines[0].startsWith("--!df") && lines[0].contains(ALLOW_UNDECLARED));
        Object result = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            Matcher call = CALL.matcher(line);
            List<String> command = call.matches() ? arguments(call.group(3), keys, argv) : null;
            if (command == null || command.isEmpty()) {
                return new ReplyWriter.Error("ERR Error compiling script (new function): the scripted Dragonfly runs"
                        + " only lines of the form [return] redis.call('CMD', 'literal' | KEYS[i] | ARGV[i], ...),"
                        + " not: " + line);
            }
            Object reply = server.execute(
                    session, command.get(0).toUpperCase(Locale.ROOT), command.subList(1, command.size()), declared);
            if (reply instanceof ReplyWriter.Error error && call.group(2).equals("call")) {
                // Dragonfly wraps the body in a function, so its first line is line 2 of the chunk.
                return new ReplyWriter.Error("ERR Error running script (call to " + sha + "): @user_script:" + (i + 2)
                        + ": " + error.text());
            }
            if (call.group(1) != null) {
                return reply;
            }
            result = null;
        }
        return result;
    }

    /** The call's arguments, or {@code null} when one is not a literal, a number, KEYS[i] or ARGV[i]. */
    private static List<String> arguments(String text, List<String> keys, List<String> argv) {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    return null;
                }
                args.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = text.indexOf(',', i);
                String token = text.substring(i, end < 0 ? text.length() : end).strip();
                Matcher ref = KEY_OR_ARG.matcher(token);
                if (ref.matches()) {
                    List<String> source = ref.group(1).equals("KEYS") ? keys : argv;
                    int index = Integer.parseInt(ref.group(2));
                    if (index < 1 || index > source.size()) {
                        return null;
                    }
                    args.add(source.get(index - 1));
                } else if (token.matches("-?\\d+")) {
                    args.add(token);
                } else {
                    return null;
                }
                i = end < 0 ? text.length() : end;
            }
        }
        return args;
    }

    static String sha1(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.ISO_8859_1));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }
}
