package org.dragonflyclient.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a server process on a given port in a given directory. Every
 * variant keeps nothing on disk, listens on loopback only and allows {@code DEBUG}, because fault
 * tests use {@code DEBUG SLEEP}.
 */
interface ServerCommand {

    /** Name of the file, inside the working directory, that the server writes its own log to. */
    String SERVER_LOG = "server.log";

    /**
     * Returns the full command line.
     *
     * @param port the port to listen on
     * @param dir the server's working directory, which it may write into
     */
    List<String> arguments(int port, Path dir);

    /** The binary that runs, for logs. */
    Path executable();

    /**
     * {@code redis-server} with no persistence. {@code enable-debug-command} exists since Redis 7
     * (where {@code DEBUG} is refused without it) and is rejected as unknown before; the optional
     * {@code -::1} bind exists since 6.2.
     */
    static ServerCommand redis(Path executable, Executables.RedisVersion version) {
        return new ServerCommand() {
            @Override
            public List<String> arguments(int port, Path dir) {
                List<String> args = new ArrayList<>(
                        List.of(executable.toString(), "--port", Integer.toString(port), "--bind", Endpoint.LOOPBACK));
                if (version.atLeast(6, 2)) {
                    args.add("-::1");
                }
                args.addAll(List.of(
                        "--save", "",
                        "--appendonly", "no",
                        "--dir", dir.toString(),
                        "--logfile", dir.resolve(SERVER_LOG).toString(),
                        "--protected-mode", "no",
                        "--daemonize", "no"));
                if (version.atLeast(7, 0)) {
                    args.addAll(List.of("--enable-debug-command", "yes"));
                }
                return args;
            }

            @Override
            public Path executable() {
                return executable;
            }
        };
    }

    /**
     * A {@code dragonfly} binary: two threads (Dragonfly wants at least 256 MB of
     * {@code maxmemory} per thread), no snapshot ({@code --dbfilename=} empty), logs in the
     * working directory, no call home for a version check.
     */
    static ServerCommand dragonfly(Path executable) {
        return new ServerCommand() {
            @Override
            public List<String> arguments(int port, Path dir) {
                return List.of(
                        executable.toString(),
                        "--port=" + port,
                        "--bind=" + Endpoint.LOOPBACK,
                        "--dir=" + dir,
                        "--dbfilename=",
                        "--proactor_threads=2",
                        "--maxmemory=1gb",
                        "--log_dir=" + dir,
                        "--version_check=false");
            }

            @Override
            public Path executable() {
                return executable;
            }
        };
    }

    /**
     * {@code base} as a Redis Cluster node: cluster mode on, its {@code nodes.conf} in the working
     * directory (kept across a stop and start, so a restarted node keeps its identity), and the
     * given node timeout, after which an unreachable node is marked as failing.
     */
    static ServerCommand clusterNode(ServerCommand base, Duration nodeTimeout) {
        return new ServerCommand() {
            @Override
            public List<String> arguments(int port, Path dir) {
                List<String> args = new ArrayList<>(base.arguments(port, dir));
                args.addAll(List.of(
                        "--cluster-enabled",
                        "yes",
                        "--cluster-config-file",
                        dir.resolve("nodes.conf").toString(),
                        "--cluster-node-timeout",
                        Long.toString(nodeTimeout.toMillis()),
                        // Redis 7 syncs replicas diskless and waits 5 s for more replicas first.
                        "--repl-diskless-sync-delay",
                        "0"));
                return args;
            }

            @Override
            public Path executable() {
                return base.executable();
            }
        };
    }
}
