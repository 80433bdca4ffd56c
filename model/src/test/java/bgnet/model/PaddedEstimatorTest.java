package bgnet.model;

import bgnet.model.backend.JvmBackend;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.testing.Fixtures;
import bgnet.model.testing.FixtureRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static GrayImage crop(GrayImage g, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g.pixels(), y * g.width(), out, y * w, w);
        }
        return new GrayImage(w, h, out);
    }
}
