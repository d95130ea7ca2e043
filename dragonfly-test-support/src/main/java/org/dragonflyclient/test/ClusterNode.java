package org.dragonflyclient.test;

/**
 * One node of a {@link TestCluster}: a {@code redis-server} process in cluster mode. It keeps
 * its port and its node id across {@link #stop()} and {@link #start()} (its {@code nodes.conf}
 * survives), so a restarted node rejoins the cluster; its data does not survive.
 */
public interface ClusterNode {

    /**
     * Returns the node's id, as in {@code CLUSTER NODES}.
     *
     * @return forty hexadecimal characters
     */
    String id();

    /**
     * Returns the host to connect to.
     *
     * @return {@code "127.0.0.1"}
     */
    String host();

    /**
     * Returns the node's port; its cluster bus listens on this plus 10,000.
     *
     * @return the port
     */
    int port();

    /**
     * Returns the node's address as a Redis URI.
     *
     * @return for example {@code "redis://127.0.0.1:30001"}
     */
    String uri();

    /**
     * Returns whether the node calls itself a master, asking the node.
     *
     * @return {@code true} for a master
     * @throws java.io.UncheckedIOException if the node does not answer
     */
    boolean isMaster();

    /**
     * Stops the process ({@code SIGTERM}, then {@code SIGKILL}); the others mark it as failing
     * after the node timeout, and its replica may take over.
     */
    void stop();

    /**
     * Kills the process with {@code SIGKILL}, as a crashed machine: no shutdown, connections cut
     * without a goodbye. Like {@link #stop()} otherwise.
     */
    void kill();

    /** Starts a stopped or killed node again on the same port with the same node id. */
    void start();

    /** Freezes the process ({@code SIGSTOP}): it answers nothing, neither clients nor the bus. */
    void pause();

    /** Lets a paused node run again ({@code SIGCONT}). */
    void resume();

    /**
     * Sends {@code CLUSTER FAILOVER} (with {@code options} such as {@code FORCE} or
     * {@code TAKEOVER}) to this replica and waits until it is a master, in its own view and in
     * that of every other running node.
     *
     * @param options nothing, {@code "FORCE"} or {@code "TAKEOVER"}
     * @throws IllegalStateException if the node refuses, or is not a master everywhere within 30 s
     */
    void failover(String... options);

    /**
     * Sends one command on a new connection and returns the raw reply without its final CRLF, as
     * {@link ManagedServer#execute(String...)} does: {@code "+OK"}, {@code "-MOVED 3999 ..."}.
     *
     * @param command the command name and its arguments
     * @return the raw reply
     * @throws java.io.UncheckedIOException if the node cannot be reached or does not reply within
     *     ten seconds
     */
    String execute(String... command);
}
