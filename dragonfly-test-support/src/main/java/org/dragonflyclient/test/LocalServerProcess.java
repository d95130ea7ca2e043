package org.dragonflyclient.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * A server process started from a binary on this machine: {@code redis-server} or
 * {@code dragonfly} from the {@code PATH}, or the binary extracted from embedded-redis.
 *
 * <p>The process writes into a temporary directory of its own: its console output goes to
 * {@value #PROCESS_LOG} there (a file, never a pipe nobody reads, which would fill up and freeze
 * the server), the server's own log next to it. The directory is deleted on {@link #close()}.
 * Signals that Java cannot send ({@code SIGSTOP}, {@code SIGCONT}) go through {@code kill}.
 */
final class LocalServerProcess implements ManagedServer {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final String PROCESS_LOG = "process.log";
    private static final long STOP_GRACE_SECONDS = 5;
    private static final int BIND_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 20;

    private final Kind kind;
    private final ServerCommand command;
    private final Path dir;
    private final Endpoint endpoint;
    private Process process;
    private boolean paused;
    private ServerInfo info;

    private LocalServerProcess(Kind kind, ServerCommand command, Path dir, int port) {
        this.kind = kind;
        this.command = command;
        this.dir = dir;
        this.endpoint = Endpoint.loopback(port);
    }

    /**
     * Starts a server on a free port. Picking a port and binding it are not atomic, so a bind
     * failure is retried on another port.
     */
    static LocalServerProcess launch(Kind kind, ServerCommand command) {
        return launch(kind, command, FreePorts::pick);
    }

    /** Starts a server on a port from {@code ports}, retried on another one if the bind fails. */
    static LocalServerProcess launch(Kind kind, ServerCommand command, IntSupplier ports) {
        for (int attempt = 1; ; attempt++) {
            Path dir = createTempDir(kind);
            LocalServerProcess server = new LocalServerProcess(kind, command, dir, ports.getAsInt());
            try {
                server.start();
                return server;
            } catch (RuntimeException e) {
                // The log tail is in the exception message already.
                Reaper.deleteRecursively(dir);
                if (!(e instanceof PortInUseException) || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Path createTempDir(Kind kind) {
        try {
            return Files.createTempDirectory("dragonfly-test-" + kind.name().toLowerCase(Locale.ROOT) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for a test server", e);
        }
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Process started;
        try {
            started = new ProcessBuilder(command.arguments(endpoint.port(), dir))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(dir.resolve(PROCESS_LOG).toFile()))
                    .start();
            started.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.executable(), e);
        }
        process = started;
        paused = false;
        Reaper.register(this, this::kill);
        try {
            Resp.awaitPong(endpoint, STARTUP_TIMEOUT, started::isAlive, this::logTail);
            if (info == null) {
                info = ServerInfo.fetch(endpoint);
            }
        } catch (RuntimeException e) {
            String tail = logTail();
            stop();
            if (tail.toLowerCase(Locale.ROOT).contains("in use")) {
                throw new PortInUseException("Port " + endpoint.port() + " is taken: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        if (paused && running.isAlive()) {
            // A stopped process holds SIGTERM pending until it is continued.
            signal(running, "CONT");
        }
        paused = false;
        running.destroy();
        try {
            if (!running.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        Reaper.unregister(this);
    }

    /**
     * Kills the process with {@code SIGKILL}, as a crash would: no shutdown, no goodbye to
     * clients or peers. The working directory stays, so {@link #start()} works as after
     * {@link #stop()}.
     */
    synchronized void crash() {
        Process running = process;
        if (running == null) {
            return;
        }
        try {
            running.destroyForcibly().waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paused = false;
        process = null;
        Reaper.unregister(this);
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void pause() {
        signal(requireRunning(), "STOP");
        paused = true;
    }

    @Override
    public synchronized void resume() {
        signal(requireRunning(), "CONT");
        paused = false;
    }

    @Override
    public String execute(String... command) {
        try {
            return Resp.call(endpoint, COMMAND_TIMEOUT, command);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " failed at " + endpoint, e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        Reaper.deleteRecursively(dir);
    }

    /** The shutdown hook's way out: no grace period, the JVM is leaving. */
    private void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
        Reaper.deleteRecursively(dir);
    }

    /** The operating system's id of the running process, for tests that check it is gone. */
    synchronized long pid() {
        return requireRunning().pid();
    }

    @Override
    public String host() {
        return endpoint.host();
    }

    @Override
    public int port() {
        return endpoint.port();
    }

    @Override
    public String uri() {
        return endpoint.uri();
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public synchronized String version() {
        return info.version();
    }

    @Override
    public synchronized boolean isDragonfly() {
        return info.dragonfly();
    }

    @Override
    public String toString() {
        return kind + " " + (info == null ? "?" : info.describe()) + " at " + uri() + " (" + command.executable() + ")";
    }

    private Process requireRunning() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Test server at " + endpoint + " is not running");
        }
        return process;
    }

    private static void signal(Process target, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(target.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + target.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run kill -" + signal + "; pause and resume need a Unix 'kill'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + signal, e);
        }
    }

    /** The last lines of every log in the working directory, for exception messages. */
    private String logTail() {
        StringBuilder tail = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(LocalServerProcess::isLog).sorted().toList()) {
                List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                tail.append("\n--- ").append(file).append(" (last lines) ---\n");
                for (String line : lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())) {
                    tail.append(line).append('\n');
                }
            }
        } catch (IOException | UncheckedIOException e) {
            tail.append("\n(cannot read the logs in ")
                    .append(dir)
                    .append(": ")
                    .append(e)
                    .append(')');
        }
        return tail.toString();
    }

    private static boolean isLog(Path file) {
        String name = file.getFileName().toString();
        // Dragonfly logs through glog: dragonfly.INFO, dragonfly.WARNING, ... (symlinks to the current file).
        return name.endsWith(".log") || name.endsWith(".INFO") || name.endsWith(".ERROR");
    }

    /** The process could not bind its port; another one may work. */
    static final class PortInUseException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        PortInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
