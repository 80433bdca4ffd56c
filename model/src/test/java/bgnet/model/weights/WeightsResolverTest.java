package bgnet.model.weights;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Official checkpoint names download into the weights folder (from a loopback server here); paths are used as is. */
class WeightsResolverTest {
    static final Path FIXTURE = Path.of(System.getProperty("bgnet.testdata"), "bgnet_random.pth");

    @TempDir
    Path weightsDir;

    HttpServer server;

    @AfterEach
    void stop() {
        System.clearProperty("bgnet.weights.url");
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void localPathIsUsedAsIs() {
        assertEquals(FIXTURE, resolver(new ByteArrayOutputStream()).resolve(FIXTURE.toString()));
    }

    @Test
    void officialNameIsDownloadedOnceWithProgress() throws IOException {
        byte[] body = Files.readAllBytes(FIXTURE);
        int[] requests = {0};
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/", exchange -> {
            requests[0]++;
            boolean known = exchange.getRequestURI().getPath().endsWith("/kitti_12_BGNet.pth");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
            if (known) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        System.setProperty("bgnet.weights.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/models/");

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Path got = resolver(progress).resolve("kitti_12_BGNet");
        assertEquals(weightsDir.resolve("kitti_12_BGNet.pth"), got);
        assertArrayEquals(body, Files.readAllBytes(got));
        assertTrue(progress.toString().contains("100%"), progress.toString());
        resolver(progress).resolve("kitti_12_BGNet.pth");
        assertEquals(1, requests[0], "a file already on disk is not downloaded again");

        WeightsUnavailable notServed = assertThrows(WeightsUnavailable.class, () -> resolver(progress).resolve("kitti_15_BGNet_Plus.pth"));
        assertTrue(notServed.getMessage().contains("HTTP 404"), notServed.getMessage());
        assertOnlyFiles("kitti_12_BGNet.pth");
    }

    @Test
    void offlineIsOneClearErrorAndLeavesNothing() throws IOException {
        System.setProperty("bgnet.weights.url", "http://127.0.0.1:1/models/");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        WeightsUnavailable e = assertThrows(WeightsUnavailable.class, () -> resolver(progress).resolve("Sceneflow-BGNet.pth"));
        assertTrue(e.getMessage().contains("cannot download") && e.getMessage().contains("--weights"), e.getMessage());
        assertEquals("", progress.toString(), "the error is the only line");
        assertOnlyFiles();
    }

    @Test
    void unknownNameListsTheOfficialOnes() {
        WeightsUnavailable e = assertThrows(WeightsUnavailable.class, () -> resolver(new ByteArrayOutputStream()).resolve("nope.pth"));
        assertTrue(e.getMessage().contains("kitti_12_BGNet.pth"), e.getMessage());
    }

    private WeightsResolver resolver(ByteArrayOutputStream progress) {
        return new WeightsResolver(weightsDir, new PrintStream(progress, true));
    }

    private void assertOnlyFiles(String... names) throws IOException {
        try (Stream<Path> files = Files.list(weightsDir)) {
            assertArrayEquals(names, files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new));
        }
    }
}
