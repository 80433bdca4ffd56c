package bgnet.app;

import bgnet.api.Device;
import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoModel;
import bgnet.api.StereoResult;
import bgnet.model.io.ConfidenceFiles;
import bgnet.model.io.DepthMap;
import bgnet.model.io.KittiPng;
import bgnet.model.io.PfmFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `predict --confidence`, `--min-confidence` and `--confidence-dir`, against the API's result for the same pair. */
class PredictConfidenceTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final String WEIGHTS = DATA.resolve("bgnet_random.pth").toString();
    static final Path LEFT = DATA.resolve("small_left_src.png");
    static final Path RIGHT = DATA.resolve("small_right_src.png");
    static StereoResult expected;
    static float threshold;

    @TempDir
    Path tmp;

    @BeforeAll
    static void reference() {
        try (StereoModel model = StereoModel.load(WEIGHTS); StereoEstimator e = model.estimator(Device.jvm(2))) {
            expected = e.estimateWithConfidence(LEFT, RIGHT);
        }
        float[] sorted = expected.confidence();
        Arrays.sort(sorted);
        threshold = sorted[sorted.length / 2];
    }

    @Test
    void confidencePngAndMinConfidenceInEveryOutput() throws Exception {
        Path d = tmp.resolve("d.png");
        Path c = tmp.resolve("c.png");
        Path z = tmp.resolve("z.pfm");
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT.toString(), "--right", RIGHT.toString(),
                "--threads", "2", "--output", d.toString(), "--confidence", c.toString(),
                "--min-confidence", Float.toString(threshold), "--depth", z.toString(), "--focal", "100", "--baseline", "0.5");
        assertEquals(0, r.exitCode(), r.err());

        float[] conf = expected.confidence();
        float[] disparity = expected.disparity();
        BufferedImage png = ImageIO.read(c.toFile());
        int[] codes = png.getRaster().getSamples(0, 0, png.getWidth(), png.getHeight(), 0, (int[]) null);
        float[] kitti = KittiPng.read(d).values();
        float[] depth = DepthMap.readPfm(z).metres();
        int dropped = 0;
        for (int i = 0; i < conf.length; i++) {
            assertEquals(Math.round(conf[i] * 65535.0), codes[i], "confidence code of pixel " + i);
            boolean kept = conf[i] >= threshold;
            assertEquals(kept ? KittiPng.encode(disparity[i]) / 256.0 : 0, kitti[i], 1e-6, "disparity of pixel " + i);
            if (!kept) {
                assertEquals(0f, depth[i], "depth of pixel " + i);
                dropped++;
            }
        }
        assertTrue(dropped > 0, "the threshold should drop pixels");
    }

    @Test
    void confidencePfmWithoutAThresholdLeavesTheDisparityAlone() throws Exception {
        Path d = tmp.resolve("d.pfm");
        Path c = tmp.resolve("c.pfm");
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT.toString(), "--right", RIGHT.toString(),
                "--threads", "2", "--output", d.toString(), "--confidence", c.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(expected.confidence(), ConfidenceFiles.read(c).values());
        assertArrayEquals(expected.disparity(), PfmFile.read(d).values());
    }

    @Test
    void badConfidenceOptionsAreOneLine() {
        Path d = tmp.resolve("d.pfm");
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT.toString(), "--right", RIGHT.toString(),
                "--output", d.toString(), "--min-confidence", "1.5");
        assertArrayEquals(new String[] {"error: --min-confidence 1.5: expected a confidence from 0 to 1, e.g. 0.5"}, r.errLines());
        assertEquals(1, r.exitCode());
        r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT.toString(), "--right", RIGHT.toString(),
                "--output", d.toString(), "--confidence", tmp.resolve("c.jpg").toString());
        assertArrayEquals(new String[] {"error: --confidence " + tmp.resolve("c.jpg")
                + ": unsupported file type '.jpg' (use .pfm or .png)"}, r.errLines());
        assertFalse(Files.exists(d));
    }

    @Test
    void datasetRunsWriteConfidenceNamedAsTheirResults() throws Exception {
        Path l = Files.createDirectories(tmp.resolve("l"));
        Path rr = Files.createDirectories(tmp.resolve("r"));
        Files.copy(LEFT, l.resolve("a.png"));
        Files.copy(RIGHT, rr.resolve("a.png"));
        Path out = tmp.resolve("out");
        Path conf = tmp.resolve("conf");
        CapturedRun r = CapturedRun.of("predict", "--weights", WEIGHTS, "--threads", "2", "--left-dir", l.toString(),
                "--right-dir", rr.toString(), "--output-dir", out.toString(), "--confidence-dir", conf.toString(),
                "--min-confidence", Float.toString(threshold));
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(expected.confidence(), ConfidenceFiles.read(conf.resolve("a.pfm")).values());
        assertArrayEquals(expected.withMinConfidence(threshold).disparity(), PfmFile.read(out.resolve("a.pfm")).values());

        CapturedRun same = CapturedRun.of("predict", "--weights", WEIGHTS, "--left-dir", l.toString(),
                "--right-dir", rr.toString(), "--output-dir", out.toString(), "--confidence-dir", out.toString());
        assertEquals(1, same.exitCode());
        assertTrue(same.err().startsWith("error: --confidence-dir " + out + " is the --output-dir"), same.err());
    }
}
