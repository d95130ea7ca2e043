package org.dragonflyclient.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads {@code redis://} and {@code rediss://} URIs into a {@link ClientOptions.Builder}. Every
 * message shows the URI with its password replaced by {@code ****}.
 */
final class UriParser {

    private UriParser() {}

    /** Sets what the URI names on the builder. */
    static void apply(String uri, ClientOptions.Builder b) {
        Objects.requireNonNull(uri, "uri");
        List<String> otherHosts = new ArrayList<>();
        String single = splitHosts(uri.trim(), otherHosts);
        URI parsed;
        try {
            parsed = new URI(single);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "Malformed URI " + redact(uri) + ": " + e.getReason()
                            + "; expected redis://[user:password@]host[:port][/database]",
                    null);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "redis", "dragonfly" -> b.ssl(false);
            case "rediss", "dragonflys" -> b.ssl(true);
            default ->
                throw new IllegalArgumentException(
                        "Unsupported URI scheme in " + redact(uri) + ": use redis:// or rediss:// (TLS)");
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("URI " + redact(uri) + " names no host; expected redis://host:port");
        }
        b.host(stripBrackets(parsed.getHost()));
        b.port(parsed.getPort() == -1 ? ClientOptions.DEFAULT_PORT : parsed.getPort());
        parseUserInfo(parsed.getRawUserInfo(), b);
        parseDatabase(parsed.getPath(), uri, b);
        b.cluster(false);
        parseQuery(parsed.getRawQuery(), uri, b);
        if (!otherHosts.isEmpty()) {
            if (!b.isCluster()) {
                throw new IllegalArgumentException("URI " + redact(uri) + " names several hosts, which only a cluster "
                        + "client uses; add ?cluster=true, or name one host");
            }
            List<String> seeds = new ArrayList<>();
            seeds.add((parsed.getHost().indexOf(':') >= 0 ? parsed.getHost() : stripBrackets(parsed.getHost())) + ":"
                    + (parsed.getPort() == -1 ? ClientOptions.DEFAULT_PORT : parsed.getPort()));
            seeds.addAll(otherHosts);
            b.clusterNodes(seeds);
        }
    }

    /**
     * Keeps the first of comma-separated hosts ({@code redis://h1:7000,h2:7001?cluster=true}) in
     * the URI, which {@link URI} cannot parse otherwise, and adds the others to {@code others} as
     * {@code host:port}, with the default port where none is given.
     */
    private static String splitHosts(String uri, List<String> others) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int start = scheme + 3;
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        String authority = uri.substring(start, end);
        int at = authority.lastIndexOf('@');
        String hosts = authority.substring(at + 1);
        if (hosts.indexOf(',') < 0) {
            return uri;
        }
        String[] parts = hosts.split(",");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                throw new IllegalArgumentException(
                        "Empty host in " + redact(uri) + "; expected redis://h1:7000,h2:7001");
            }
            boolean hasPort = part.startsWith("[") ? part.contains("]:") : part.indexOf(':') >= 0;
            others.add(hasPort ? part : part + ":" + ClientOptions.DEFAULT_PORT);
        }
        return uri.substring(0, start) + authority.substring(0, at + 1) + parts[0].trim() + uri.substring(end);
    }

    private static void parseUserInfo(String rawUserInfo, ClientOptions.Builder b) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return;
        }
        int colon = rawUserInfo.indexOf(':');
        if (colon < 0) {
            // redis://secret@host is the classic password-only form.
            b.password(decode(rawUserInfo));
        } else {
            String user = decode(rawUserInfo.substring(0, colon));
            b.username(user.isEmpty() ? null : user);
            b.password(decode(rawUserInfo.substring(colon + 1)));
        }
    }

    private static void parseDatabase(String path, String uri, ClientOptions.Builder b) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return;
        }
        try {
            b.database(Integer.parseInt(path.substring(1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The path of " + redact(uri) + " must be a database number, as in redis://host:6379/0", null);
        }
    }

    private static void parseQuery(String rawQuery, String uri, ClientOptions.Builder b) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "clientName", "client_name" -> b.clientName(value);
                case "timeout" -> b.timeout(Durations.parse(value, key));
                case "connectTimeout", "connect_timeout" -> b.connectTimeout(Durations.parse(value, key));
                case "poolSize", "pool_size" -> b.poolSize(Integer.parseInt(value));
                case "spinWait", "spin_wait" -> b.spinWait(Durations.parse(value, key));
                case "protocol" -> b.protocol(Protocol.valueOf(value.toUpperCase(Locale.ROOT)));
                case "database", "db" -> b.database(Integer.parseInt(value));
                case "verifyHostname", "verify_peer" -> b.verifyHostname(Boolean.parseBoolean(value));
                case "tracking" -> b.tracking(onOff(value, "tracking", uri));
                case "cluster" -> b.cluster(onOff(value, "cluster", uri));
                case "maxRedirects", "max_redirects" -> b.maxRedirects(Integer.parseInt(value));
                case "topologyRefreshPeriod", "topology_refresh_period" ->
                    b.topologyRefreshPeriod(Durations.parse(value, key));
                default ->
                    throw new IllegalArgumentException(
                            "Unknown parameter '" + key + "' in " + redact(uri)
                                    + "; known: clientName, timeout, connectTimeout, poolSize, spinWait, protocol, database, verifyHostname, tracking, cluster, maxRedirects, topologyRefreshPeriod");
            }
        }
    }

    private static boolean onOff(String value, String name, String uri) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default ->
                throw new IllegalArgumentException(name + "=" + value + " in " + redact(uri)
                        + " is not understood; use " + name + "=on or " + name + "=off (true and false work too)");
        };
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Replaces the password in a URI with {@code ****} for messages. */
    static String redact(String uri) {
        int at = uri.lastIndexOf('@');
        int scheme = uri.indexOf("://");
        if (at < 0 || scheme < 0 || at < scheme) {
            return uri;
        }
        String userInfo = uri.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : userInfo.substring(0, colon);
        return uri.substring(0, scheme + 3) + user + ":****" + uri.substring(at);
    }
}
