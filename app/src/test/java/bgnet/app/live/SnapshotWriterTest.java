package bgnet.app.live;

import bgnet.model.io.CameraIntrinsics;
import bgnet.model.io.DepthMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageReader;
import bgnet.model.io.PfmFile;
import bgnet.model.io.RgbImage;
import bgnet.model.io.ColorMapKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The s key's files, on the fixtures pair: depth obeys Z·d = f·B and the PLY holds one point per valid pixel. */
class SnapshotWriterTest {

    private static final double F = 350;
    private static final double B = 0.54;

    @TempDir
    Path dir;

    @Test
    void snapshotOfTheFixturesPairWritesViewDisparityDepthAndPointCloud() throws Exception {
        Path fixtures = Path.of(System.getProperty("bgnet.testdata"));
        GrayImage left = ImageReader.readGray(fixtures.resolve("small_left_src.png"));
        GrayImage right = ImageReader.readGray(fixtures.resolve("small_right_src.png"));
        RgbImage colours = ImageReader.readRgb(fixtures.resolve("small_left_src.png"));
        DisparityMap disparity = new BlockMatcher(24, 0).estimate(left, right);
        CameraIntrinsics camera = CameraIntrinsics.centred(F, B, left.width(), left.height());
        StereoFrame frame = new StereoFrame(17, left, right, colours, Optional.of(camera), System.nanoTime());
        ViewControls controls = new ViewControls(ColorMapKind.TURBO);
        RunStats stats = new RunStats();
        stats.frameDone(0, 0, 1_000_000);
        BufferedImage view = new FrameRenderer("test").render(frame, disparity, controls, stats, null);

        String note = new SnapshotWriter(dir).save(frame, disparity, view);
        assertTrue(note.startsWith("snapshot: "), note);

        BufferedImage png = ImageIO.read(only("-view.png").toFile());
        assertEquals(2 * left.width(), png.getWidth());
        assertEquals(left.height(), png.getHeight());
        assertArrayEquals(disparity.values(), PfmFile.read(only("-disparity.pfm")).values());

        float[] d = disparity.values();
        float[] z = DepthMap.readPfm(only("-depth.pfm")).metres();
        int valid = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] > 0) {
                valid++;
                assertEquals(F * B, z[i] * d[i], 1e-5 * F * B, "Z·d = f·B at pixel " + i);
            } else {
                assertEquals(0f, z[i], "invalid disparity, invalid depth");
            }
        }
        assertTrue(valid > d.length / 2, "the matcher finds most of the fixture pair");
        // Every valid pixel is nearer than 100 m here (d >= 1 px gives Z <= f·B = 189 m; check the bound holds).
        long near = 0;
        for (float v : z) {
            if (v > 0 && v <= 100) {
                near++;
            }
        }
        assertEquals(near, plyVertices(only(".ply")), "one vertex per valid pixel within the 100 m limit");
        assertTrue(note.contains("(" + near + " points)"), note);
    }

    @Test
    void withoutACameraTheSnapshotSaysWhyThereIsNoDepth() throws Exception {
        GrayImage g = new GrayImage(64, 64, new float[64 * 64]);
        StereoFrame frame = new StereoFrame(0, g, g, new RgbImage(64, 64, new int[64 * 64]), Optional.empty(), 0);
        DisparityMap d = new DisparityMap(64, 64, new float[64 * 64]);
        String note = new SnapshotWriter(dir).save(frame, d, new BufferedImage(128, 64, BufferedImage.TYPE_3BYTE_BGR));
        assertTrue(note.endsWith("(no depth or PLY without --calib, or --focal and --baseline)"), note);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "view and disparity only");
        }
    }

    /** The vertex count of a binary PLY, checked against the file's length (15 bytes per vertex). */
    private static long plyVertices(Path ply) throws IOException {
        byte[] bytes = Files.readAllBytes(ply);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("end_header\n") + "end_header\n".length();
        long n = text.substring(0, end).lines().filter(l -> l.startsWith("element vertex "))
                .mapToLong(l -> Long.parseLong(l.substring("element vertex ".length()).strip())).findFirst().orElseThrow();
        assertEquals(end + 15 * n, bytes.length, "header + n vertices of 3 floats and 3 bytes");
        return n;
    }

    private Path only(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> match = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, match.size(), suffix + " in " + match);
            assertTrue(match.getFirst().getFileName().toString().startsWith("bgnet-live-"));
            return match.getFirst();
        }
    }
}
