package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dragonflyclient.test.TcpProxy;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.TestServers;
import org.dragonflyclient.test.WithTestServer;

/**
 * TLS against a {@code redis-server} started with {@code --tls-port} and certificates made by a
 * test CA with {@code openssl}: the right certificate passes; a wrong host name, a self-signed and
 * an expired certificate are refused by default.
 */
@WithTestServer
class TlsTest {

    @TempDir
    static Path dir;

    private static SSLSocketFactory trustingTestCa;
    private static final List<Process> servers = new ArrayList<>();
    private static String redisServer;

    @BeforeAll
    static void makeCertificates() throws Exception {
        assumeTrue(commandWorks("openssl", "version"), "openssl is needed to make test certificates");
        // The binary this run uses: on the PATH, or embedded-redis's (Redis 6.2, built with TLS)
        // when the test support is forced to it or nothing is on the PATH.
        redisServer = TestServers.redisServerExecutable().map(Path::toString).orElse(null);
        assumeTrue(
                redisServer != null && commandWorks(redisServer, "--version"),
                "TlsTest starts a redis-server with " + "--tls-port, and " + TestServers.selection()
                        + " allows no redis-server binary here");
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Test CA",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt");
        signed("good", "DNS:localhost,IP:127.0.0.1", null);
        signed("wronghost", "DNS:other.example", null);
        signed("expired", "DNS:localhost,IP:127.0.0.1", "20200101000000Z");
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                "self.key",
                "-out",
                "self.crt");
        trustingTestCa = trusting(dir.resolve("ca.crt"));
    }

    /** Makes NAME.key and NAME.crt signed by the test CA, valid now, or from {@code expiredStart} for a day. */
    private static void signed(String name, String san, String expiredStart) throws Exception {
        run(
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=" + name,
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + san + "\n");
        if (expiredStart == null) {
            run(
                    "openssl",
                    "x509",
                    "-req",
                    "-in",
                    name + ".csr",
                    "-CA",
                    "ca.crt",
                    "-CAkey",
                    "ca.key",
                    "-CAcreateserial",
                    "-days",
                    "2",
                    "-extfile",
                    name + ".ext",
                    "-out",
                    name + ".crt");
        } else {
            // openssl 3.0's x509 cannot back-date; its 'ca' command can.
            Files.createDirectories(dir.resolve("ca-db"));
            Files.writeString(dir.resolve("ca-db/index.txt"), "");
            Files.writeString(
                    dir.resolve("ca.cnf"),
                    "[ca]\ndefault_ca=test\n[test]\ndir=" + dir.resolve("ca-db")
                            + "\ndatabase=$dir/index.txt\nnew_certs_dir=$dir\nserial=$dir/serial\ndefault_md=sha256\n"
                            + "policy=any\ncopy_extensions=none\n[any]\ncommonName=supplied\n");
            Files.writeString(dir.resolve("ca-db/serial"), "1000\n");
            run(
                    "openssl",
                    "ca",
                    "-batch",
                    "-config",
                    "ca.cnf",
                    "-cert",
                    "ca.crt",
                    "-keyfile",
                    "ca.key",
                    "-startdate",
                    expiredStart,
                    "-enddate",
                    "20200102000000Z",
                    "-extfile",
                    name + ".ext",
                    "-in",
                    name + ".csr",
                    "-out",
                    name + ".crt");
        }
    }

    @AfterAll
    static void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    private static int tlsServer(String cert) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        redisServer,
                        "--port",
                        "0",
                        "--tls-port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--tls-cert-file",
                        cert + ".crt",
                        "--tls-key-file",
                        cert + ".key",
                        "--tls-ca-cert-file",
                        "ca.crt",
                        "--tls-auth-clients",
                        "no")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(cert + "-server.log").toFile())
                .start();
        servers.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return port;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException(
                "TLS redis-server did not start: " + Files.readString(dir.resolve(cert + "-server.log")));
    }

    private static ClientOptions.Builder tls(String host, int port) {
        return ClientOptions.builder()
                .host(host)
                .port(port)
                .ssl(true)
                .sslSocketFactory(trustingTestCa)
                .connectTimeout(Duration.ofSeconds(5))
                .poolSize(1);
    }

    @Test
    void certificateFromTrustedCaForThisHost_connects() throws Exception {
        int port = tlsServer("good");
        try (DragonflyClient client =
                DragonflyClient.create(tls("localhost", port).build())) {
            client.set("tls:k", "over TLS");
            assertThat(client.get("tls:k")).isEqualTo("over TLS");
            assertThat(client.options().toString()).startsWith("rediss://");
        }
    }

    @Test
    void certificateForAnotherHost_isRefusedUnlessVerificationIsTurnedOff() throws Exception {
        int port = tlsServer("wronghost");

        assertThatThrownBy(() -> DragonflyClient.create(tls("localhost", port).build()))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("TLS handshake")
                .hasMessageContaining("localhost:" + port);
        try (DragonflyClient client = DragonflyClient.create(
                tls("localhost", port).verifyHostname(false).build())) {
            assertThat(client.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void selfSignedCertificate_isRefused() throws Exception {
        int port = tlsServer("self");

        assertThatThrownBy(() -> DragonflyClient.create(tls("localhost", port).build()))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("trusted");
    }

    @Test
    void expiredCertificate_isRefused() throws Exception {
        int port = tlsServer("expired");

        assertThatThrownBy(() -> DragonflyClient.create(tls("localhost", port).build()))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("TLS handshake");
    }

    @Test
    void jdkDefaultTrustStore_refusesThePrivateCa() throws Exception {
        int port = tlsServer("good");

        assertThatThrownBy(() -> DragonflyClient.create("rediss://localhost:" + port))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining("TLS handshake");
    }

    /**
     * The write deadline (see {@link WriteDeadlineTest}) over TLS: closing a TLS socket waits for the
     * lock its blocked writer holds, so the watchdog closes the TCP socket under it first. Without
     * that, this pipeline stayed blocked (checked).
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void serverThatStopsReading_blockedTlsWriteFailsWithinTheWriteDeadline() throws Exception {
        int port = tlsServer("good");
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", port);
                DragonflyClient client = DragonflyClient.create(tls("localhost", proxy.port())
                        .timeout(Duration.ofMillis(500))
                        .build())) {
            proxy.stopReading();
            Pipeline pipeline = client.pipeline();
            byte[] value = new byte[4096];
            for (int i = 0; i < 16_000; i++) { // 64 MiB: more than the socket buffers hold
                pipeline.set(("tls:wd:" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), value);
            }

            assertThatThrownBy(pipeline::sync)
                    .isInstanceOf(DragonflyConnectionException.class)
                    .hasMessageContaining("a write made no progress for the command timeout");
        }
    }

    @Test
    void tlsAgainstAPlainPort_failsWithAClearError(TestServer plain) {
        assertThatThrownBy(() -> DragonflyClient.create(tls(plain.host(), plain.port())
                        .connectTimeout(Duration.ofSeconds(1))
                        .build()))
                .isInstanceOf(DragonflyConnectionException.class)
                .hasMessageContaining(plain.host() + ":" + plain.port())
                .hasMessageContaining("speaks TLS");
    }

    private static SSLSocketFactory trusting(Path caCertificate) throws Exception {
        KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
        trustStore.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trustStore.setCertificateEntry(
                    "test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
