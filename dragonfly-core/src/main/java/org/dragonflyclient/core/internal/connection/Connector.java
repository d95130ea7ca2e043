package org.dragonflyclient.core.internal.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.dragonflyclient.core.ClientOptions;
import org.dragonflyclient.core.DragonflyConnectionException;
import org.dragonflyclient.core.DragonflyException;
import org.dragonflyclient.core.DragonflyServerException;
import org.dragonflyclient.core.Protocol;
import org.dragonflyclient.core.Reply;
import org.dragonflyclient.core.internal.command.Command;
import org.dragonflyclient.core.internal.command.Keyword;
import org.dragonflyclient.core.internal.output.ReplyTreeOutput;
import org.dragonflyclient.core.internal.output.StatusOutput;

/**
 * Opens connections: TCP (and TLS), then the handshake that every connection repeats, first and
 * after each reconnect: {@code HELLO 3 [AUTH user pass] [SETNAME name]}, or on servers that refuse
 * {@code HELLO}, RESP2's {@code AUTH} and {@code CLIENT SETNAME}; then {@code SELECT} when the
 * database is not 0; for the pool's connections of a client with tracking on, then
 * {@code CLIENT TRACKING ON} ({@link #openPooled}). Every failure becomes a {@link DragonflyConnectionException} whose message
 * names the address and the setting to check, and never the password.
 */
public final class Connector {

    private final ClientOptions options;
    private final PushHandler pushHandler;
    private final WriteWatchdog writeWatchdog;
    private volatile Protocol negotiated;

    /**
     * @param options where and how to connect
     * @param pushHandler receives RESP3 push frames of every connection
     */
    public Connector(ClientOptions options, PushHandler pushHandler) {
        this.options = options;
        this.pushHandler = pushHandler;
        this.writeWatchdog = new WriteWatchdog(options.timeout(), options.address());
    }

    /** @return the protocol the last handshake settled on, or {@code null} before the first */
    public Protocol negotiatedProtocol() {
        return negotiated;
    }

    /**
     * Opens a connection and runs the handshake.
     *
     * @param listener told when the connection closes later
     * @return an open, authenticated connection
     * @throws DragonflyConnectionException when the server cannot be reached or refuses the handshake
     */
    public Connection open(Connection.Listener listener) {
        return open(listener, false, new WakeGroup());
    }

    /**
     * Opens a connection of the shared pool: as {@link #open}, and with
     * {@link ClientOptions#tracking()} on, the handshake also turns on {@code CLIENT TRACKING}.
     * Dedicated connections and subscribers use {@link #open} and are never tracked.
     *
     * @param listener told when the connection closes later
     * @param group the connections whose woken callers' writes are combined with this one's ({@link WakeGroup})
     * @return an open, authenticated (and, if asked, tracked) connection
     * @throws DragonflyConnectionException when the server cannot be reached or refuses the handshake
     */
    public Connection openPooled(Connection.Listener listener, WakeGroup group) {
        return open(listener, options.tracking(), group);
    }

    private Connection open(Connection.Listener listener, boolean track, WakeGroup group) {
        Socket tcp = new Socket();
        Socket socket = connectSocket(tcp);
        Connection connection;
        try {
            connection = new Connection(
                    socket,
                    tcp,
                    options.address(),
                    options.limits(),
                    options.timeout(),
                    options.spinWait(),
                    pushHandler,
                    listener,
                    group);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new DragonflyConnectionException(
                    "Could not open streams to " + options.address() + ": " + e.getMessage(), e);
        }
        try {
            handshake(connection, track);
            writeWatchdog.watch(connection);
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Connects {@code tcp}; returns it, or the TLS socket over it. */
    private Socket connectSocket(Socket tcp) {
        String address = options.address();
        int timeoutMillis =
                (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        Socket socket = tcp;
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(options.host(), options.port()), timeoutMillis);
            if (options.ssl()) {
                try {
                    socket = startTls(socket, timeoutMillis);
                } catch (SocketTimeoutException e) {
                    throw new SSLException(
                            "no TLS answer within " + options.connectTimeout().toMillis()
                                    + " ms; a server without TLS on this port waits silently for a command",
                            e);
                }
            }
            return socket;
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new DragonflyConnectionException(
                    "Unknown host '" + options.host() + "': check the host name "
                            + "(ClientOptions host, the URI, or dragonfly.host in Spring)",
                    e);
        } catch (ConnectException | NoRouteToHostException e) {
            closeQuietly(socket);
            throw new DragonflyConnectionException(
                    "Could not connect to " + address + ": " + e.getMessage()
                            + ". Is the server running and listening there? Check the host and port (ClientOptions host/port, "
                            + "the URI, or dragonfly.host/dragonfly.port in Spring)",
                    e);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new DragonflyConnectionException(
                    "Timed out after " + options.connectTimeout().toMillis() + " ms connecting to " + address
                            + "; check that the address is reachable, or raise connectTimeout",
                    e);
        } catch (SSLException e) {
            closeQuietly(socket);
            throw new DragonflyConnectionException(
                    "TLS handshake with " + address + " failed: " + e.getMessage()
                            + ". Check that the server speaks TLS on this port, that its certificate is trusted "
                            + "(sslSocketFactory / dragonfly.ssl.bundle) and names the host you connect to",
                    e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new DragonflyConnectionException("Could not connect to " + address + ": " + e.getMessage(), e);
        }
    }

    private Socket startTls(Socket plain, int timeoutMillis) throws IOException {
        SSLSocketFactory factory = options.sslSocketFactory() != null
                ? options.sslSocketFactory()
                : (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket tls = (SSLSocket) factory.createSocket(plain, options.host(), options.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        if (options.verifyHostname()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!options.host().isEmpty() && Character.isLetter(options.host().charAt(0))) {
            parameters.setServerNames(List.of(new SNIHostName(options.host())));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(timeoutMillis);
        tls.startHandshake();
        return tls;
    }

    private void handshake(Connection connection, boolean track) {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        Protocol protocol = options.protocol();
        if (protocol == Protocol.RESP3 && !hello(connection, deadline, track)) {
            protocol = Protocol.RESP2;
        }
        if (protocol == Protocol.RESP2) {
            if (options.password() != null) {
                Object[] args = options.username() == null
                        ? new Object[] {options.password()}
                        : new Object[] {options.username(), options.password()};
                call(connection, new Command<>(Keyword.AUTH, args, new StatusOutput()), deadline, "AUTH");
            }
            if (options.clientName() != null) {
                call(
                        connection,
                        new Command<>(
                                Keyword.CLIENT,
                                new Object[] {Keyword.SETNAME, options.clientName()},
                                new StatusOutput()),
                        deadline,
                        "CLIENT SETNAME");
            }
        }
        if (options.database() != 0) {
            call(
                    connection,
                    new Command<>(Keyword.SELECT, new Object[] {options.database()}, new StatusOutput()),
                    deadline,
                    "SELECT " + options.database());
        }
        if (track) {
            // Sent on its own, after HELLO's reply arrived: a Dragonfly release broke when the
            // two came pipelined. Default mode only: NOLOOP tracks nothing on Dragonfly, and
            // Dragonfly refuses BCAST, PREFIX and REDIRECT.
            call(
                    connection,
                    new Command<>(Keyword.CLIENT, new Object[] {Keyword.TRACKING, Keyword.ON}, new StatusOutput()),
                    deadline,
                    "CLIENT TRACKING ON");
            connection.startTracked();
        }
        negotiated = protocol;
    }

    /** @return {@code false} when the server does not know RESP3, so RESP2 is to be used */
    private boolean hello(Connection connection, long deadline, boolean track) {
        List<Object> args = new ArrayList<>();
        args.add(3);
        if (options.password() != null) {
            args.add(Keyword.AUTH);
            args.add(options.username() == null ? "default" : options.username());
            args.add(options.password());
        }
        if (options.clientName() != null) {
            args.add(Keyword.SETNAME);
            args.add(options.clientName());
        }
        Command<Reply> hello = new Command<>(Keyword.HELLO, args.toArray(), new ReplyTreeOutput());
        try {
            call(connection, hello, deadline, "HELLO");
            return true;
        } catch (DragonflyConnectionException e) {
            if (e.getCause() instanceof DragonflyServerException server && refusesHello(server)) {
                if (track) {
                    throw new DragonflyConnectionException(
                            "Could not connect to " + options.address() + " with tracking on: the server refused "
                                    + "HELLO 3, so it cannot speak RESP3, and tracking needs RESP3 (invalidations "
                                    + "arrive as RESP3 pushes). Use Redis 6.0+ or Dragonfly, or turn tracking off "
                                    + "(ClientOptions tracking(false), tracking=off in the URI). Server said: "
                                    + server.getServerMessage(),
                            server);
                }
                return false;
            }
            throw e;
        }
    }

    private static boolean refusesHello(DragonflyServerException e) {
        String message = e.getServerMessage().toLowerCase(java.util.Locale.ROOT);
        return e.getErrorCode().equals("NOPROTO") || message.contains("unknown command");
    }

    private <T> T call(Connection connection, Command<T> command, long deadline, String what) {
        command.deadline(deadline);
        command.waiter(Thread.currentThread());
        connection.dispatch(command);
        try {
            return connection.await(command);
        } catch (DragonflyServerException e) {
            throw handshakeRefused(what, e);
        } catch (DragonflyConnectionException e) {
            throw e;
        } catch (DragonflyException e) {
            throw new DragonflyConnectionException(
                    "Handshake with " + options.address() + " failed during " + what + ": " + e.getMessage(), e);
        }
    }

    private DragonflyConnectionException handshakeRefused(String what, DragonflyServerException e) {
        String code = e.getErrorCode();
        String advice;
        if (code.equals("WRONGPASS") || e.getServerMessage().contains("invalid password")) {
            advice = "authentication failed for user '" + (options.username() == null ? "default" : options.username())
                    + "': the username or password is wrong (check ClientOptions username/password, the URI, or "
                    + "dragonfly.username/dragonfly.password in Spring)";
        } else if (code.equals("NOAUTH")) {
            advice = "the server requires a password and none is set (set ClientOptions password, "
                    + "redis://:password@host in the URI, or dragonfly.password in Spring)";
        } else if (e.getServerMessage().contains("without any password configured")) {
            advice = "a password was given but the server has none configured; remove the password setting";
        } else if (what.equals("CLIENT TRACKING ON")) {
            advice = "tracking is on but the server refused CLIENT TRACKING ON (it needs Redis 6.0+ or Dragonfly, "
                    + "on RESP3); use such a server, or turn tracking off (ClientOptions tracking(false), "
                    + "tracking=off in the URI)";
        } else if (what.startsWith("SELECT")) {
            advice = "the database does not exist on this server (Dragonfly in cluster mode has only database 0); "
                    + "check ClientOptions database or dragonfly.database";
        } else {
            advice = "the server refused " + what;
        }
        return new DragonflyConnectionException(
                "Could not connect to " + options.address() + ": " + advice + ". Server said: " + e.getServerMessage(),
                e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do: the socket never became usable.
        }
    }

    /** @return the options connections are opened with */
    public ClientOptions options() {
        return options;
    }

    /**
     * Tells a server that cannot be reached (refused, unroutable, unknown host, timed out, closed
     * during the handshake) from one that answered and refused us (credentials, database, TLS
     * certificate), which is a configuration error.
     *
     * @param e a failure of {@link #open}
     * @return {@code true} when the server could not be reached at all
     */
    static boolean isUnreachable(DragonflyConnectionException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return true; // the server closed the connection during the handshake
        }
        if (cause instanceof DragonflyConnectionException nested) {
            return isUnreachable(nested);
        }
        return cause instanceof java.net.ConnectException
                || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException
                || cause instanceof SocketTimeoutException
                || cause instanceof org.dragonflyclient.core.DragonflyTimeoutException;
    }

    static DragonflyException describe(RuntimeException e) {
        return e instanceof DragonflyException d
                ? d
                : new DragonflyConnectionException("Could not connect: " + e.getMessage(), e);
    }
}
