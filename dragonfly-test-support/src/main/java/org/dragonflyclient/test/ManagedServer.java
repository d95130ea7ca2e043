package org.dragonflyclient.test;

/**
 * A test server of its own that a test may stop, restart and freeze: for fault tests such as a
 * server going away, a server that stops answering, or {@code CLIENT KILL}. Never
 * {@link TestServer.Kind#EXTERNAL}.
 *
 * <p>Every method blocks until the server has reached the requested state. The methods are
 * thread-safe.
 */
public interface ManagedServer extends TestServer {

    /**
     * Stops the server: {@code SIGTERM}, then {@code SIGKILL} if it has not exited after a few
     * seconds (for a container, {@code docker stop}). A paused server is resumed first so that it
     * can exit cleanly. The port stays reserved for {@link #start()}. Does nothing if the server
     * is not running.
     */
    void stop();

    /**
     * Starts the server again on the same port and waits until it answers {@code PING}. Nothing
     * survives a restart: the server keeps no data on disk. Does nothing if the server is running.
     *
     * @throws IllegalStateException if the server does not answer within the startup timeout, or
     *     if something else took the port while the server was stopped; the message holds the end
     *     of the server's log
     */
    void start();

    /**
     * Stops the server and starts it again on the same port.
     *
     * @throws IllegalStateException if the server does not come back; see {@link #start()}
     */
    void restart();

    /**
     * Freezes the server ({@code SIGSTOP}, or {@code docker pause}): connections stay open and new
     * ones are still accepted by the kernel, but no command is answered until {@link #resume()}.
     *
     * @throws IllegalStateException if the server is not running
     */
    void pause();

    /**
     * Lets a {@linkplain #pause() paused} server run again ({@code SIGCONT}, or
     * {@code docker unpause}). Commands sent while it was paused are answered now.
     *
     * @throws IllegalStateException if the server is not running
     */
    void resume();

    /**
     * Sends one command on a new connection and returns the reply as it came off the wire, for
     * setting up faults such as {@code execute("CLIENT", "KILL", "TYPE", "normal")},
     * {@code execute("DEBUG", "SLEEP", "0")} or {@code execute("CONFIG", "SET", ...)}. The final
     * CRLF is removed: {@code "+OK"}, {@code ":2"}, {@code "-ERR unknown command ..."},
     * {@code "$5\r\nhello"}. Errors come back as text, not as exceptions.
     *
     * @param command the command name and its arguments, sent as RESP bulk strings
     * @return the raw reply, without its final CRLF
     * @throws java.io.UncheckedIOException if the server cannot be reached or does not reply
     *     within ten seconds
     */
    String execute(String... command);
}
