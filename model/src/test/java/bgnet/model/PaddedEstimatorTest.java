package bgnet.model;

import bgnet.model.backend.Backend;
import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.network.NetworkProgram;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.InputPadding;
import bgnet.model.testing.Fixtures;
import bgnet.model.testing.FixtureRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-frame estimator: results survive the next frame, odd sizes come back at their own size. */
class PaddedEstimatorTest {
    static final int H = FixtureRun.H;
    static final int W = FixtureRun.W;

    @Test
    void resultIsNotOverwrittenByTheNextFrameAndOddSizesAreCroppedBack() throws Exception {
        BGNetModel model = BGNetModel.load(Fixtures.file("bgnet_random.pth"));
        GrayImage left = new GrayImage(W, H, Fixtures.f32("input_small_left.f32"));
        GrayImage right = new GrayImage(W, H, Fixtures.f32("input_small_right.f32"));
        try (DisparityEstimator net = model.estimator(new JvmBackend(2))) {
            DisparityMap first = net.estimate(left, right);
            float[] kept = first.values().clone();
            net.estimate(right, left);
            assertArrayEquals(kept, first.values(), "a later frame changed an earlier result");
            Fixtures.assertDisparity("estimator output", first.values(), Fixtures.f32("bgnet_small_out.f32"));

            GrayImage oddLeft = crop(left, 250, 120);
            DisparityMap odd = net.estimate(oddLeft, crop(right, 250, 120));
            assertEquals(250, odd.width());
            assertEquals(120, odd.height());
            assertThrows(IllegalArgumentException.class, () -> net.estimate(oddLeft, right));
        }
    }

    /**
     * With the confidence: PyTorch's map, the same disparity as without, results that survive the next frame,
     * re-planning when the request changes, and an odd size's map cropped exactly like its disparity.
     */
    @Test
    void confidenceComesWithTheDisparityOnlyWhenAskedFor() throws Exception {
        BGNetModel model = BGNetModel.load(Fixtures.file("bgnet_random.pth"));
        GrayImage left = new GrayImage(W, H, Fixtures.f32("input_small_left.f32"));
        GrayImage right = new GrayImage(W, H, Fixtures.f32("input_small_right.f32"));
        try (DisparityEstimator net = model.estimator(new JvmBackend(2))) {
            Estimate plain = net.estimate(left, right, false);
            assertNull(plain.confidence());
            Estimate sure = net.estimate(left, right, true);
            assertArrayEquals(plain.disparity().values(), sure.disparity().values(), "disparity with the confidence on");
            float[] kept = sure.confidence().values().clone();
            net.estimate(right, left, true);
            assertArrayEquals(kept, sure.confidence().values(), "a later frame changed an earlier confidence");
            assertEquals(W, sure.confidence().width());
            assertEquals(H, sure.confidence().height());
            Fixtures.assertConfidence("estimator confidence", kept, Fixtures.f32("bgnet_small_confidence.f32"),
                    Fixtures.CONFIDENCE_END_TO_END);
            assertNull(net.estimate(left, right, false).confidence(), "confidence after switching it off");

            // 250x120 is padded to 256x128 (8 rows on top, 6 columns on the right) and cropped back.
            GrayImage oddLeft = crop(left, 250, 120);
            GrayImage oddRight = crop(right, 250, 120);
            Estimate odd = net.estimate(oddLeft, oddRight, true);
            Estimate padded = net.estimate(InputPadding.pad(oddLeft), InputPadding.pad(oddRight), true);
            assertEquals(250, odd.confidence().width());
            assertEquals(120, odd.confidence().height());
            for (int y = 0; y < 120; y++) {
                for (int x = 0; x < 250; x++) {
                    assertEquals(padded.confidence().at(x, y + 8), odd.confidence().at(x, y), 0f, "pixel " + x + "," + y);
                    assertEquals(padded.disparity().at(x, y + 8), odd.disparity().at(x, y), 0f, "pixel " + x + "," + y);
                }
            }
        }
    }

    /**
     * The heap check before a network is prepared applies only where the activations live on the heap:
     * a 4096x4096 BGNet+ needs ~11 GB of it, more than this test JVM has, and is refused on such a backend,
     * while a backend that keeps them elsewhere (TornadoVM's device tier) is asked to run it.
     */
    @Test
    void theHeapCheckIsForBackendsThatKeepActivationsOnTheHeap() throws Exception {
        BGNetModel model = BGNetModel.load(Fixtures.file("bgnet_plus_random.pth"));
        int w = 4096;
        int h = 4096;
        assertTrue(MemoryBudget.networkBytes(model.architecture(), h, w) > Runtime.getRuntime().maxMemory());
        GrayImage image = new GrayImage(w, h, new float[w * h]);
        try (DisparityEstimator onHeap = model.estimator(new StubBackend(true))) {
            assertThrows(MemoryShortage.class, () -> onHeap.estimate(image, image));
        }
        try (DisparityEstimator offHeap = model.estimator(new StubBackend(false))) {
            assertEquals(w, offHeap.estimate(image, image).width());
        }
    }

    /** A backend whose runner returns zeros at the program's size (nothing is computed or allocated). */
    private record StubBackend(boolean activationsOnHeap) implements Backend {
        @Override
        public ProgramRunner prepare(NetworkProgram program) {
            float[] zeros = new float[program.disparity().size()];
            return new ProgramRunner() {
                public float[] run(float[] left, float[] right) {
                    return zeros;
                }

                public float[] run(float[] left, float[] right, StageTimes times) {
                    return zeros;
                }

                public float[] named(String name) {
                    throw new UnsupportedOperationException();
                }

                public String description() {
                    return "stub";
                }

                public void close() {
                }
            };
        }

        @Override
        public String description() {
            return "stub";
        }
    }

    private static GrayImage crop(GrayImage g, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g.pixels(), y * g.width(), out, y * w, w);
        }
        return new GrayImage(w, h, out);
    }
}
