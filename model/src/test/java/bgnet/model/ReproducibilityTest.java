package bgnet.model;

import bgnet.model.backend.JvmBackend;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageReader;
import bgnet.model.testing.Fixtures;
import bgnet.model.io.PfmFile;
import bgnet.model.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Same input, same backend, same thread count: the same bits, however far the JIT has compiled the
 * code. The first pass of a fresh estimator runs partly interpreted and in C1, later ones in C2; the
 * 384x1280 pair is large enough that on-stack replacement switches tiers in the middle of a pass.
 * Two fresh processes (one thread, like the report) must agree as well.
 */
class ReproducibilityTest {

    @Test
    void bgnetPlusOnTheLargePairGivesTheSameBitsEveryPass() throws Exception {
        BGNetModel model = BGNetModel.load(Fixtures.file("bgnet_plus_random.pth"));
        GrayImage left = ImageReader.readGray(Fixtures.file("large_left_resized.png"));
        GrayImage right = ImageReader.readGray(Fixtures.file("large_right_resized.png"));
        float[] first;
        try (DisparityEstimator net = model.estimator(new JvmBackend(2))) {
            first = net.estimate(left, right).values();
        }
        try (DisparityEstimator net = model.estimator(new JvmBackend(2))) {
            for (int pass = 2; pass <= 3; pass++) {
                DisparityMap again = net.estimate(left, right);
                assertEquals(0, differing(first, again.values()), "pixels that differ from the first pass in pass " + pass);
            }
        }
    }

    @Test
    void twoProcessesGiveTheSameBits(@TempDir Path dir) throws Exception {
        float[][] runs = new float[2][];
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("run" + i + ".pfm");
            try (ChildJvm child = ChildJvm.start(DisparityDumpMain.class, List.of("--add-modules", "jdk.incubator.vector"),
                    Fixtures.file("bgnet_plus_random.pth").toString(), Fixtures.file("large_left_resized.png").toString(),
                    Fixtures.file("large_right_resized.png").toString(), "1", out.toString())) {
                String output = child.rest();
                assertEquals(0, child.waitFor(300), output);
            }
            runs[i] = PfmFile.read(out).values();
        }
        assertEquals(0, differing(runs[0], runs[1]), "pixels that differ between two processes");
    }

    static int differing(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                n++;
            }
        }
        return n;
    }
}
