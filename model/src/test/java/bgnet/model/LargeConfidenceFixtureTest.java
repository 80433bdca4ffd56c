package bgnet.model;

import bgnet.model.backend.JvmBackend;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageReader;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** BGNet's confidence at 1280x384 (the benchmark pair) on the JVM fast path against PyTorch's, within 1e-3 (issue 18). */
class LargeConfidenceFixtureTest {

    @Test
    void confidenceMatchesPyTorchAt1280x384() throws Exception {
        BGNetModel model = BGNetModel.load(Fixtures.file("bgnet_random.pth"));
        GrayImage left = ImageReader.readGray(Fixtures.file("large_left_resized.png"));
        GrayImage right = ImageReader.readGray(Fixtures.file("large_right_resized.png"));
        assertEquals(1280, left.width());
        assertEquals(384, left.height());
        try (DisparityEstimator net = model.estimator(new JvmBackend(2))) {
            Estimate e = net.estimate(left, right, true);
            System.out.println("bgnet 1280x384 confidence " + Fixtures.assertConfidence("BGNet confidence at 1280x384",
                    e.confidence().values(), Fixtures.f32("bgnet_large_confidence.f32"), 1e-3));
        }
    }
}
