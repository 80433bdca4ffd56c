package bgnet.model;

import bgnet.model.backend.Backend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.io.GrayImage;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A forward pass whose disparities are NaN or infinite is an error, not a result. */
class NonFiniteOutputTest {

    /** A backend whose pass leaves one NaN in the disparity, as overflowing weights would. */
    private static final class OneNaN implements Backend {
        @Override
        public ProgramRunner prepare(NetworkProgram program) {
            return new ProgramRunner() {
                private final float[] out = new float[program.disparity().size()];

                @Override
                public float[] run(float[] left, float[] right) {
                    Arrays.fill(out, 1f);
                    out[7] = Float.NaN;
                    return out;
                }

                @Override
                public float[] run(float[] left, float[] right, StageTimes times) {
                    return run(left, right);
                }

                @Override
                public float[] named(String name) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public String description() {
                    return "one NaN";
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String description() {
            return "one NaN";
        }
    }

    @Test
    void aNaNDisparityIsRefused() throws Exception {
        BGNetModel model = BGNetModel.load(Fixtures.file("bgnet_random.pth"));
        GrayImage image = new GrayImage(64, 64, new float[64 * 64]);
        try (DisparityEstimator net = model.estimator(new OneNaN())) {
            NonFiniteOutput e = assertThrows(NonFiniteOutput.class, () -> net.estimate(image, image));
            assertTrue(e.getMessage().startsWith("BGNet produced 1 NaN or infinite disparities of 4096"), e.getMessage());
        }
    }
}
