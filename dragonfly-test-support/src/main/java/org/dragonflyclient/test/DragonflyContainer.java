package org.dragonflyclient.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Ulimit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;
import org.testcontainers.utility.DockerImageName;

/**
 * Dragonfly in a container started through Testcontainers. Only loaded once {@link DockerProbe}
 * has found a working Docker, so machines without Docker never touch Testcontainers.
 *
 * <p>Stop, start, pause and resume go to the Docker API directly: Testcontainers' own
 * {@code stop()} removes the container, and a new container would get a new host port. A
 * restartable container therefore has its host port bound explicitly, so that it survives
 * {@code docker stop} / {@code docker start}.
 */
final class DragonflyContainer implements ManagedServer {

    private static final int SERVER_PORT = 6379;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final int STOP_GRACE_SECONDS = 5;

    private final GenericContainer<?> container;
    private final Endpoint endpoint;
    private final ServerInfo info;
    private boolean running = true;
    private boolean paused;

    private DragonflyContainer(GenericContainer<?> container) {
        this.container = container;
        this.endpoint = new Endpoint(container.getHost(), container.getMappedPort(SERVER_PORT), List.of());
        this.info = ServerInfo.fetch(endpoint);
    }

    /**
     * Starts a container and waits until it answers {@code PING}.
     *
     * @param restartable bind a fixed host port so that {@link #start()} after {@link #stop()}
     *     comes back on the same one
     */
    @SuppressWarnings("resource") // closed by close(), or by the Reaper, or by Ryuk
    static DragonflyContainer start(String image, boolean restartable) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(SERVER_PORT)
                .withCommand("--proactor_threads=2", "--maxmemory=1gb", "--dbfilename=", "--version_check=false")
                // Dragonfly's io_uring wants locked memory; Docker's default limit is small.
                .withCreateContainerCmdModifier(
                        cmd -> cmd.getHostConfig().withUlimits(new Ulimit[] {new Ulimit("memlock", -1L, -1L)}))
                .waitingFor(new PingWaitStrategy());
        if (restartable) {
            container.setPortBindings(List.of(FreePorts.pick() + ":" + SERVER_PORT));
        }
        container.start();
        try {
            DragonflyContainer server = new DragonflyContainer(container);
            Reaper.register(server, container::stop);
            return server;
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        if (paused) {
            docker().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
        docker().stopContainerCmd(container.getContainerId())
                .withTimeout(STOP_GRACE_SECONDS)
                .exec();
        running = false;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        docker().startContainerCmd(container.getContainerId()).exec();
        running = true;
        Resp.awaitPong(endpoint, STARTUP_TIMEOUT, () -> true, this::logTail);
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void pause() {
        requireRunning();
        docker().pauseContainerCmd(container.getContainerId()).exec();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        requireRunning();
        docker().unpauseContainerCmd(container.getContainerId()).exec();
        paused = false;
    }

    @Override
    public String execute(String... command) {
        try {
            return Resp.call(endpoint, LocalServerProcess.COMMAND_TIMEOUT, command);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " failed at " + endpoint, e);
        }
    }

    @Override
    public synchronized void close() {
        container.stop();
        running = false;
        Reaper.unregister(this);
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
        return Kind.DRAGONFLY_CONTAINER;
    }

    @Override
    public String version() {
        return info.version();
    }

    @Override
    public boolean isDragonfly() {
        return info.dragonfly();
    }

    @Override
    public String toString() {
        return kind() + " " + info.describe() + " at " + uri() + " (" + container.getDockerImageName() + ")";
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }

    private void requireRunning() {
        if (!running) {
            throw new IllegalStateException("Test server at " + endpoint + " is not running");
        }
    }

    private String logTail() {
        String logs = container.getLogs();
        return "\n--- container log (last 4000 characters) ---\n" + logs.substring(Math.max(0, logs.length() - 4000));
    }

    /** Ready means answering {@code PING}, the same test as for every other kind of server. */
    private static final class PingWaitStrategy implements WaitStrategy {

        private Duration timeout = STARTUP_TIMEOUT;

        @Override
        public void waitUntilReady(WaitStrategyTarget target) {
            Endpoint endpoint = new Endpoint(target.getHost(), target.getMappedPort(SERVER_PORT), List.of());
            Resp.awaitPong(endpoint, timeout, target::isRunning, () -> {
                String logs = target.getLogs();
                return "\n--- container log ---\n" + logs.substring(Math.max(0, logs.length() - 4000));
            });
        }

        @Override
        public WaitStrategy withStartupTimeout(Duration startupTimeout) {
            this.timeout = startupTimeout;
            return this;
        }
    }
}
