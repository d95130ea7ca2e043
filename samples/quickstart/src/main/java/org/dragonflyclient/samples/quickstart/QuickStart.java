package org.dragonflyclient.samples.quickstart;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

import org.dragonflyclient.core.DragonflyClient;
import org.dragonflyclient.core.Pipeline;
import org.dragonflyclient.core.SetArgs;
import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.TestServers;

/**
 * Connects to Dragonfly (or any Redis-protocol server) and shows the client's basic calls.
 *
 * <p>The server is {@code $DRAGONFLY_URL} when set; else {@code redis://127.0.0.1:6379} when
 * something answers there; else a throwaway local server started for this run (a Dragonfly
 * container, a {@code dragonfly}/{@code redis-server} binary, or the one inside embedded-redis).
 *
 * <pre>{@code ./mvnw -q -pl samples/quickstart -am compile exec:java}</pre>
 */
public final class QuickStart {

    private QuickStart() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        TestServer started = null;
        String url = System.getenv("DRAGONFLY_URL");
        if (url == null && listening("127.0.0.1", 6379)) {
            url = "redis://127.0.0.1:6379";
        }
        if (url == null) {
            started = TestServers.startDedicated();
            url = started.uri();
            System.out.println("No server configured and none on 127.0.0.1:6379: started " + started.kind()
                    + " " + started.version() + " for this run. Point the demo at your own server with "
                    + "DRAGONFLY_URL=redis://host:port");
        }
        try (DragonflyClient client = DragonflyClient.create(url)) {
            System.out.println("Connected to " + client.options() + " speaking " + client.protocol());

            client.set("quickstart:greeting", "hello from Java", SetArgs.ex(60));
            System.out.println("GET quickstart:greeting -> " + client.get("quickstart:greeting") + " (expires in "
                    + client.ttl("quickstart:greeting") + " s)");

            try (Pipeline pipeline = client.pipeline()) {
                for (int i = 0; i < 1000; i++) {
                    pipeline.set("quickstart:item:" + i, "value " + i, SetArgs.ex(60));
                }
                CompletableFuture<Long> count = pipeline.exists("quickstart:item:0", "quickstart:item:999");
                pipeline.sync();
                System.out.println("Pipelined 1000 SETs (a write per 128 commands, one wait); EXISTS of two of them -> "
                        + count.join());
            }

            String viaAsync = client.async().get("quickstart:item:42").join();
            System.out.println("Async GET quickstart:item:42 -> " + viaAsync);

            System.out.println(
                    "Cleaned up " + client.unlink("quickstart:greeting") + " + " + countAndUnlink(client) + " keys");
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private static long countAndUnlink(DragonflyClient client) {
        long removed = 0;
        var scanner = client.scan(
                org.dragonflyclient.core.ScanArgs.match("quickstart:item:*").count(500));
        for (var batch = scanner.nextBatch(); !batch.isEmpty(); batch = scanner.nextBatch()) {
            removed += client.unlink(batch.toArray(new String[0]));
        }
        return removed;
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
